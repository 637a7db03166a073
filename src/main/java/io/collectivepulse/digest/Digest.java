package io.collectivepulse.digest;

import io.collectivepulse.community.Community;
import io.collectivepulse.signal.Signal;
import io.collectivepulse.signal.ThemeCount;
import java.time.Instant;
import java.util.List;

/**
 * One week of a community, ready to be shown.
 *
 * @param themes    the week's new signals by theme, the most seconded theme first; signals without a theme
 *                  come last, under an empty theme name
 * @param resources the week's new resources, most +1s first
 * @param claimed   signals and resources members took up for the next session
 * @param flagged   what facilitators flagged for the next session
 * @param claimedThemes whole themes members took up, with who took each
 */
public record Digest(Community community, Instant from, Instant to, List<ThemeGroup> themes, List<Signal> resources,
                     List<Signal> claimed, List<Signal> flagged, List<ThemeCount> claimedThemes) {
    public Digest {
        themes = List.copyOf(themes);
        resources = List.copyOf(resources);
        claimed = List.copyOf(claimed);
        flagged = List.copyOf(flagged);
        claimedThemes = List.copyOf(claimedThemes);
    }

    /** True when nothing happened: the digest is then one short line. */
    public boolean isQuiet() {
        return themes.isEmpty() && resources.isEmpty() && claimed.isEmpty() && flagged.isEmpty()
                && claimedThemes.isEmpty();
    }

    public int signalCount() {
        return themes.stream().mapToInt(g -> g.signals().size()).sum();
    }

    /** The signals of one theme, most +1s first. */
    public record ThemeGroup(String theme, List<Signal> signals, int votes) {
        public ThemeGroup {
            signals = List.copyOf(signals);
        }
    }
}
