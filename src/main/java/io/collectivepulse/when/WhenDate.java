package io.collectivepulse.when;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date at the cursor: {@code 2027-01-14}, {@code 14/01/2027}, {@code 14/01}, {@code 14 janvier 2027},
 * {@code 1er mars}, {@code January 14, 2027}, each optionally after its weekday ({@code jeudi}, {@code Thursday}).
 * Without a year, it is the next such date from today on. Refusal arguments are numbers (day, month 1-12,
 * year, weekday 1-7 from Monday) so that each bundle writes the date in its own language.
 */
public final class WhenDate {
    /** A date further ahead than this is taken for a mistyped year. */
    public static final int MAX_YEARS_AHEAD = 2;
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(?:er|re|e|st|nd|rd|th)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        String[][] weekdays = {{"lundi", "lun", "monday", "mon"}, {"mardi", "tuesday", "tue", "tues"},
            {"mercredi", "mer", "wednesday", "wed"}, {"jeudi", "jeu", "thursday", "thu", "thurs"},
            {"vendredi", "ven", "friday", "fri"}, {"samedi", "sam", "saturday", "sat"},
            {"dimanche", "dim", "sunday", "sun"}};
        for (int i = 0; i < weekdays.length; i++) {
            for (String name : weekdays[i]) {
                WEEKDAYS.put(name, DayOfWeek.of(i + 1));
            }
        }
        String[][] months = {{"janvier", "janv", "january", "jan"}, {"fevrier", "fevr", "fev", "february", "feb"},
            {"mars", "march", "mar"}, {"avril", "avr", "april", "apr"}, {"mai", "may"}, {"juin", "june", "jun"},
            {"juillet", "juil", "july", "jul"}, {"aout", "august", "aug"}, {"septembre", "sept", "september", "sep"},
            {"octobre", "oct", "october"}, {"novembre", "nov", "november"}, {"decembre", "dec", "december"}};
        for (int i = 0; i < months.length; i++) {
            for (String name : months[i]) {
                MONTHS.put(name, Month.of(i + 1));
            }
        }
    }

    private WhenDate() {
    }

    /** What was typed, before it is checked; {@code year} is empty when it was left out. */
    private record Typed(String text, int day, int month, OptionalInt year) {
    }

    /**
     * The date at the cursor, which moves past it; empty, the cursor unmoved, when the next word does not begin
     * a date at all (no digit, no weekday or month name, or a time such as {@code 14h}).
     *
     * @throws WhenRefusal when it begins like a date but is not one, or not one from today to
     *     {@link #MAX_YEARS_AHEAD} years ahead
     */
    public static Optional<LocalDate> read(WhenWords words, LocalDate today) {
        int start = words.mark();
        DayOfWeek weekday = WEEKDAYS.get(bare(words.folded(0)));
        if (weekday != null) {
            words.skip(1);
        }
        Optional<Typed> typed = numeric(words).or(() -> dayFirst(words)).or(() -> monthFirst(words));
        if (typed.isEmpty()) {
            words.reset(start);
            if (weekday == null && !beginsLikeADayOrMonth(words.folded(0))) {
                return Optional.empty();
            }
            throw new WhenRefusal("when.date.unknown", WhenWords.excerpt(words.typedRun(weekday == null ? 1 : 2)));
        }
        return Optional.of(check(typed.get(), weekday, today));
    }

    /** The day of the week {@code folded} names ({@code vendredi}, {@code ven.}, {@code Friday}), if it names one. */
    public static Optional<DayOfWeek> weekday(String folded) {
        return Optional.ofNullable(WEEKDAYS.get(bare(folded)));
    }

    /** True when {@code folded} begins a date that {@link #read} would try: a digit, a weekday or a month. */
    public static boolean beginsLikeADate(String folded) {
        return WEEKDAYS.containsKey(bare(folded)) || beginsLikeADayOrMonth(folded);
    }

    private static boolean beginsLikeADayOrMonth(String folded) {
        return MONTHS.containsKey(bare(folded)) || (DIGIT.matcher(folded).matches() && !WhenClock.isTime(folded));
    }

    private static Optional<Typed> numeric(WhenWords words) {
        String typed = words.typedRun(1);
        Matcher iso = ISO.matcher(words.folded(0));
        Matcher slashed = SLASHED.matcher(words.folded(0));
        if (iso.matches()) {
            words.skip(1);
            return Optional.of(new Typed(typed, number(iso.group(3)), number(iso.group(2)),
                    OptionalInt.of(number(iso.group(1)))));
        }
        if (slashed.matches()) {
            words.skip(1);
            String year = slashed.group(3);
            OptionalInt y = year == null ? OptionalInt.empty()
                    : OptionalInt.of(year.length() == 2 ? 2000 + number(year) : number(year));
            return Optional.of(new Typed(typed, number(slashed.group(1)), number(slashed.group(2)), y));
        }
        return Optional.empty();
    }

    /** {@code 14 janvier [2027]}, {@code 1er mars}, {@code 14th January}. */
    private static Optional<Typed> dayFirst(WhenWords words) {
        Matcher day = DAY.matcher(words.folded(0));
        Month month = MONTHS.get(bare(words.folded(1)));
        return day.matches() && month != null ? Optional.of(withYear(words, number(day.group(1)), month)) : Optional.empty();
    }

    /** {@code January 14[,] [2027]}. */
    private static Optional<Typed> monthFirst(WhenWords words) {
        Month month = MONTHS.get(bare(words.folded(0)));
        Matcher day = DAY.matcher(words.folded(1));
        return day.matches() && month != null ? Optional.of(withYear(words, number(day.group(1)), month)) : Optional.empty();
    }

    private static Typed withYear(WhenWords words, int day, Month month) {
        boolean year = YEAR.matcher(words.folded(2)).matches();
        int length = year ? 3 : 2;
        var typed = new Typed(words.typedRun(length), day, month.getValue(),
                year ? OptionalInt.of(number(words.folded(2))) : OptionalInt.empty());
        words.skip(length);
        return typed;
    }

    private static LocalDate check(Typed typed, DayOfWeek weekday, LocalDate today) {
        if (typed.month() < 1 || typed.month() > 12) {
            throw new WhenRefusal("when.date.month", WhenWords.excerpt(typed.text()));
        }
        if (typed.day() < 1 || typed.day() > 31) {
            throw new WhenRefusal("when.date.day", WhenWords.excerpt(typed.text()));
        }
        int year = typed.year().orElseGet(() -> nextYear(typed, today));
        int length = YearMonth.of(year, typed.month()).lengthOfMonth();
        if (typed.day() > length) {
            throw new WhenRefusal("when.date.noSuchDay", typed.day(), typed.month(), year, length);
        }
        LocalDate date = LocalDate.of(year, typed.month(), typed.day());
        if (date.isBefore(today)) {
            throw new WhenRefusal("when.date.past", date.getDayOfMonth(), date.getMonthValue(), date.getYear(),
                    today.getDayOfMonth(), today.getMonthValue(), today.getYear());
        }
        if (date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw new WhenRefusal("when.date.tooFar", date.getDayOfMonth(), date.getMonthValue(),
                    date.getYear(), MAX_YEARS_AHEAD);
        }
        if (weekday != null && weekday != date.getDayOfWeek()) {
            throw new WhenRefusal("when.date.weekday", weekday.getValue(), date.getDayOfWeek().getValue(),
                    date.getDayOfMonth(), date.getMonthValue(), date.getYear());
        }
        return date;
    }

    /**
     * This year, or next year once this year's day has passed. A 29 February is not carried to the next leap
     * year: in a year without one, it is refused, which tells the person that year has none.
     */
    private static int nextYear(Typed typed, LocalDate today) {
        boolean passed = typed.month() < today.getMonthValue()
                || (typed.month() == today.getMonthValue() && typed.day() < today.getDayOfMonth());
        return passed ? today.getYear() + 1 : today.getYear();
    }

    /** {@code janv.} and {@code jeu.} are {@code janv} and {@code jeu}. */
    private static String bare(String folded) {
        return folded.endsWith(".") ? folded.substring(0, folded.length() - 1) : folded;
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }
}
