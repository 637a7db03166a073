package io.collectivepulse.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Dates, times and durations as the bot writes them in chat, the one place that formats them for people: "jeudi
 * 14 janvier 2027 à 14 h", "lundi 1er mars 2027", "9 h 05", "1 h 30", and without the weekday for what is already
 * dated ("8 décembre 2026 à 21 h 24", after "le" in the sentence); in English "Thursday 14 January 2027 at 2:00 pm",
 * "8 December 2026 at 9:24 pm", "1 h 30 min". Any language but English is written in French, as
 * {@link io.collectivepulse.i18n.Messages} does.
 */
public final class WhenFormat {
    private WhenFormat() {
    }

    /** "lundi 1er mars 2027", "Monday 1 March 2027": for what is planned, where the weekday helps. */
    public static String date(LocalDate date, Locale locale) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, language(locale)) + " " + day(date, locale);
    }

    /** "1er mars 2027", "8 décembre 2026", "1 March 2027": for what is already dated (a post, a delivery). */
    public static String day(LocalDate date, Locale locale) {
        return dayAndMonth(date, locale) + " " + date.getYear();
    }

    private static String dayAndMonth(LocalDate date, Locale locale) {
        Locale language = language(locale);
        String month = date.getMonth().getDisplayName(TextStyle.FULL, language);
        int day = date.getDayOfMonth();
        return (day == 1 && language == Locale.FRENCH ? "1er" : Integer.toString(day)) + " " + month;
    }

    /** "9 h", "14 h 30", "0 h 15" (French typography); "9:00 am", "2:30 pm", "12:15 am". */
    public static String time(LocalTime time, Locale locale) {
        int hour = time.getHour();
        int minute = time.getMinute();
        if (language(locale) == Locale.ENGLISH) {
            int twelve = hour % 12 == 0 ? 12 : hour % 12;
            return String.format(Locale.ROOT, "%d:%02d %s", twelve, minute, hour < 12 ? "am" : "pm");
        }
        return minute == 0 ? hour + " h" : String.format(Locale.ROOT, "%d h %02d", hour, minute);
    }

    /** "jeudi 14 janvier 2027 à 14 h", "Thursday 14 January 2027 at 2:00 pm". */
    public static String dateTime(ZonedDateTime at, Locale locale) {
        return date(at.toLocalDate(), locale) + joint(locale) + time(at.toLocalTime(), locale);
    }

    /**
     * "vendredi 4 décembre à 17 h", "Friday 4 December at 5:00 pm": the year is left out when it is {@code thisYear},
     * where it goes without saying (a poll's deadline), and written otherwise.
     */
    public static String dateTime(ZonedDateTime at, Locale locale, int thisYear) {
        if (at.getYear() != thisYear) {
            return dateTime(at, locale);
        }
        LocalDate date = at.toLocalDate();
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, language(locale)) + " " + dayAndMonth(date, locale)
                + joint(locale) + time(at.toLocalTime(), locale);
    }

    /** "8 décembre 2026 à 21 h 24", "8 December 2026 at 9:24 pm": no weekday. */
    public static String dayAndTime(ZonedDateTime at, Locale locale) {
        return day(at.toLocalDate(), locale) + joint(locale) + time(at.toLocalTime(), locale);
    }

    /** {@link #dayAndTime(ZonedDateTime, Locale)} of an instant, in a community's time zone. */
    public static String dayAndTime(Instant at, ZoneId zone, Locale locale) {
        return dayAndTime(at.atZone(zone), locale);
    }

    /** What joins a date and its time: " à ", " at ". */
    public static String joint(Locale locale) {
        return language(locale) == Locale.ENGLISH ? " at " : " à ";
    }

    /** Whole minutes; seconds are dropped. */
    public static String duration(Duration duration, Locale locale) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A duration cannot be negative: " + duration);
        }
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        if (hours == 0) {
            return minutes + " min";
        }
        if (minutes == 0) {
            return hours + " h";
        }
        return language(locale) == Locale.ENGLISH ? hours + " h " + minutes + " min"
                : String.format(Locale.ROOT, "%d h %02d", hours, minutes);
    }

    private static Locale language(Locale locale) {
        return locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.FRENCH;
    }
}
