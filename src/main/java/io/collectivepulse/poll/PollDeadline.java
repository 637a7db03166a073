package io.collectivepulse.poll;

import io.collectivepulse.when.ResolvedTime;
import io.collectivepulse.when.WhenClock;
import io.collectivepulse.when.WhenDate;
import io.collectivepulse.when.WhenRefusal;
import io.collectivepulse.when.WhenWords;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a poll closes, as a facilitator types it after {@code fin} (or in the form's deadline field), read in the
 * community's time zone:
 * <ul>
 * <li>after a delay: {@code 2j}, {@code 2 jours}, {@code 1 sem}, {@code 3h}, {@code 1h30}, {@code 30min},
 * {@code ends 2d}, optionally after {@code dans} or {@code in}. Days and weeks are calendar days in the zone (the
 * same time of day, whatever the clocks do in between), hours and minutes are elapsed time; so {@code fin 17h}
 * is in 17 hours, and 5 pm today is {@code fin aujourd'hui 17h} or {@code fin 17:00};</li>
 * <li>a day and a time: {@code vendredi 17h} or {@code friday 5pm} (the next Friday, today if that time is
 * still ahead), {@code demain 9h}, {@code tomorrow 9am}, {@code aujourd'hui 18h}, or any date the session
 * commands read ({@code 2027-01-14 17h}, {@code 14/01 17h}, {@code jeudi 14 janvier 12h30});</li>
 * <li>a time alone written as a time of day ({@code 17:00}, {@code 5pm}, {@code midi}): today, or tomorrow once
 * it has passed.</li>
 * </ul>
 * A day needs its time: {@code fin vendredi} is refused, asking for one. A time the clocks skip is refused with
 * the time to use instead; a time that occurs twice is refused too, since a deadline that could be either is no
 * deadline. The result is from {@link #SHORTEST} to {@link #LONGEST} ahead (in calendar days).
 */
final class PollDeadline {
    static final Duration SHORTEST = Duration.ofMinutes(5);
    static final Duration LONGEST = Duration.ofDays(90);
    /** The words that introduce a deadline in the one-line command. */
    static final Set<String> WORDS = Set.of("fin", "ends", "end");
    private static final Set<String> IN = Set.of("dans", "in");
    private static final Set<String> BEFORE_DATE = Set.of("le", "au", "the", "on");
    private static final Set<String> BEFORE_TIME = Set.of("a", "at");
    private static final Set<String> TODAY = Set.of("aujourd'hui", "aujourd’hui", "aujourdhui", "auj", "today");
    private static final Set<String> TOMORROW = Set.of("demain", "tomorrow");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,3}) ?(?:j|jours?|d|days?)");
    private static final Pattern WEEKS = Pattern.compile("(\\d{1,2}) ?(?:sem|semaines?|w|wk|weeks?)");

    private PollDeadline() {
    }

    /**
     * True when the words {@code ahead} of the cursor begin like a deadline: a number, a day, a month or a time,
     * perhaps after {@code dans} or {@code le}.
     */
    static boolean beginsAt(WhenWords words, int ahead) {
        String word = words.folded(ahead);
        if (IN.contains(word) || BEFORE_DATE.contains(word)) {
            return beginsAt(words, ahead + 1);
        }
        return TODAY.contains(word) || TOMORROW.contains(word) || WhenDate.beginsLikeADate(word)
                || isTime(words, ahead);
    }

    /**
     * The deadline the words say, all of them.
     *
     * @throws WhenRefusal when they are not a deadline, or not one from {@link #SHORTEST} to {@link #LONGEST} ahead
     */
    static Instant read(WhenWords words, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        words.skipAny(BEFORE_DATE);
        boolean in = !words.atEnd() && IN.contains(words.folded(0));
        words.skipAny(IN);
        Optional<ZonedDateTime> later = later(words, local);
        if (later.isEmpty() && (in || words.atEnd())) {
            throw new WhenRefusal("poll.deadline.unknown", WhenWords.excerpt(words.rest()));
        }
        Instant at = later.isPresent() ? later.get().toInstant() : dayAndTime(words, local);
        if (!words.atEnd()) {
            throw new WhenRefusal("poll.deadline.unexpected", WhenWords.excerpt(words.rest()));
        }
        return checked(at, now, zone);
    }

    /** {@code 2j}, {@code 1 sem}, {@code 3h}, {@code 30min} after {@code now}; empty when it is not a delay. */
    private static Optional<ZonedDateTime> later(WhenWords words, ZonedDateTime now) {
        for (int count = Math.min(2, words.remaining()); count >= 1; count--) {
            Matcher days = DAYS.matcher(words.foldedRun(count));
            Matcher weeks = WEEKS.matcher(words.foldedRun(count));
            if (days.matches() || weeks.matches()) {
                words.skip(count);
                return Optional.of(days.matches() ? now.plusDays(Long.parseLong(days.group(1)))
                        : now.plusWeeks(Long.parseLong(weeks.group(1))));
            }
        }
        return WhenClock.duration(words).map(now::plus);
    }

    private static Instant dayAndTime(WhenWords words, ZonedDateTime now) {
        int start = words.mark();
        Optional<DayOfWeek> weekday = WhenDate.weekday(words.folded(0));
        boolean weekdayAlone = weekday.isPresent()
                && (words.remaining() == 1 || BEFORE_TIME.contains(words.folded(1)) || isTime(words, 1));
        LocalDate today = now.toLocalDate();
        LocalDate date = day(words, today, weekdayAlone ? weekday.get() : null);
        int read = words.mark() - start;
        words.skipAny(BEFORE_TIME);
        if (words.atEnd()) {
            words.reset(start);
            throw new WhenRefusal("poll.deadline.noTime", WhenWords.excerpt(words.typedRun(Math.max(read, 1))));
        }
        LocalTime time = WhenClock.time(words);
        LocalDate day = date == null ? today : date;
        // a time alone, or a weekday alone, that has passed today is the next one: tomorrow, or that day next week
        if ((date == null || weekdayAlone) && !day.atTime(time).isAfter(now.toLocalDateTime())) {
            day = date == null ? day.plusDays(1) : day.plusWeeks(1);
        }
        return resolved(day, time, now.getZone()).toInstant();
    }

    /** The day at the cursor, or null when the words begin with the time. */
    private static LocalDate day(WhenWords words, LocalDate today, DayOfWeek weekdayAlone) {
        String word = words.folded(0);
        if (weekdayAlone != null || TODAY.contains(word) || TOMORROW.contains(word)) {
            words.skip(1);
            return weekdayAlone != null ? today.with(TemporalAdjusters.nextOrSame(weekdayAlone))
                    : TOMORROW.contains(word) ? today.plusDays(1) : today;
        }
        if (isTime(words, 0)) {
            return null;
        }
        return WhenDate.read(words, today)
                .orElseThrow(() -> new WhenRefusal("poll.deadline.unknown", WhenWords.excerpt(words.rest())));
    }

    /** {@code 17h}, {@code 17:00}, {@code 5pm} or {@code 5 pm} {@code ahead} of the cursor. */
    private static boolean isTime(WhenWords words, int ahead) {
        String word = words.folded(ahead);
        return WhenClock.isTime(word) || WhenClock.isTime(word + " " + words.folded(ahead + 1));
    }

    private static ZonedDateTime resolved(LocalDate date, LocalTime time, ZoneId zone) {
        ResolvedTime resolved = ResolvedTime.of(date, time, zone);
        if (resolved.ambiguous()) {
            throw new WhenRefusal("poll.deadline.overlap", resolved.overlapArgs().toArray());
        }
        return resolved.at();
    }

    private static Instant checked(Instant at, Instant now, ZoneId zone) {
        if (at.isBefore(now)) {
            ZonedDateTime local = at.atZone(zone);
            throw new WhenRefusal("poll.deadline.past", local.getDayOfMonth(), local.getMonthValue(),
                    local.getYear(), local.getHour(), local.getMinute());
        }
        if (at.isBefore(now.plus(SHORTEST))) {
            throw new WhenRefusal("poll.deadline.tooSoon", SHORTEST.toMinutes());
        }
        ZonedDateTime from = now.atZone(zone);
        ZonedDateTime to = at.atZone(zone);
        if (to.isAfter(from.plusDays(LONGEST.toDays()))) {
            long days = ChronoUnit.DAYS.between(from, to);
            throw new WhenRefusal("poll.deadline.tooFar", from.plusDays(days).isBefore(to) ? days + 1 : days,
                    LONGEST.toDays());
        }
        return at;
    }
}
