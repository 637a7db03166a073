package io.collectivepulse.when;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one way dates and times are written in chat: French typography ("1er", "9 h", "14 h 30") and plain English. */
class WhenFormatTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theFirstOfTheMonthIsPremierInFrenchOnly() {
        assertThat(WhenFormat.day(LocalDate.of(2027, 3, 1), Locale.FRENCH)).isEqualTo("1er mars 2027");
        assertThat(WhenFormat.date(LocalDate.of(2027, 3, 1), Locale.FRANCE)).isEqualTo("lundi 1er mars 2027");
        assertThat(WhenFormat.day(LocalDate.of(2027, 3, 1), Locale.ENGLISH)).isEqualTo("1 March 2027");
        assertThat(WhenFormat.day(LocalDate.of(2027, 3, 21), Locale.FRENCH)).isEqualTo("21 mars 2027");
    }

    @Test
    void frenchTimesUseHWithSpaces() {
        assertThat(WhenFormat.time(LocalTime.of(9, 0), Locale.FRENCH)).isEqualTo("9 h");
        assertThat(WhenFormat.time(LocalTime.of(14, 30), Locale.FRENCH)).isEqualTo("14 h 30");
        assertThat(WhenFormat.time(LocalTime.of(9, 5), Locale.FRENCH)).isEqualTo("9 h 05");
    }

    @Test
    void midnightIsZeroHourInFrenchAndTwelveAmInEnglish() {
        assertThat(WhenFormat.time(LocalTime.MIDNIGHT, Locale.FRENCH)).isEqualTo("0 h");
        assertThat(WhenFormat.time(LocalTime.of(0, 15), Locale.FRENCH)).isEqualTo("0 h 15");
        assertThat(WhenFormat.time(LocalTime.MIDNIGHT, Locale.ENGLISH)).isEqualTo("12:00 am");
        assertThat(WhenFormat.time(LocalTime.NOON, Locale.ENGLISH)).isEqualTo("12:00 pm");
    }

    @Test
    void aDatedMomentReadsNaturallyAfterLe() {
        var at = ZonedDateTime.of(2026, 12, 8, 21, 24, 0, 0, PARIS);
        assertThat(WhenFormat.dayAndTime(at, Locale.FRENCH)).isEqualTo("8 décembre 2026 à 21 h 24");
        assertThat(WhenFormat.dayAndTime(at, Locale.ENGLISH)).isEqualTo("8 December 2026 at 9:24 pm");
        assertThat(WhenFormat.dayAndTime(Instant.parse("2027-03-01T08:00:00Z"), PARIS, Locale.FRENCH))
                .isEqualTo("1er mars 2027 à 9 h");
        assertThat(WhenFormat.dayAndTime(Instant.parse("2027-03-01T08:00:00Z"), PARIS, Locale.ENGLISH))
                .isEqualTo("1 March 2027 at 9:00 am");
    }

    @Test
    void aPlannedMomentKeepsItsWeekday() {
        var at = ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, PARIS);
        assertThat(WhenFormat.dateTime(at, Locale.FRENCH)).isEqualTo("lundi 1er mars 2027 à 9 h");
        assertThat(WhenFormat.dateTime(at, Locale.ENGLISH)).isEqualTo("Monday 1 March 2027 at 9:00 am");
    }

    @Test
    void theYearIsLeftOutWhenItGoesWithoutSaying() {
        var friday = ZonedDateTime.of(2026, 12, 4, 17, 0, 0, 0, PARIS);
        assertThat(WhenFormat.dateTime(friday, Locale.FRENCH, 2026)).isEqualTo("vendredi 4 décembre à 17 h");
        assertThat(WhenFormat.dateTime(friday, Locale.ENGLISH, 2026)).isEqualTo("Friday 4 December at 5:00 pm");
        assertThat(WhenFormat.dateTime(friday.plusDays(28), Locale.FRENCH, 2026))
                .isEqualTo("vendredi 1er janvier 2027 à 17 h");
    }

    @Test
    void anyOtherLanguageIsWrittenInFrench() {
        var at = ZonedDateTime.of(2026, 12, 8, 0, 0, 0, 0, PARIS);
        assertThat(WhenFormat.dayAndTime(at, Locale.GERMAN)).isEqualTo("8 décembre 2026 à 0 h");
    }
}
