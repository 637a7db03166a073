package io.collectivepulse.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.when.WhenFormat;
import java.time.LocalTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The digest's time as members type it and as the bot writes it back, in both languages. */
class DigestTimeTest {
    @Test
    void readsWhatMembersTypeInEitherLanguage() {
        assertThat(DigestCommands.time("9h")).contains(LocalTime.of(9, 0));
        assertThat(DigestCommands.time("9 h 30")).contains(LocalTime.of(9, 30));
        assertThat(DigestCommands.time("09:00")).contains(LocalTime.of(9, 0));
        assertThat(DigestCommands.time("18.45")).contains(LocalTime.of(18, 45));
        assertThat(DigestCommands.time("2:30 PM")).contains(LocalTime.of(14, 30));
        assertThat(DigestCommands.time("12:15 am")).contains(LocalTime.of(0, 15));
        assertThat(DigestCommands.time("12 pm")).contains(LocalTime.of(12, 0));
        assertThat(DigestCommands.time("25 h")).isEmpty();
        assertThat(DigestCommands.time("13 pm")).isEmpty();
        assertThat(DigestCommands.time("9 h du matin")).isEmpty();
        assertThat(DigestCommands.time("")).isEmpty();
    }

    @Test
    void readsBackEveryTimeItWrites() {
        for (int minutes = 0; minutes < 24 * 60; minutes += 5) {
            LocalTime time = LocalTime.of(minutes / 60, minutes % 60);
            for (Locale locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
                assertThat(DigestCommands.time(WhenFormat.time(time, locale))).contains(time);
            }
        }
    }
}
