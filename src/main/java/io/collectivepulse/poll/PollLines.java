package io.collectivepulse.poll;

import io.collectivepulse.i18n.Messages;
import io.collectivepulse.when.WhenFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines poll cards share: an option's bar with its percentage and count, the number of voters, the poll's
 * rules (anonymous, several answers, until when), the deadline in the community's time zone and language.
 */
final class PollLines {
    /** Cells of a bar: each is a tenth of the voters. */
    static final int BAR_CELLS = 10;

    private PollLines() {
    }

    /** {@code ▓▓▓▓░░░░░░ 40 % · 4}: the share of the voters who chose the option. */
    static String bar(Messages messages, Tally tally, Tally.Option option) {
        int percent = tally.percent(option);
        int filled = Math.round(percent * BAR_CELLS / 100f);
        String bar = "▓".repeat(filled) + "░".repeat(BAR_CELLS - filled);
        return messages.get("poll.bar", bar, percent, option.votes());
    }

    /** The option's label above its bar. */
    static String option(Messages messages, Tally tally, Tally.Option option) {
        return option.label() + "\n" + bar(messages, tally, option);
    }

    static String voters(Messages messages, Tally tally) {
        return messages.get("poll.voters", tally.voters());
    }

    /** « anonyme · plusieurs réponses possibles · jusqu'au vendredi 4 décembre à 17 h », or null when none apply. */
    static String rules(Messages messages, Poll poll, ZoneId zone, Instant now) {
        List<String> rules = new ArrayList<>();
        if (poll.anonymous()) {
            rules.add(messages.get("poll.rule.anonymous"));
        }
        if (poll.multiple()) {
            rules.add(messages.get("poll.rule.multiple"));
        }
        if (poll.endsAt() != null && !poll.closed()) {
            rules.add(messages.get("poll.rule.until", when(poll.endsAt(), zone, now, messages.locale())));
        }
        return rules.isEmpty() ? null : String.join(" · ", rules);
    }

    /**
     * « vendredi 4 décembre à 17 h », the year added when it is not the current one; in English « Friday 4 December
     * at 5:00 pm ».
     */
    static String when(Instant at, ZoneId zone, Instant now, Locale locale) {
        return WhenFormat.dateTime(at.atZone(zone), locale, now.atZone(zone).getYear());
    }
}
