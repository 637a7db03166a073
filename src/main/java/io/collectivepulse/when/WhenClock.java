package io.collectivepulse.when;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time of day and the duration at the cursor. A time: {@code 14h}, {@code 14h30}, {@code 14 h 30},
 * {@code 14:00}, {@code 9h}, {@code 09:05}, {@code 2pm}, {@code 2:30 pm}, {@code midi}, {@code noon}. A duration: {@code 1h30},
 * {@code 1 h 30}, {@code 2h}, {@code 90min}, {@code 90 min}, {@code 1h30min}, {@code 2 heures}. The same
 * {@code 2h} is a time or a duration depending on where it stands, which the callers decide.
 */
public final class WhenClock {
    private static final Pattern H24 = Pattern.compile("(\\d{1,2}) ?(?:h ?(\\d{2})?|:(\\d{2}))");
    private static final Pattern H12 = Pattern.compile("(\\d{1,2})(?::(\\d{2}))? ?([ap])\\.?m\\.?");
    private static final String MINUTE_UNIT = "(?:min|mn|minutes?)";
    private static final Pattern HOURS = Pattern.compile(
            "(\\d{1,2}) ?(?:h|hr|hrs|heures?|hours?)(?: ?(\\d{1,2}) ?" + MINUTE_UNIT + "?)?");
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,4}) ?" + MINUTE_UNIT);
    private static final Set<String> MINUTE_WORDS = Set.of("min", "mn", "minute", "minutes");
    private static final Set<String> NOON = Set.of("midi", "noon");

    private WhenClock() {
    }

    /** True when {@code folded} is a whole time by itself, such as {@code 14h} or {@code 2pm}. */
    public static boolean isTime(String folded) {
        return H24.matcher(folded).matches() || H12.matcher(folded).matches() || NOON.contains(folded);
    }

    /**
     * The time at the cursor, which moves past it.
     *
     * @throws WhenRefusal when the words there are not a time, or not one that exists
     */
    public static LocalTime time(WhenWords words) {
        if (NOON.contains(words.folded(0))) {
            words.skip(1);
            return LocalTime.NOON;
        }
        for (int count = Math.min(3, words.remaining()); count >= 1; count--) {
            String candidate = words.foldedRun(count);
            Matcher h24 = H24.matcher(candidate);
            Matcher h12 = H12.matcher(candidate);
            // "14 h 30 min" is 14 h followed by a duration of 30 min, not 14 h 30 followed by a stray "min"
            if (h24.matches() && !MINUTE_WORDS.contains(words.folded(count))) {
                String minutes = h24.group(2) != null ? h24.group(2) : h24.group(3);
                return taken(words, count, number(h24.group(1)), minutes == null ? 0 : number(minutes));
            }
            if (h12.matches()) {
                int hour = number(h12.group(1));
                int minute = h12.group(2) == null ? 0 : number(h12.group(2));
                if (hour < 1 || hour > 12) {
                    throw new WhenRefusal("when.time.outOfRange", WhenWords.excerpt(words.typedRun(count)));
                }
                return taken(words, count, hour % 12 + (h12.group(3).equals("p") ? 12 : 0), minute);
            }
        }
        throw new WhenRefusal("when.time.unknown", WhenWords.excerpt(words.typedRun(1)));
    }

    private static LocalTime taken(WhenWords words, int count, int hour, int minute) {
        if (hour > 23 || minute > 59) {
            throw new WhenRefusal("when.time.outOfRange", WhenWords.excerpt(words.typedRun(count)));
        }
        words.skip(count);
        return LocalTime.of(hour, minute);
    }

    /**
     * The duration at the cursor, which moves past it; empty, the cursor unmoved, when the words there are not
     * shaped like a duration.
     *
     * @throws WhenRefusal when they are, but with more than 59 minutes after the hours, or when it is not between
     *     {@code shortest} and {@code longest}: then the key is {@code outOfRange}, its argument the words typed
     */
    public static Optional<Duration> duration(WhenWords words, Duration shortest, Duration longest,
                                              String outOfRange) {
        int start = words.mark();
        Optional<Duration> duration = duration(words);
        if (duration.isPresent() && (duration.get().compareTo(shortest) < 0 || duration.get().compareTo(longest) > 0)) {
            int read = words.mark() - start;
            words.reset(start);
            throw new WhenRefusal(outOfRange, WhenWords.excerpt(words.typedRun(read)));
        }
        return duration;
    }

    /**
     * The duration at the cursor, which moves past it, whatever its length (at most 99 h 59 or 9,999 min); empty,
     * the cursor unmoved, when the words there are not shaped like a duration.
     *
     * @throws WhenRefusal when they are, but with more than 59 minutes after the hours
     */
    public static Optional<Duration> duration(WhenWords words) {
        for (int count = Math.min(4, words.remaining()); count >= 1; count--) {
            String candidate = words.foldedRun(count);
            Matcher hours = HOURS.matcher(candidate);
            Matcher minutes = MINUTES.matcher(candidate);
            if (hours.matches()) {
                int extra = hours.group(2) == null ? 0 : number(hours.group(2));
                if (extra > 59) {
                    throw new WhenRefusal("when.duration.minutes", WhenWords.excerpt(words.typedRun(count)));
                }
                words.skip(count);
                return Optional.of(Duration.ofHours(number(hours.group(1))).plusMinutes(extra));
            }
            if (minutes.matches()) {
                words.skip(count);
                return Optional.of(Duration.ofMinutes(number(minutes.group(1))));
            }
        }
        return Optional.empty();
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }
}
