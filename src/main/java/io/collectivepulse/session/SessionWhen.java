package io.collectivepulse.session;

import io.collectivepulse.when.ResolvedTime;
import io.collectivepulse.when.WhenClock;
import io.collectivepulse.when.WhenDate;
import io.collectivepulse.when.WhenFormat;
import io.collectivepulse.when.WhenRefusal;
import io.collectivepulse.when.WhenWords;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * When sessions happen, as facilitators type it in chat, in French or English (case and accents ignored):
 * {@code /seance planifier}, {@code /seance cycle} and {@code /seance deplacer}, parsed into values or refused
 * with an i18n key ({@code session.when.*}) whose message says what to type instead. Refusal arguments are
 * numbers and text as typed, never text in one language, so each bundle can word them. Local times are
 * resolved in the community's time zone across daylight saving time changes, and written back for chat.
 */
final class SessionWhen {
    static final Duration DEFAULT_DURATION = Duration.ofHours(2);
    static final Duration SHORTEST = Duration.ofMinutes(15);
    static final Duration LONGEST = Duration.ofHours(12);
    /** The message that tells a facilitator which of the two it is, with {@link ResolvedTime#overlapArgs}. */
    static final String OVERLAP = "session.when.dst.overlap";
    static final int MAX_COUNT = 20;
    static final int MAX_EVERY_WEEKS = 12;
    static final int MAX_NUMBER = 999;
    static final String PLAN_INCOMPLETE = "session.when.plan.incomplete";
    static final String CYCLE_INCOMPLETE = "session.when.cycle.incomplete";
    static final String MOVE_INCOMPLETE = "session.when.move.incomplete";
    /** Which part is missing, the argument of {@link #PLAN_INCOMPLETE}. */
    static final int DATE = 0, TIME = 1, TITLE = 2;
    /** Which part is missing, the argument of {@link #CYCLE_INCOMPLETE}. */
    static final int CYCLE_COUNT = 0, CYCLE_FIRST = 1, CYCLE_EVERY = 2, CYCLE_TIME = 3;
    /** Which part is missing, the argument of {@link #MOVE_INCOMPLETE}. */
    static final int MOVE_NUMBER = 0, MOVE_DATE = 1, MOVE_TIME = 2;
    private static final Set<String> BEFORE_DATE = Set.of("le", "du", "au", "the", "on", "from", "to");
    private static final Set<String> BEFORE_TIME = Set.of("a", "at");
    private static final Set<String> BEFORE_DURATION = Set.of("pendant", "durant", "for");
    private static final Set<String> SESSIONS = Set.of("seances", "seance", "sessions", "session");
    private static final Set<String> EVERY = Set.of("toutes", "tous", "les", "every");
    private static final Set<String> WEEKS = Set.of("semaines", "semaine", "sem", "weeks", "week", "wk", "wks");

    private SessionWhen() {
    }

    /** {@code /seance planifier 2027-01-14 14h 1h30 Recrutement et attractivité | Salle 3, 20 avenue de Ségur} */
    record Plan(LocalDate date, LocalTime time, Duration duration, String title, String place, String link) {
    }

    /** {@code /seance cycle 8 2027-01-14 4 14h 2h}: count, first date, every N weeks, time, optional duration */
    record Cycle(int count, LocalDate first, int everyWeeks, LocalTime time, Duration duration) {
    }

    /** {@code /seance deplacer 3 2027-02-11 15h} */
    record Move(int number, LocalDate date, LocalTime time) {
    }

    /** Either the value or a refusal: an i18n key and its arguments. */
    sealed interface Parsed<T> {
        record Ok<T>(T value) implements Parsed<T> {
        }

        record Refused<T>(String key, List<Object> args) implements Parsed<T> {
            public Refused {
                args = List.copyOf(args);
            }
        }
    }

    /**
     * {@code <date> [à] <heure> [durée] <titre> [| <lieu ou lien>]…}, the duration 2 h when left out; the text
     * typed after the command word.
     */
    static Parsed<Plan> plan(String text, LocalDate today) {
        try {
            List<String> parts = Arrays.asList(WhenWords.clean(text).split("\\|", -1));
            WhenWords words = WhenWords.of(parts.get(0));
            LocalDate date = date(words, today, PLAN_INCOMPLETE, DATE);
            LocalTime time = time(words, PLAN_INCOMPLETE, TIME);
            Duration duration = duration(words);
            PlanText what = PlanText.of(words.rest(), parts.subList(1, parts.size()));
            return new Parsed.Ok<>(new Plan(date, time, duration, what.title(), what.place(), what.link()));
        } catch (WhenRefusal refusal) {
            return refused(refusal);
        }
    }

    /** {@code <nombre> [séances] <première date> [toutes les] <N> [semaines] [à] <heure> [[pendant] <durée>]} */
    static Parsed<Cycle> cycle(String text, LocalDate today) {
        try {
            WhenWords words = WhenWords.of(WhenWords.clean(text));
            int count = number(words, CYCLE_INCOMPLETE, CYCLE_COUNT, "session.when.cycle.count", MAX_COUNT);
            words.skipAny(SESSIONS);
            LocalDate first = date(words, today, CYCLE_INCOMPLETE, CYCLE_FIRST);
            words.skipAny(EVERY);
            int every = number(words, CYCLE_INCOMPLETE, CYCLE_EVERY, "session.when.cycle.every", MAX_EVERY_WEEKS);
            words.skipAny(WEEKS);
            LocalTime time = time(words, CYCLE_INCOMPLETE, CYCLE_TIME);
            Duration duration = duration(words);
            end(words, "session.when.cycle.unexpected");
            return new Parsed.Ok<>(new Cycle(count, first, every, time, duration));
        } catch (WhenRefusal refusal) {
            return refused(refusal);
        }
    }

    /** {@code <numéro> [au] <date> [à] <heure>} */
    static Parsed<Move> move(String text, LocalDate today) {
        try {
            WhenWords words = WhenWords.of(WhenWords.clean(text));
            int number = number(words, MOVE_INCOMPLETE, MOVE_NUMBER, "session.when.move.number", MAX_NUMBER);
            LocalDate date = date(words, today, MOVE_INCOMPLETE, MOVE_DATE);
            LocalTime time = time(words, MOVE_INCOMPLETE, MOVE_TIME);
            end(words, "session.when.move.unexpected");
            return new Parsed.Ok<>(new Move(number, date, time));
        } catch (WhenRefusal refusal) {
            return refused(refusal);
        }
    }

    /**
     * The instant of a local date and time in {@code zone}. A time that does not exist that day (the clocks
     * jump over it) is refused, naming the time to use instead; a time that occurs twice (the clocks go back)
     * is the earlier one, marked {@link ResolvedTime#ambiguous}, which {@link #OVERLAP} explains.
     */
    static Parsed<ResolvedTime> resolve(LocalDate date, LocalTime time, ZoneId zone) {
        try {
            return new Parsed.Ok<>(ResolvedTime.of(date, time, zone));
        } catch (WhenRefusal refusal) {
            return refused(refusal);
        }
    }

    static String date(LocalDate d, Locale l) {
        return WhenFormat.date(d, l);
    }

    static String time(LocalTime t, Locale l) {
        return WhenFormat.time(t, l);
    }

    static String dateTime(ZonedDateTime t, Locale l) {
        return WhenFormat.dateTime(t, l);
    }

    static String duration(Duration d, Locale l) {
        return WhenFormat.duration(d, l);
    }

    private static LocalDate date(WhenWords words, LocalDate today, String incomplete, int part) {
        words.skipAny(BEFORE_DATE);
        return WhenDate.read(words, today).orElseThrow(() -> new WhenRefusal(incomplete, part));
    }

    private static LocalTime time(WhenWords words, String incomplete, int part) {
        words.skipAny(BEFORE_TIME);
        if (words.atEnd()) {
            throw new WhenRefusal(incomplete, part);
        }
        return WhenClock.time(words);
    }

    /** The duration at the cursor, after an optional "pendant", or the default one. */
    private static Duration duration(WhenWords words) {
        int mark = words.mark();
        words.skipAny(BEFORE_DURATION);
        Optional<Duration> duration = WhenClock.duration(words, SHORTEST, LONGEST, "session.when.duration.range");
        if (duration.isEmpty()) {
            words.reset(mark);
        }
        return duration.orElse(DEFAULT_DURATION);
    }

    /** A whole number from 1 to {@code max}, typed alone, perhaps after a {@code #}. */
    private static int number(WhenWords words, String incomplete, int part, String outOfRange, int max) {
        String folded = words.folded(0);
        String digits = folded.startsWith("#") ? folded.substring(1) : folded;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new WhenRefusal(incomplete, part);
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        int number = significant.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(significant);
        if (number < 1 || number > max) {
            throw new WhenRefusal(outOfRange, WhenWords.excerpt(words.typedRun(1)));
        }
        words.skip(1);
        return number;
    }

    private static void end(WhenWords words, String unexpected) {
        if (!words.atEnd()) {
            throw new WhenRefusal(unexpected, WhenWords.excerpt(words.rest()));
        }
    }

    private static <T> Parsed<T> refused(WhenRefusal refusal) {
        return new Parsed.Refused<>(refusal.key(), refusal.args());
    }
}
