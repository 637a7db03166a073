package io.collectivepulse.digest;

import io.collectivepulse.community.Community;
import io.collectivepulse.signal.Signal;
import io.collectivepulse.signal.ThemeCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups and ranks what a community shared into a {@link Digest}. A signal counts under its first theme only,
 * so that it appears once; a theme ranks by the +1s of its signals, then by how many there are.
 */
final class DigestBuilder {
    private static final Comparator<Signal> MOST_SECONDED = Comparator.comparingInt(Signal::votes).reversed()
            .thenComparing(Signal::createdAt).thenComparingLong(Signal::id);

    private DigestBuilder() {
    }

    /** {@code items}: everything posted in {@code [from, to)}, plus older items still flagged or claimed. */
    static Digest build(Community community, Instant from, Instant to, List<Signal> items) {
        return build(community, from, to, items, List.of());
    }

    /** Same, with the themes members took up as a whole. */
    static Digest build(Community community, Instant from, Instant to, List<Signal> items,
                               List<ThemeCount> claimedThemes) {
        Map<String, List<Signal>> byTheme = new HashMap<>();
        List<Signal> resources = new ArrayList<>();
        List<Signal> claimed = new ArrayList<>();
        List<Signal> flagged = new ArrayList<>();
        for (Signal item : items) {
            boolean isNew = !item.createdAt().isBefore(from) && item.createdAt().isBefore(to);
            if (isNew && item.kind() == Signal.Kind.RESOURCE) {
                resources.add(item);
            } else if (isNew) {
                String theme = item.themes().isEmpty() ? "" : item.themes().get(0);
                byTheme.computeIfAbsent(theme, t -> new ArrayList<>()).add(item);
            }
            if (!item.claimants().isEmpty()) {
                claimed.add(item);
            }
            if (item.isFlagged()) {
                flagged.add(item);
            }
        }
        List<Digest.ThemeGroup> groups = new ArrayList<>(byTheme.size());
        byTheme.forEach((theme, signals) -> {
            signals.sort(MOST_SECONDED);
            groups.add(new Digest.ThemeGroup(theme, signals, signals.stream().mapToInt(Signal::votes).sum()));
        });
        groups.sort(Comparator.comparing((Digest.ThemeGroup g) -> g.theme().isEmpty())
                .thenComparing(Comparator.comparingInt(Digest.ThemeGroup::votes).reversed())
                .thenComparing(Comparator.comparingInt((Digest.ThemeGroup g) -> g.signals().size()).reversed())
                .thenComparing(Digest.ThemeGroup::theme));
        resources.sort(MOST_SECONDED);
        claimed.sort(MOST_SECONDED);
        flagged.sort(Comparator.comparing(Signal::flaggedAt).thenComparingLong(Signal::id));
        return new Digest(community, from, to, groups, resources, claimed, flagged, claimedThemes);
    }
}
