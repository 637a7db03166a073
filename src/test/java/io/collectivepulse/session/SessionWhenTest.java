package io.collectivepulse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectivepulse.i18n.Messages;
import io.collectivepulse.session.SessionWhen.Cycle;
import io.collectivepulse.session.SessionWhen.Move;
import io.collectivepulse.session.SessionWhen.Parsed;
import io.collectivepulse.session.SessionWhen.Parsed.Ok;
import io.collectivepulse.session.SessionWhen.Parsed.Refused;
import io.collectivepulse.session.SessionWhen.Plan;
import io.collectivepulse.when.ResolvedTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionWhenTest {
    /** A Sunday. */
    private static final LocalDate TODAY = LocalDate.of(2027, 1, 10);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");

    private static <T> T ok(Parsed<T> parsed) {
        assertThat(parsed).as("%s", parsed).isInstanceOf(Ok.class);
        return ((Ok<T>) parsed).value();
    }

    /**
     * The refusal has this key, and its message, rendered from the bundles, contains the useful part in each
     * language and no argument left unfilled.
     */
    private static Refused<?> assertRefused(Parsed<?> parsed, String key, String french, String english) {
        assertThat(parsed).as("%s", parsed).isInstanceOf(Refused.class);
        Refused<?> refused = (Refused<?>) parsed;
        assertThat(refused.key()).isEqualTo(key);
        String fr = Messages.of(Locale.FRENCH).get(key, refused.args().toArray());
        String en = Messages.of(Locale.ENGLISH).get(key, refused.args().toArray());
        assertThat(fr).contains(french).doesNotContain("{", "}", "·");
        assertThat(en).contains(english).doesNotContain("{", "}");
        return refused;
    }

    private static Plan plan(String text) {
        return ok(SessionWhen.plan(text, TODAY));
    }

    @Nested
    class Dates {
        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "2027-01-14; 2027-01-14", "2027-2-4; 2027-02-04", "14/01/2027; 2027-01-14", "14/01; 2027-01-14",
            "14/1/27; 2027-01-14", "jeudi 14 janvier 2027; 2027-01-14", "Jeudi 14 Janvier; 2027-01-14",
            "JEUDI 14 JANVIER 2027; 2027-01-14", "14 janvier; 2027-01-14", "le 14 janvier; 2027-01-14",
            "1er mars; 2027-03-01", "1ER MARS 2027; 2027-03-01", "1 mars 2027; 2027-03-01", "14 février; 2027-02-14",
            "14 FÉVRIER; 2027-02-14", "14 fevrier; 2027-02-14", "15 août; 2027-08-15", "15 aout 2027; 2027-08-15",
            "3 déc.; 2027-12-03", "14 janv. 2027; 2027-01-14", "jeu. 14 janvier; 2027-01-14",
            "14 January 2027; 2027-01-14", "January 14; 2027-01-14", "January 14, 2027; 2027-01-14",
            "Thursday 14 January; 2027-01-14", "Thursday, January 14, 2027; 2027-01-14", "14th January; 2027-01-14",
            "March 1st; 2027-03-01", "Jan 14; 2027-01-14", "on Thursday 14 January; 2027-01-14",
            "2027-01-10; 2027-01-10", "10/01; 2027-01-10", "9 janvier; 2028-01-09", "29 février 2028; 2028-02-29",
            "2029-01-10; 2029-01-10"})
        void everyAcceptedForm(String typed, LocalDate expected) {
            assertThat(plan(typed + " 14h Atelier").date()).isEqualTo(expected);
            assertThat(ok(SessionWhen.move("3 " + typed + " 15h", TODAY)).date()).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "14/01; 2028-01-14", "1er janvier; 2028-01-01", "31 décembre; 2027-12-31", "30/12; 2027-12-30",
            "29/12; 2028-12-29", "January 2; 2028-01-02"})
        void withoutAYearTheNextSuchDateAroundNewYear(String typed, LocalDate expected) {
            LocalDate newYearsEve = LocalDate.of(2027, 12, 30);
            assertThat(ok(SessionWhen.plan(typed + " 14h Atelier", newYearsEve)).date()).isEqualTo(expected);
        }

        @Test
        void todayIsAllowedYesterdayIsNot() {
            assertThat(plan("2027-01-10 14h Atelier").date()).isEqualTo(TODAY);
            assertRefused(SessionWhen.plan("2027-01-09 14h Atelier", TODAY), "when.date.past",
                    "Le 9 janvier 2027 est passé : choisissez aujourd'hui (le 10 janvier 2027) ou une date à venir",
                    "9 January 2027 has passed: choose today (10 January 2027) or a later date. Without the year, "
                            + "for example 09/01, I take the next such date.");
            assertRefused(SessionWhen.plan("1er janvier 2027 14h Atelier", TODAY), "when.date.past",
                    "Le 1er janvier 2027 est passé", "1 January 2027 has passed");
        }

        @Test
        void yesterdayWithoutAYearIsNextYear() {
            assertThat(plan("09/01 14h Atelier").date()).isEqualTo(LocalDate.of(2028, 1, 9));
        }

        @Test
        void aDateMoreThanTwoYearsAheadIsAMistypedYear() {
            assertRefused(SessionWhen.plan("14/01/2072 14h Atelier", TODAY), "when.date.tooFar",
                    "Le 14 janvier 2072 est dans plus de 2 ans : vérifiez l'année", "more than 2 years away");
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "30 février; Il n'y a pas de 30 février en 2027 : ce mois-là compte 28 jours; There is no 30 February in 2027: that month has 28 days",
            "2027-02-29; Il n'y a pas de 29 février en 2027; There is no 29 February in 2027",
            "29/02; Il n'y a pas de 29 février en 2027; that month has 28 days",
            "31/04; Il n'y a pas de 31 avril en 2027 : ce mois-là compte 30 jours; There is no 31 April in 2027",
            "31 June 2027; Il n'y a pas de 31 juin en 2027; for example 30/06/2027"})
        void impossibleDatesAreRefusedSayingHowLongTheMonthIs(String typed, String french, String english) {
            assertRefused(SessionWhen.plan(typed + " 14h Atelier", TODAY), "when.date.noSuchDay", french, english);
        }

        @Test
        void monthsAndDaysOutOfRange() {
            assertRefused(SessionWhen.plan("14/13/2027 14h Atelier", TODAY), "when.date.month",
                    "« 14/13/2027 » : il n'y a que 12 mois. Écrivez la date jour/mois/année", "only 12 months");
            assertRefused(SessionWhen.plan("01/14/2027 14h Atelier", TODAY), "when.date.month",
                    "jour/mois/année, par exemple 14/01/2027", "day/month/year, for example 14/01/2027");
            assertRefused(SessionWhen.plan("2027-00-14 14h Atelier", TODAY), "when.date.month",
                    "« 2027-00-14 »", "\"2027-00-14\"");
            assertRefused(SessionWhen.plan("32/01 14h Atelier", TODAY), "when.date.day",
                    "un mois compte 31 jours au plus", "a month has 31 days at most");
            assertRefused(SessionWhen.plan("0 mars 14h Atelier", TODAY), "when.date.day", "« 0 mars »",
                    "\"0 mars\"");
        }

        @Test
        void aWeekdayThatDoesNotMatchTheDateIsRefusedNamingTheRightOne() {
            assertRefused(SessionWhen.plan("mercredi 14 janvier 2027 14h Atelier", TODAY), "when.date.weekday",
                    "Le 14 janvier 2027 est un jeudi, pas un mercredi", "14 January 2027 is a Thursday, not a Wednesday");
            assertRefused(SessionWhen.plan("Friday 1 March 14h Atelier", TODAY), "when.date.weekday",
                    "Le 1er mars 2027 est un lundi, pas un vendredi. Vérifiez la date, ou écrivez-la sans le jour de la "
                            + "semaine, par exemple 01/03/2027", "1 March 2027 is a Monday, not a Friday");
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {"14-01-2027; 14-01-2027", "2027/01/14; 2027/01/14",
            "jeudi 14h; jeudi 14h", "janvier 14h; janvier", "14 14h; 14", "14.01.2027; 14.01.2027"})
        void unknownDatesAreQuotedWithTheFormsToUse(String typed, String quoted) {
            assertRefused(SessionWhen.plan(typed + " Atelier", TODAY), "when.date.unknown",
                    "Je ne reconnais pas la date « " + quoted + " ». Écrivez-la par exemple 14 janvier, 14/01/2027",
                    "I don't recognise the date \"" + quoted + "\"");
        }
    }

    @Nested
    class Times {
        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {"14h; 14:00", "14h30; 14:30", "14 h 30; 14:30", "14 h; 14:00",
            "14:00; 14:00", "9h; 09:00", "09:05; 09:05", "14H30; 14:30", "0h; 00:00", "23h59; 23:59", "2pm; 14:00",
            "2 pm; 14:00", "2:30 pm; 14:30", "2:30pm; 14:30", "2:30 PM; 14:30", "2 p.m.; 14:00", "11:45 am; 11:45",
            "12pm; 12:00", "12am; 00:00", "midi; 12:00", "Noon; 12:00", "à 14h; 14:00", "at 2pm; 14:00"})
        void everyAcceptedForm(String typed, LocalTime expected) {
            assertThat(plan("14/01 " + typed + " Atelier").time()).isEqualTo(expected);
            assertThat(ok(SessionWhen.move("3 14/01 " + typed, TODAY)).time()).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"24h", "25h", "14h60", "14:75", "99:00", "13pm", "0am", "0:30 am"})
        void outOfRange(String typed) {
            assertRefused(SessionWhen.plan("14/01 " + typed + " Atelier", TODAY), "when.time.outOfRange",
                    "L'heure « " + typed + " » n'existe pas : les heures vont de 0 à 23",
                    "The time \"" + typed + "\" does not exist: hours go from 0 to 23");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Recrutement", "14", "14h5", "quatorze"})
        void unknown(String typed) {
            assertRefused(SessionWhen.plan("14/01 " + typed + " Atelier", TODAY), "when.time.unknown",
                    "Je ne reconnais pas l'heure « " + typed + " ». Après la date, écrivez l'heure, par exemple 14h",
                    "I don't recognise the time \"" + typed + "\". After the date, type the time, for example 2pm");
        }

        @Test
        void hoursThenMinutesWithAUnitAreATimeAndADuration() {
            Plan plan = plan("14/01 14 h 30 min Café");
            assertThat(plan.time()).isEqualTo(LocalTime.of(14, 0));
            assertThat(plan.duration()).isEqualTo(Duration.ofMinutes(30));
            assertThat(plan.title()).isEqualTo("Café");
        }
    }

    @Nested
    class Durations {
        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {"1h30; 90", "1 h 30; 90", "2h; 120", "90min; 90", "90 min; 90",
            "45min; 45", "1h30min; 90", "1 h 30 min; 90", "15min; 15", "12h; 720", "720 min; 720", "2 heures; 120",
            "1 hour; 60", "1H05; 65", "pendant 1h30; 90", "for 45 minutes; 45"})
        void everyAcceptedForm(String typed, long minutes) {
            Plan plan = plan("14/01 14h " + typed + " Atelier");
            assertThat(plan.duration()).isEqualTo(Duration.ofMinutes(minutes));
            assertThat(plan.title()).isEqualTo("Atelier");
            assertThat(ok(SessionWhen.cycle("8 14/01 4 14h " + typed, TODAY)).duration())
                    .isEqualTo(Duration.ofMinutes(minutes));
        }

        @Test
        void twoHoursWhenLeftOut() {
            assertThat(plan("14/01 14h Atelier").duration()).isEqualTo(Duration.ofHours(2));
            assertThat(ok(SessionWhen.cycle("8 14/01 4 14h", TODAY)).duration()).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void aWordThatOnlyStartsLikeADurationIsPartOfTheTitle() {
            assertThat(plan("14/01 14h pendant la pause").title()).isEqualTo("pendant la pause");
            assertThat(plan("14/01 14h 3 ateliers").title()).isEqualTo("3 ateliers");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10min", "14 min", "0h", "12h01", "13h", "16h30", "800min"})
        void from15MinutesTo12Hours(String typed) {
            assertRefused(SessionWhen.plan("14/01 14h " + typed + " Atelier", TODAY), "session.when.duration.range",
                    "Une séance dure de 15 min à 12 h : « " + typed + " » ne convient pas. Écrivez la durée, pas l'heure de fin",
                    "A session lasts from 15 min to 12 h: \"" + typed + "\" does not fit");
        }

        @Test
        void minutesAfterHoursUnder60() {
            assertRefused(SessionWhen.plan("14/01 14h 1h75 Atelier", TODAY), "when.duration.minutes",
                    "« 1h75 » : après les heures, les minutes vont de 0 à 59", "minutes go from 0 to 59");
        }
    }

    @Nested
    class Plans {
        @Test
        void theExampleOfTheCommand() {
            assertThat(plan("2027-01-14 14h 1h30 Recrutement et attractivité | Salle 3, 20 avenue de Ségur"))
                    .isEqualTo(new Plan(LocalDate.of(2027, 1, 14), LocalTime.of(14, 0), Duration.ofMinutes(90),
                            "Recrutement et attractivité", "Salle 3, 20 avenue de Ségur", null));
        }

        @Test
        void aMultiWordDateAtTheStartInFrenchAndEnglish() {
            assertThat(plan("Jeudi 14 janvier 2027 à 14h30 1h30 Recrutement | Salle 3"))
                    .isEqualTo(new Plan(LocalDate.of(2027, 1, 14), LocalTime.of(14, 30), Duration.ofMinutes(90),
                            "Recrutement", "Salle 3", null));
            assertThat(plan("Thursday 14 January 2027 at 2:30 pm 90 min Recruitment | Room 3"))
                    .isEqualTo(new Plan(LocalDate.of(2027, 1, 14), LocalTime.of(14, 30), Duration.ofMinutes(90),
                            "Recruitment", "Room 3", null));
        }

        @Test
        void aLinkEndingTheTitleOrAfterABar() {
            assertThat(plan("14/01 14h Atelier RH https://visio.example.org/abc"))
                    .extracting(Plan::title, Plan::place, Plan::link)
                    .containsExactly("Atelier RH", null, "https://visio.example.org/abc");
            assertThat(plan("14/01 14h Atelier RH | https://visio.example.org/abc"))
                    .extracting(Plan::title, Plan::place, Plan::link)
                    .containsExactly("Atelier RH", null, "https://visio.example.org/abc");
            assertThat(plan("14/01 14h Atelier : http://visio.example.org/abc?x=1#y | Salle 3"))
                    .extracting(Plan::title, Plan::place, Plan::link)
                    .containsExactly("Atelier", "Salle 3", "http://visio.example.org/abc?x=1#y");
        }

        @Test
        void aPlaceAndALink() {
            assertThat(plan("14/01 14h Atelier | Salle 3 | HTTPS://Visio.example.org/abc"))
                    .extracting(Plan::place, Plan::link).containsExactly("Salle 3", "HTTPS://Visio.example.org/abc");
            assertThat(plan("14/01 14h Atelier | Salle 3, Paris https://visio.example.org/abc"))
                    .extracting(Plan::place, Plan::link).containsExactly("Salle 3, Paris", "https://visio.example.org/abc");
        }

        @Test
        void aLinkWithAccentsIsStoredPercentEncoded() {
            assertThat(plan("14/01 14h Atelier https://visio.example.org/séance").link())
                    .isEqualTo("https://visio.example.org/s%C3%A9ance");
        }

        @Test
        void aDashOrColonBeforeTheTitleIsNotPartOfIt() {
            assertThat(plan("14/01 14h – Atelier").title()).isEqualTo("Atelier");
            assertThat(plan("14/01 14h : Atelier").title()).isEqualTo("Atelier");
            assertThat(plan("14/01 14h Atelier C++").title()).isEqualTo("Atelier C++");
        }

        @Test
        void controlCharactersAreDroppedAndLineBreaksAreSpaces() {
            Plan plan = plan("14/01\t14h\nRecrutement\u0000 et\u0007 attractivité\u202E | Salle\u00A03\u200B");
            assertThat(plan.title()).isEqualTo("Recrutement et attractivité");
            assertThat(plan.place()).isEqualTo("Salle 3");
            assertThat(plan("14/01 14h Équipe 👩\u200D💻").title()).isEqualTo("Équipe 👩\u200D💻");
        }

        @Test
        void titleFrom1To150Characters() {
            assertThat(plan("14/01 14h " + "é".repeat(150)).title()).hasSize(150);
            assertRefused(SessionWhen.plan("14/01 14h " + "é".repeat(151), TODAY), "session.when.title.tooLong",
                    "Le titre fait 151 caractères ; la limite est de 150", "The title is 151 characters long; the limit is 150");
            assertThat(plan("14/01 14h A").title()).isEqualTo("A");
        }

        @Test
        void placeUpTo200Characters() {
            assertThat(plan("14/01 14h Atelier | " + "x".repeat(200)).place()).hasSize(200);
            assertRefused(SessionWhen.plan("14/01 14h Atelier | " + "x".repeat(201), TODAY), "session.when.place.tooLong",
                    "Le lieu fait 201 caractères ; la limite est de 200", "The place is 201 characters long; the limit is 200");
        }

        @Test
        void linkUpTo500Characters() {
            String base = "https://visio.example.org/";
            assertThat(plan("14/01 14h Atelier " + base + "a".repeat(500 - base.length())).link()).hasSize(500);
            assertRefused(SessionWhen.plan("14/01 14h Atelier " + base + "a".repeat(501 - base.length()), TODAY),
                    "session.when.link.tooLong", "Ce lien fait 501 caractères ; la limite est de 500",
                    "This link is 501 characters long; the limit is 500");
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {"javascript:alert(1); javascript", "JavaScript:alert(1); javascript",
            "data:text/html,<script>alert(1)</script>; data", "ftp://files.example.org/a; ftp",
            "file:///etc/passwd; file", "mailto:a@example.org; mailto"})
        void onlyWebAddresses(String link, String scheme) {
            assertRefused(SessionWhen.plan("14/01 14h Atelier | " + link, TODAY), "session.when.link.scheme",
                    "Ce lien commence par « " + scheme + ": » : seules les adresses web commençant par https://",
                    "This link starts with \"" + scheme + ":\": only web addresses starting with https://");
            assertThat(SessionWhen.plan("14/01 14h Atelier " + link, TODAY)).isInstanceOf(Refused.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://", "https:///chemin", "www.example.org", "https://moi:secret@evil.example",
            "https://visio.example.org/a%zz"})
        void incompleteWebAddresses(String link) {
            assertRefused(SessionWhen.plan("14/01 14h Atelier | " + link, TODAY),
                    "session.when.link.invalid", "n'est pas une adresse web complète. Écrivez-la en entier, à partir de https://",
                    "is not a complete web address");
        }

        @Test
        void atMostOnePlaceAndOneLink() {
            assertRefused(SessionWhen.plan("14/01 14h Atelier | Salle 3 | Salle 4", TODAY), "session.when.plan.tooManyParts",
                    "au plus un lieu et un lien", "at most one place and one link");
            assertRefused(SessionWhen.plan("14/01 14h Atelier https://a.example | https://b.example", TODAY),
                    "session.when.plan.tooManyParts", "Salle 3, 20 avenue de Ségur | https://", "one link");
            assertThat(plan("14/01 14h Atelier | | Salle 3 |").place()).isEqualTo("Salle 3");
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {"\"\"; la date", "Recrutement et attractivité; la date",
            "14h Recrutement; la date", "le; la date", "2027-01-14; l'heure", "jeudi 14 janvier 2027 à; l'heure",
            "2027-01-14 14h; le titre", "2027-01-14 14h 1h30; le titre", "2027-01-14 14h https://visio.example.org; le titre",
            "2027-01-14 14h | Salle 3; le titre", "2027-01-14 14h – ; le titre"})
        void missingPartsListTheExpectedForm(String text, String missing) {
            assertRefused(SessionWhen.plan(text, TODAY), "session.when.plan.incomplete",
                    "Il manque " + missing + " de la séance. Écrivez : <date> <heure> [durée] <titre> [| lieu ou lien], "
                            + "par exemple 14 janvier 14h 1h30 Recrutement et attractivité | Salle 3",
                    "is missing. Type: <date> <time> [duration] <title> [| place or link]");
        }

        @Test
        void nullIsLikeNothingTyped() {
            assertRefused(SessionWhen.plan(null, TODAY), "session.when.plan.incomplete", "Il manque la date",
                    "The session's date is missing");
        }

        @Test
        void longTypedTextIsQuotedShort() {
            Refused<?> refused = assertRefused(SessionWhen.plan("14/01 " + "x".repeat(5000), TODAY),
                    "when.time.unknown", "« " + "x".repeat(59) + "… »", "x…\"");
            assertThat(refused.args()).containsExactly("x".repeat(59) + "…");
        }
    }

    @Nested
    class Cycles {
        @Test
        void theExampleOfTheCommand() {
            assertThat(ok(SessionWhen.cycle("8 2027-01-14 4 14h 2h", TODAY)))
                    .isEqualTo(new Cycle(8, LocalDate.of(2027, 1, 14), 4, LocalTime.of(14, 0), Duration.ofHours(2)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"6 jeudi 14 janvier 2027 4 14h30 1h30",
            "6 séances le 14 janvier toutes les 4 semaines à 14h30 pendant 1h30",
            "6 sessions from Thursday 14 January every 4 weeks at 2:30 pm for 90 min", "#6 14/01 4 14 h 30 90min"})
        void naturalForms(String text) {
            assertThat(ok(SessionWhen.cycle(text, TODAY)))
                    .isEqualTo(new Cycle(6, LocalDate.of(2027, 1, 14), 4, LocalTime.of(14, 30), Duration.ofMinutes(90)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "21", "50", "99999999999"})
        void from1To20Sessions(String count) {
            assertRefused(SessionWhen.cycle(count + " 2027-01-14 4 14h", TODAY), "session.when.cycle.count",
                    "Un cycle compte de 1 à 20 séances (6 à 8 le plus souvent) : « " + count + " » ne convient pas",
                    "A cycle has 1 to 20 sessions (usually 6 to 8): \"" + count + "\" does not fit");
            assertRefused(SessionWhen.cycle(count, TODAY), "session.when.cycle.count", "de 1 à 20", "1 to 20");
        }

        @Test
        void from1To20SessionsInclusive() {
            assertThat(ok(SessionWhen.cycle("1 2027-01-14 4 14h", TODAY)).count()).isEqualTo(1);
            assertThat(ok(SessionWhen.cycle("20 2027-01-14 4 14h", TODAY)).count()).isEqualTo(20);
            assertThat(ok(SessionWhen.cycle("08 2027-01-14 4 14h", TODAY)).count()).isEqualTo(8);
        }

        @ParameterizedTest
        @CsvSource({"0, false", "1, true", "12, true", "13, false"})
        void from1To12Weeks(int weeks, boolean accepted) {
            Parsed<Cycle> parsed = SessionWhen.cycle("8 2027-01-14 " + weeks + " 14h", TODAY);
            if (accepted) {
                assertThat(ok(parsed).everyWeeks()).isEqualTo(weeks);
            } else {
                assertRefused(parsed, "session.when.cycle.every",
                        "Entre deux séances, comptez de 1 à 12 semaines", "allow 1 to 12 weeks");
            }
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {"\"\"; le nombre de séances; the number of sessions",
            "2027-01-14 4 14h; le nombre de séances; the number of sessions",
            "huit 2027-01-14 4 14h; le nombre de séances; the number of sessions",
            "8; la date de la première séance; the date of the first session",
            "8 14h; la date de la première séance; the date of the first session",
            "8 2027-01-14; le nombre de semaines entre deux séances; the number of weeks between two sessions",
            "8 2027-01-14 14h 2h; le nombre de semaines entre deux séances; the number of weeks between two sessions",
            "8 2027-01-14 4; l'heure des séances; the time of the sessions",
            "8 2027-01-14 4 semaines à; l'heure des séances; the time of the sessions"})
        void missingPartsListTheExpectedForm(String text, String french, String english) {
            assertRefused(SessionWhen.cycle(text, TODAY), "session.when.cycle.incomplete",
                    "Il manque " + french + " pour planifier le cycle.", "The cycle needs " + english + ".");
            assertRefused(SessionWhen.cycle(text, TODAY), "session.when.cycle.incomplete",
                    "Écrivez : <nombre de séances> <première date> <toutes les N semaines> <heure> [durée], par exemple 8 2027-01-14 4 14h 2h",
                    "for example 8 2027-01-14 4 2pm 2h for 8 sessions from 14 January 2027, every 4 weeks");
        }

        @Test
        void nothingAfterTheDuration() {
            assertRefused(SessionWhen.cycle("8 2027-01-14 4 14h 2h Recrutement", TODAY), "session.when.cycle.unexpected",
                    "Je ne comprends pas « Recrutement » à la fin", "I don't understand \"Recrutement\" at the end");
        }

        @Test
        void theRulesOfDatesTimesAndDurationsApply() {
            assertRefused(SessionWhen.cycle("8 2027-02-30 4 14h", TODAY), "when.date.noSuchDay", "30 février", "30 February");
            assertRefused(SessionWhen.cycle("8 2027-01-09 4 14h", TODAY), "when.date.past", "9 janvier 2027", "9 January 2027");
            assertRefused(SessionWhen.cycle("8 2027-01-14 4 25h", TODAY), "when.time.outOfRange", "25h", "25h");
            assertRefused(SessionWhen.cycle("8 2027-01-14 4 14h 13h", TODAY), "session.when.duration.range", "13h", "13h");
        }
    }

    @Nested
    class Moves {
        @Test
        void theExampleOfTheCommand() {
            assertThat(ok(SessionWhen.move("3 2027-02-11 15h", TODAY)))
                    .isEqualTo(new Move(3, LocalDate.of(2027, 2, 11), LocalTime.of(15, 0)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"3 au 11 février à 15h", "#3 11/02 15h", "3 to February 11 at 3pm", "3 jeudi 11 février 15:00"})
        void naturalForms(String text) {
            assertThat(ok(SessionWhen.move(text, TODAY)))
                    .isEqualTo(new Move(3, LocalDate.of(2027, 2, 11), LocalTime.of(15, 0)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "00", "1000", "123456789012"})
        void aSessionNumberFrom1(String number) {
            assertRefused(SessionWhen.move(number + " 2027-02-11 15h", TODAY), "session.when.move.number",
                    "« " + number + " » n'est pas un numéro de séance", "\"" + number + "\" is not a session number");
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {"\"\"; le numéro de la séance; session number",
            "2027-02-11 15h; le numéro de la séance; session number", "3; la nouvelle date; new date",
            "3 15h; la nouvelle date; new date", "3 2027-02-11; la nouvelle heure; new time"})
        void missingPartsListTheExpectedForm(String text, String french, String english) {
            assertRefused(SessionWhen.move(text, TODAY), "session.when.move.incomplete",
                    "Il manque " + french + ". Écrivez : <numéro de la séance> <date> <heure>, par exemple 3 2027-02-11 15h",
                    "The " + english + " is missing. Type: <session number> <date> <time>");
        }

        @Test
        void nothingAfterTheTime() {
            assertRefused(SessionWhen.move("3 2027-02-11 15h 2h", TODAY), "session.when.move.unexpected",
                    "Je ne comprends pas « 2h » à la fin", "I don't understand \"2h\" at the end");
        }
    }

    @Nested
    class DaylightSavingTime {
        @Test
        void aTimeTheClocksJumpOverIsRefusedNamingTheOneToUse() {
            assertRefused(SessionWhen.resolve(LocalDate.of(2027, 3, 28), LocalTime.of(2, 30), PARIS),
                    "when.dst.gap",
                    "Le 28 mars 2027, à 2 h il sera directement 3 h (changement d'heure) : 2 h 30 n'existe pas ce jour-là. "
                            + "Choisissez 3 h 30, ou une heure avant 2 h ou à partir de 3 h.",
                    "On 28 March 2027, clocks go straight from 02:00 to 03:00: 02:30 does not exist that day. "
                            + "Choose 03:30, or a time before 02:00 or from 03:00 on.");
            assertRefused(SessionWhen.resolve(LocalDate.of(2027, 3, 28), LocalTime.of(2, 0), PARIS),
                    "when.dst.gap", "Choisissez 3 h,", "Choose 03:00,");
        }

        @Test
        void theEdgesOfTheGap() {
            ResolvedTime before = ok(SessionWhen.resolve(LocalDate.of(2027, 3, 28), LocalTime.of(1, 59), PARIS));
            ResolvedTime after = ok(SessionWhen.resolve(LocalDate.of(2027, 3, 28), LocalTime.of(3, 0), PARIS));
            assertThat(before.at().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
            assertThat(after.at().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(before.ambiguous() || after.ambiguous()).isFalse();
        }

        @Test
        void aTimeThatOccursTwiceIsTheEarlierOne() {
            ResolvedTime resolved = ok(SessionWhen.resolve(LocalDate.of(2027, 10, 31), LocalTime.of(2, 30), PARIS));
            assertThat(resolved.ambiguous()).isTrue();
            assertThat(resolved.at().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(resolved.at().toInstant()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
            Object[] args = resolved.overlapArgs().toArray();
            assertThat(Messages.of(Locale.FRENCH).get(SessionWhen.OVERLAP, args)).isEqualTo(
                    "Le 31 octobre 2027, il sera deux fois 2 h 30 (changement d'heure) : la séance est prévue la première "
                            + "fois, à UTC+02:00. Pour éviter le doute, choisissez une heure avant 2 h ou à partir de 3 h.");
            assertThat(Messages.of(Locale.ENGLISH).get(SessionWhen.OVERLAP, args)).isEqualTo(
                    "On 31 October 2027, 02:30 happens twice as clocks go back: the session is set at the first one, "
                            + "UTC+02:00. To avoid any doubt, choose a time before 02:00 or from 03:00 on.");
        }

        @Test
        void anOrdinaryTimeOccursOnce() {
            ResolvedTime resolved = ok(SessionWhen.resolve(LocalDate.of(2027, 1, 14), LocalTime.of(14, 0), PARIS));
            assertThat(resolved).isEqualTo(new ResolvedTime(ZonedDateTime.of(2027, 1, 14, 14, 0, 0, 0, PARIS), false));
            assertThatThrownBy(resolved::overlapArgs).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void montreal() {
            assertRefused(SessionWhen.resolve(LocalDate.of(2027, 3, 14), LocalTime.of(2, 30), MONTREAL),
                    "when.dst.gap", "Le 14 mars 2027, à 2 h il sera directement 3 h", "Choose 03:30");
            ResolvedTime twice = ok(SessionWhen.resolve(LocalDate.of(2027, 11, 7), LocalTime.of(1, 30), MONTREAL));
            assertThat(twice.ambiguous()).isTrue();
            assertThat(twice.at().toInstant()).isEqualTo(Instant.parse("2027-11-07T05:30:00Z"));
            assertThat(Messages.of(Locale.FRENCH).get(SessionWhen.OVERLAP, twice.overlapArgs().toArray()))
                    .contains("il sera deux fois 1 h 30", "UTC-04:00", "avant 1 h ou à partir de 2 h");
        }

        @Test
        void aPlanInTheGapIsCaughtWhenResolved() {
            Plan plan = plan("dimanche 28 mars 2027 2h30 Atelier");
            assertRefused(SessionWhen.resolve(plan.date(), plan.time(), PARIS), "when.dst.gap",
                    "Choisissez 3 h 30", "Choose 03:30");
        }
    }

    @Nested
    class Formats {
        @Test
        void dates() {
            assertThat(SessionWhen.date(LocalDate.of(2027, 1, 14), Locale.FRENCH)).isEqualTo("jeudi 14 janvier 2027");
            assertThat(SessionWhen.date(LocalDate.of(2027, 3, 1), Locale.FRANCE)).isEqualTo("lundi 1er mars 2027");
            assertThat(SessionWhen.date(LocalDate.of(2027, 1, 14), Locale.ENGLISH)).isEqualTo("Thursday 14 January 2027");
            assertThat(SessionWhen.date(LocalDate.of(2027, 3, 1), Locale.UK)).isEqualTo("Monday 1 March 2027");
        }

        @Test
        void times() {
            assertThat(SessionWhen.time(LocalTime.of(14, 0), Locale.FRENCH)).isEqualTo("14 h");
            assertThat(SessionWhen.time(LocalTime.of(14, 30), Locale.FRENCH)).isEqualTo("14 h 30");
            assertThat(SessionWhen.time(LocalTime.of(9, 5), Locale.FRENCH)).isEqualTo("9 h 05");
            assertThat(SessionWhen.time(LocalTime.of(0, 0), Locale.FRENCH)).isEqualTo("0 h");
            assertThat(SessionWhen.time(LocalTime.of(14, 0), Locale.ENGLISH)).isEqualTo("2:00 pm");
            assertThat(SessionWhen.time(LocalTime.of(9, 5), Locale.ENGLISH)).isEqualTo("9:05 am");
            assertThat(SessionWhen.time(LocalTime.of(12, 0), Locale.ENGLISH)).isEqualTo("12:00 pm");
            assertThat(SessionWhen.time(LocalTime.of(0, 15), Locale.US)).isEqualTo("12:15 am");
        }

        @Test
        void dateTimes() {
            ZonedDateTime at = ZonedDateTime.of(2027, 1, 14, 14, 0, 0, 0, PARIS);
            assertThat(SessionWhen.dateTime(at, Locale.FRENCH)).isEqualTo("jeudi 14 janvier 2027 à 14 h");
            assertThat(SessionWhen.dateTime(at, Locale.ENGLISH)).isEqualTo("Thursday 14 January 2027 at 2:00 pm");
            assertThat(SessionWhen.dateTime(at.withZoneSameInstant(MONTREAL), Locale.FRENCH))
                    .isEqualTo("jeudi 14 janvier 2027 à 8 h");
        }

        @Test
        void durations() {
            assertThat(SessionWhen.duration(Duration.ofMinutes(90), Locale.FRENCH)).isEqualTo("1 h 30");
            assertThat(SessionWhen.duration(Duration.ofMinutes(65), Locale.FRENCH)).isEqualTo("1 h 05");
            assertThat(SessionWhen.duration(Duration.ofHours(2), Locale.FRENCH)).isEqualTo("2 h");
            assertThat(SessionWhen.duration(Duration.ofMinutes(45), Locale.FRENCH)).isEqualTo("45 min");
            assertThat(SessionWhen.duration(Duration.ofMinutes(90), Locale.ENGLISH)).isEqualTo("1 h 30 min");
            assertThat(SessionWhen.duration(Duration.ofHours(2), Locale.ENGLISH)).isEqualTo("2 h");
            assertThat(SessionWhen.duration(Duration.ofMinutes(45), Locale.ENGLISH)).isEqualTo("45 min");
            assertThatThrownBy(() -> SessionWhen.duration(Duration.ofMinutes(-5), Locale.FRENCH))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void anyOtherLanguageIsFrenchLikeTheBundles() {
            assertThat(SessionWhen.date(LocalDate.of(2027, 3, 1), Locale.GERMAN)).isEqualTo("lundi 1er mars 2027");
            assertThat(SessionWhen.time(LocalTime.of(14, 30), Locale.GERMAN)).isEqualTo("14 h 30");
        }

        @Test
        void whatIsParsedIsWrittenBack() {
            Plan plan = plan("1er mars 9h05 45min Atelier");
            assertThat(SessionWhen.date(plan.date(), Locale.FRENCH) + " à " + SessionWhen.time(plan.time(), Locale.FRENCH)
                    + ", " + SessionWhen.duration(plan.duration(), Locale.FRENCH))
                    .isEqualTo("lundi 1er mars 2027 à 9 h 05, 45 min");
        }
    }
}
