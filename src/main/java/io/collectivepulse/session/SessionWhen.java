package io.collectivepulse.session;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What facilitators type to plan sessions, in French or English: dates ({@code 2027-01-14}, {@code 14/01},
 * {@code jeudi 14 janvier}, {@code 1er mars 2027}), times ({@code 14h}, {@code 14h30}, {@code 14:00}, {@code 2pm}),
 * durations ({@code 1h30}, {@code 90min}); and local times resolved in the community's zone, daylight saving
 * included. Every refusal is a bundle key with what to type instead.
 */
final class SessionWhen {
    static final Duration DEFAULT_DURATION = Duration.ofHours(2);
    static final Duration MIN_DURATION = Duration.ofMinutes(15);
    static final Duration MAX_DURATION = Duration.ofHours(12);
    static final int MAX_TITLE = 150;
    static final int MAX_PLACE = 200;
    static final int MAX_LINK = 500;
    static final int MAX_CYCLE = 20;
    static final int MAX_EVERY_WEEKS = 12;

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(?:er)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2})(?:(?:h|:)(\\d{2})?|h)|(\\d{1,2})(?::(\\d{2}))?(am|pm)");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d{1,2})h(\\d{2})?(?:min)?|(\\d{1,3})min)");
    private static final Pattern NUMBER = Pattern.compile("(?:n°)?(\\d{1,4})");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s/$.?#][^\\s]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*:.*", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();

    /** {@code 2027-01-14 14h 1h30 Recrutement et attractivité | Salle 3} */
    record Plan(LocalDate date, LocalTime time, Duration duration, String title, String place, String link) {
    }

    /** {@code 8 2027-01-14 4 14h 2h}: count, first date, every N weeks, time, duration. */
    record Cycle(int count, LocalDate first, int everyWeeks, LocalTime time, Duration duration) {
    }

    /** {@code 3 2027-02-11 15h} */
    record Move(int number, LocalDate date, LocalTime time) {
    }

    /** A local time resolved in a zone; {@code ambiguous} when it occurs twice that day (the earlier is taken). */
    record Resolved(ZonedDateTime at, boolean ambiguous) {
    }

    /** Either the value or a refusal: an i18n key and its arguments. */
    sealed interface Parsed<T> {
        record Ok<T>(T value) implements Parsed<T> {
        }

        record Refused<T>(String key, List<Object> args) implements Parsed<T> {
        }
    }

    private SessionWhen() {
    }

    static Parsed<Plan> plan(String text, LocalDate today) {
        String clean = strip(text);
        int bar = clean.indexOf('|');
        String head = bar < 0 ? clean : clean.substring(0, bar).strip();
        String where = bar < 0 ? "" : clean.substring(bar + 1).strip();
        Tokens tokens = new Tokens(head);
        Parsed<LocalDate> date = date(tokens, today);
        if (date instanceof Parsed.Refused<LocalDate> refused) {
            return refuse(refused);
        }
        Parsed<LocalTime> time = time(tokens);
        if (time instanceof Parsed.Refused<LocalTime> refused) {
            return refuse(refused);
        }
        Parsed<Duration> duration = duration(tokens);
        if (duration instanceof Parsed.Refused<Duration> refused) {
            return refuse(refused);
        }
        String title = tokens.rest();
        String link = null;
        Matcher trailing = Pattern.compile("\\s(\\S+)$").matcher(" " + title);
        if (bar < 0 && trailing.find() && SCHEME.matcher(trailing.group(1)).matches()) {
            where = trailing.group(1);
            title = title.substring(0, Math.max(0, title.length() - where.length())).strip();
        }
        String place = null;
        if (!where.isEmpty()) {
            if (SCHEME.matcher(where).matches() && !where.contains(" ")) {
                if (!LINK.matcher(where).matches()) {
                    return refused("session.when.link");
                }
                if (where.length() > MAX_LINK) {
                    return refused("session.when.linkTooLong", MAX_LINK);
                }
                link = where;
            } else if (where.length() > MAX_PLACE) {
                return refused("session.when.placeTooLong", where.length(), MAX_PLACE);
            } else {
                place = where;
            }
        }
        if (title.isEmpty()) {
            return refused("session.when.noTitle");
        }
        if (title.length() > MAX_TITLE) {
            return refused("session.when.titleTooLong", title.length(), MAX_TITLE);
        }
        return new Parsed.Ok<>(new Plan(ok(date), ok(time), ok(duration), title, place, link));
    }

    static Parsed<Cycle> cycle(String text, LocalDate today) {
        Tokens tokens = new Tokens(strip(text));
        Integer count = tokens.number();
        if (count == null) {
            return refused("session.when.cycleUsage");
        }
        if (count < 1 || count > MAX_CYCLE) {
            return refused("session.when.cycleCount", count, MAX_CYCLE);
        }
        Parsed<LocalDate> first = date(tokens, today);
        if (first instanceof Parsed.Refused<LocalDate> refused) {
            return refuse(refused);
        }
        Integer every = tokens.number();
        if (every == null) {
            return refused("session.when.cycleUsage");
        }
        if (every < 1 || every > MAX_EVERY_WEEKS) {
            return refused("session.when.cycleEvery", MAX_EVERY_WEEKS);
        }
        Parsed<LocalTime> time = time(tokens);
        if (time instanceof Parsed.Refused<LocalTime> refused) {
            return refuse(refused);
        }
        Parsed<Duration> duration = duration(tokens);
        if (duration instanceof Parsed.Refused<Duration> refused) {
            return refuse(refused);
        }
        if (!tokens.rest().isEmpty()) {
            return refused("session.when.cycleUsage");
        }
        return new Parsed.Ok<>(new Cycle(count, ok(first), every, ok(time), ok(duration)));
    }

    static Parsed<Move> move(String text, LocalDate today) {
        Tokens tokens = new Tokens(strip(text));
        Integer number = tokens.number();
        if (number == null || number < 1) {
            return refused("session.when.moveUsage");
        }
        Parsed<LocalDate> date = date(tokens, today);
        if (date instanceof Parsed.Refused<LocalDate> refused) {
            return refuse(refused);
        }
        Parsed<LocalTime> time = time(tokens);
        if (time instanceof Parsed.Refused<LocalTime> refused) {
            return refuse(refused);
        }
        return new Parsed.Ok<>(new Move(number, ok(date), ok(time)));
    }

    /**
     * The instant of a local date and time in the zone: refused when that time does not exist (the clocks jump
     * forward), the earlier of the two when it occurs twice (the clocks go back), saying so.
     */
    static Parsed<Resolved> resolve(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            LocalTime after = ZonedDateTime.of(local, zone).toLocalTime();
            return refused("session.when.gap", time(time, Locale.FRENCH), date.toString(), time(after, Locale.FRENCH));
        }
        ZonedDateTime at = ZonedDateTime.ofLocal(local, zone, offsets.get(0));
        return new Parsed.Ok<>(new Resolved(at.withEarlierOffsetAtOverlap(), offsets.size() > 1));
    }

    /** {@code jeudi 14 janvier 2027 à 14 h 30}, {@code Thursday 14 January 2027 at 2:30 pm}. */
    static String dateTime(ZonedDateTime at, Locale locale) {
        return english(locale) ? date(at.toLocalDate(), locale) + " at " + time(at.toLocalTime(), locale)
                : date(at.toLocalDate(), locale) + " à " + time(at.toLocalTime(), locale);
    }

    static String date(LocalDate date, Locale locale) {
        String weekday = date.getDayOfWeek().getDisplayName(TextStyle.FULL, locale);
        String month = date.getMonth().getDisplayName(TextStyle.FULL, locale);
        if (english(locale)) {
            return weekday + " " + date.getDayOfMonth() + " " + month + " " + date.getYear();
        }
        String day = date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
        return weekday + " " + day + " " + month + " " + date.getYear();
    }

    static String time(LocalTime time, Locale locale) {
        if (english(locale)) {
            int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
            return "%d:%02d %s".formatted(hour, time.getMinute(), time.getHour() < 12 ? "am" : "pm");
        }
        return time.getMinute() == 0 ? time.getHour() + " h" : "%d h %02d".formatted(time.getHour(), time.getMinute());
    }

    static String duration(Duration duration, Locale locale) {
        long hours = duration.toHours();
        long minutes = duration.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        if (minutes == 0) {
            return hours + " h";
        }
        return english(locale) ? "%d h %02d min".formatted(hours, minutes) : "%d h %02d".formatted(hours, minutes);
    }

    private static Parsed<LocalDate> date(Tokens tokens, LocalDate today) {
        String first = tokens.peek();
        if (first == null) {
            return refused("session.when.noDate");
        }
        Matcher iso = ISO.matcher(first);
        Matcher slashed = SLASHED.matcher(first);
        try {
            if (iso.matches()) {
                tokens.next();
                return notPast(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))), today, first);
            }
            if (slashed.matches()) {
                tokens.next();
                int day = Integer.parseInt(slashed.group(1));
                int month = Integer.parseInt(slashed.group(2));
                return slashed.group(3) != null
                        ? notPast(LocalDate.of(Integer.parseInt(slashed.group(3)), month, day), today, first)
                        : next(day, month, today, first);
            }
            return spelled(tokens, today);
        } catch (DateTimeException e) {
            return refused("session.when.impossibleDate", first);
        }
    }

    /** {@code [jeudi] 14 janvier [2027]}, {@code [Thursday] 14 January [2027]}, {@code January 14 [2027]}. */
    private static Parsed<LocalDate> spelled(Tokens tokens, LocalDate today) {
        int mark = tokens.position();
        DayOfWeek weekday = WEEKDAYS.get(fold(tokens.peek()));
        if (weekday != null) {
            tokens.next();
        }
        Integer day = null;
        Integer month = null;
        String a = tokens.peek();
        if (a != null && DAY.matcher(a).matches()) {
            day = Integer.parseInt(DAY.matcher(a).replaceAll("$1"));
            tokens.next();
            month = MONTHS.get(fold(tokens.peek()));
            if (month != null) {
                tokens.next();
            }
        } else if (a != null && MONTHS.containsKey(fold(a))) {
            month = MONTHS.get(fold(a));
            tokens.next();
            String b = tokens.peek();
            if (b != null && DAY.matcher(b).matches()) {
                day = Integer.parseInt(DAY.matcher(b).replaceAll("$1"));
                tokens.next();
            }
        }
        if (day == null || month == null) {
            tokens.reset(mark);
            return refused("session.when.noDate");
        }
        String typed = day + "/" + month;
        Parsed<LocalDate> date;
        try {
            if (tokens.peek() != null && YEAR.matcher(tokens.peek()).matches()) {
                date = notPast(LocalDate.of(Integer.parseInt(tokens.next()), month, day), today, typed);
            } else {
                date = next(day, month, today, typed);
            }
        } catch (DateTimeException e) {
            return refused("session.when.impossibleDate", typed);
        }
        if (date instanceof Parsed.Ok<LocalDate> ok && weekday != null && ok.value().getDayOfWeek() != weekday) {
            return refused("session.when.weekday", ok.value().toString(),
                    ok.value().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRENCH));
        }
        return date;
    }

    /** The next day/month on or after today. */
    private static Parsed<LocalDate> next(int day, int month, LocalDate today, String typed) {
        for (int year = today.getYear(); year <= today.getYear() + 4; year++) {
            try {
                LocalDate date = LocalDate.of(year, month, day);
                if (!date.isBefore(today)) {
                    return new Parsed.Ok<>(date);
                }
            } catch (DateTimeException e) {
                // 29 February: try the next years.
            }
        }
        return refused("session.when.impossibleDate", typed);
    }

    private static Parsed<LocalDate> notPast(LocalDate date, LocalDate today, String typed) {
        return date.isBefore(today) ? refused("session.when.past", typed) : new Parsed.Ok<>(date);
    }

    private static Parsed<LocalTime> time(Tokens tokens) {
        String typed = tokens.peek();
        if (typed == null) {
            return refused("session.when.noTime");
        }
        Matcher matcher = TIME.matcher(typed.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return refused("session.when.noTime");
        }
        tokens.next();
        int hour;
        int minute;
        if (matcher.group(1) != null) {
            hour = Integer.parseInt(matcher.group(1));
            minute = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
        } else {
            hour = Integer.parseInt(matcher.group(3)) % 12 + (matcher.group(5).equals("pm") ? 12 : 0);
            minute = matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4));
            if (Integer.parseInt(matcher.group(3)) > 12) {
                return refused("session.when.badTime", typed);
            }
        }
        if (hour > 23 || minute > 59) {
            return refused("session.when.badTime", typed);
        }
        return new Parsed.Ok<>(LocalTime.of(hour, minute));
    }

    /** An optional duration: the default when the next word is not one. */
    private static Parsed<Duration> duration(Tokens tokens) {
        String typed = tokens.peek();
        Matcher matcher = typed == null ? null : DURATION.matcher(typed.toLowerCase(Locale.ROOT));
        if (matcher == null || !matcher.matches()) {
            return new Parsed.Ok<>(DEFAULT_DURATION);
        }
        tokens.next();
        Duration duration = matcher.group(3) != null ? Duration.ofMinutes(Integer.parseInt(matcher.group(3)))
                : Duration.ofHours(Integer.parseInt(matcher.group(1)))
                        .plusMinutes(matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2)));
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            return refused("session.when.badDuration", typed);
        }
        return new Parsed.Ok<>(duration);
    }

    /** Control characters (NUL included) go; the rest is kept as typed, shown as plain text. */
    private static String strip(String text) {
        return text.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static String fold(String word) {
        return word == null ? "" : Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace(",", "");
    }

    private static boolean english(Locale locale) {
        return locale.getLanguage().equals("en");
    }

    private static <T> T ok(Parsed<T> parsed) {
        return ((Parsed.Ok<T>) parsed).value();
    }

    private static <T> Parsed<T> refused(String key, Object... args) {
        return new Parsed.Refused<>(key, List.of(args));
    }

    private static <T> Parsed<T> refuse(Parsed.Refused<?> refused) {
        return new Parsed.Refused<>(refused.key(), refused.args());
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new java.util.HashMap<>();
        for (int m = 1; m <= 12; m++) {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                String name = java.time.Month.of(m).getDisplayName(TextStyle.FULL, locale);
                months.put(fold(name), m);
            }
        }
        return Map.copyOf(months);
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> days = new java.util.HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                days.put(fold(day.getDisplayName(TextStyle.FULL, locale)), day);
            }
        }
        return Map.copyOf(days);
    }

    /** The words of what was typed, read one after the other. */
    private static final class Tokens {
        private final List<String> words;
        private int position;

        Tokens(String text) {
            this.words = text.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(text.split("\\s+")));
        }

        String peek() {
            return position < words.size() ? words.get(position) : null;
        }

        String next() {
            return words.get(position++);
        }

        int position() {
            return position;
        }

        void reset(int mark) {
            position = mark;
        }

        Integer number() {
            String word = peek();
            if (word == null) {
                return null;
            }
            Matcher matcher = NUMBER.matcher(word.toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                return null;
            }
            next();
            return Integer.parseInt(matcher.group(1));
        }

        String rest() {
            return String.join(" ", words.subList(position, words.size())).strip();
        }
    }
}
