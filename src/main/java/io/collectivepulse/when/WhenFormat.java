package io.collectivepulse.when;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Dates, times and durations as the bot writes them in chat: "jeudi 14 janvier 2027 à 14 h", "lundi 1er mars",
 * "9 h 05", "1 h 30"; in English "Thursday 14 January 2027 at 2:00 pm", "1 h 30 min". Any language but English
 * is written in French, as {@link io.collectivepulse.i18n.Messages} does.
 */
public final class WhenFormat {
    private WhenFormat() {
    }

    public static String date(LocalDate date, Locale locale) {
        Locale language = language(locale);
        String weekday = date.getDayOfWeek().getDisplayName(TextStyle.FULL, language);
        String month = date.getMonth().getDisplayName(TextStyle.FULL, language);
        int day = date.getDayOfMonth();
        String dayText = day == 1 && language == Locale.FRENCH ? "1er" : Integer.toString(day);
        return weekday + " " + dayText + " " + month + " " + date.getYear();
    }

    public static String time(LocalTime time, Locale locale) {
        int hour = time.getHour();
        int minute = time.getMinute();
        if (language(locale) == Locale.ENGLISH) {
            int twelve = hour % 12 == 0 ? 12 : hour % 12;
            return String.format(Locale.ROOT, "%d:%02d %s", twelve, minute, hour < 12 ? "am" : "pm");
        }
        return minute == 0 ? hour + " h" : String.format(Locale.ROOT, "%d h %02d", hour, minute);
    }

    public static String dateTime(ZonedDateTime at, Locale locale) {
        String joint = language(locale) == Locale.ENGLISH ? " at " : " à ";
        return date(at.toLocalDate(), locale) + joint + time(at.toLocalTime(), locale);
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
