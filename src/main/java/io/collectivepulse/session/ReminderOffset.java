package io.collectivepulse.session;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a reminder goes out before a session: {@code J-7} (seven days before, at the same local time, daylight
 * saving included) or {@code H-1} (one hour before). Two days or more before, the announcement is posted again in
 * the channels; closer, each member who said they come, or may come, gets a direct message.
 *
 * @param days  days before, or 0
 * @param hours hours before, or 0
 */
record ReminderOffset(int days, int hours) implements Comparable<ReminderOffset> {
    static final List<ReminderOffset> DEFAULT = List.of(new ReminderOffset(7, 0), new ReminderOffset(1, 0),
            new ReminderOffset(0, 1));
    static final int MAX_DAYS = 30;
    static final int MAX_HOURS = 48;
    private static final Pattern CODE = Pattern.compile("([JDH])-(\\d{1,2})");

    /** {@code J-7}, {@code H-1}; also {@code D-7} (day) and lower case. */
    static Optional<ReminderOffset> parse(String code) {
        Matcher matcher = CODE.matcher(code.strip().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(matcher.group(2));
        boolean hours = matcher.group(1).equals("H");
        if (n < 1 || n > (hours ? MAX_HOURS : MAX_DAYS)) {
            return Optional.empty();
        }
        return Optional.of(hours ? new ReminderOffset(0, n) : new ReminderOffset(n, 0));
    }

    /** The stored form, {@code J-7} or {@code H-1}. */
    String code() {
        return days > 0 ? "J-" + days : "H-" + hours;
    }

    /** As members read it: {@code J-7} in French, {@code D-7} in English; {@code H-1} in both. */
    String label(Locale locale) {
        if (days == 0) {
            return code();
        }
        return (Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "D-" : "J-") + days;
    }

    /** When it goes out for a session starting at {@code start} (a local date and time in its zone). */
    ZonedDateTime before(ZonedDateTime start) {
        return days > 0 ? start.minusDays(days) : start.minusHours(hours);
    }

    /** True when it is posted in the channels rather than sent to each member who comes. */
    boolean inChannels() {
        return days >= 2;
    }

    /** Earliest first. */
    @Override
    public int compareTo(ReminderOffset other) {
        return Integer.compare(other.days * 24 + other.hours, days * 24 + hours);
    }
}
