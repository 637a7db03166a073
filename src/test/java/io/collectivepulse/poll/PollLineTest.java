package io.collectivepulse.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.poll.PollDraft.Parsed;
import io.collectivepulse.slack.BlockKitRendererAccess;
import io.collectivepulse.support.AdaptiveCardSchema;
import io.collectivepulse.support.BlockKitLimits;
import io.collectivepulse.teams.AdaptiveCardRendererAccess;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-line launch of a poll, the form's fields and the rules every poll draft meets. */
class PollLineTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A Wednesday morning. */
    static final Instant NOW = at(2027, 1, 13, 10, 0);

    static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    static PollDraft ok(String line) {
        return ok(PollDraft.fromLine(line, PARIS, NOW));
    }

    static PollDraft ok(Parsed parsed) {
        assertThat(parsed).isInstanceOf(Parsed.Ok.class);
        return ((Parsed.Ok) parsed).draft();
    }

    /** The refusal, whose message reads in both languages with every argument in place. */
    static Parsed.Refused refused(Parsed parsed, String key, Object... args) {
        assertThat(parsed).isInstanceOf(Parsed.Refused.class);
        Parsed.Refused refused = (Parsed.Refused) parsed;
        assertThat(refused.key()).isEqualTo(key);
        if (args.length > 0) {
            assertThat(refused.args()).containsExactly(args);
        }
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            assertThat(Messages.of(locale).get(key, refused.args().toArray())).doesNotContain("{", "}").isNotBlank();
        }
        return refused;
    }

    static Parsed.Refused refused(String line, String key, Object... args) {
        return refused(PollDraft.fromLine(line, PARIS, NOW), key, args);
    }

    static void assertParts(String line, String question, String... options) {
        PollDraft draft = ok(line);
        assertThat(draft.question()).isEqualTo(question);
        assertThat(draft.options()).containsExactly(options);
    }

    static String french(Parsed.Refused refused) {
        return Messages.of(Locale.FRENCH).get(refused.key(), refused.args().toArray());
    }

    @Nested
    class Quoted {
        @Test
        void questionOptionsAndNoSettings() {
            PollDraft draft = ok("\"Quel thème pour la prochaine séance ?\" \"Recrutement\" \"Télétravail\"");
            assertThat(draft).isEqualTo(new PollDraft("Quel thème pour la prochaine séance ?",
                    List.of("Recrutement", "Télétravail"), false, false, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "« Quel thème ? » « Recrutement » « Télétravail »",
            "«\u00a0Quel thème ?\u00a0» «\u202fRecrutement\u202f» «\u00a0Télétravail\u00a0»",
            "“Quel thème ?” “Recrutement” “Télétravail”",
            "\"Quel thème ?” ”Recrutement” „Télétravail“",
            "\"Quel thème ?\"\"Recrutement\"\"Télétravail\"",
            "\"Quel thème ?\" | \"Recrutement\" | \"Télétravail\"",
            "Quel thème ? \"Recrutement\" \"Télétravail\"",
            "  \"Quel   thème ?\"\n\"Recrutement\"\t\"Télétravail\"  "})
        void everyKindOfQuotesAndBlanks(String line) {
            assertThat(ok(line)).isEqualTo(new PollDraft("Quel thème ?", List.of("Recrutement", "Télétravail"),
                    false, false, null));
        }

        @Test
        void quotesOfAnotherKindStayInTheText() {
            assertParts("\"Que pensez-vous de « la charte » ?\" « Elle dit \"oui\" » \"Non\"",
                    "Que pensez-vous de « la charte » ?", "Elle dit \"oui\"", "Non");
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "anonyme; true; false",
            "anonymous; true; false",
            "plusieurs; false; true",
            "multiple; false; true",
            "anonyme plusieurs; true; true",
            "Multiple, Anonymous; true; true"})
        void flags(String words, boolean anonymous, boolean multiple) {
            PollDraft draft = ok("\"Q ?\" \"A\" \"B\" " + words);
            assertThat(draft.anonymous()).isEqualTo(anonymous);
            assertThat(draft.multiple()).isEqualTo(multiple);
            assertThat(draft.endsAt()).isNull();
        }

        @Test
        void settingsInAnyOrderAroundTheDeadline() {
            PollDraft draft = ok("\"Q ?\" \"A\" \"B\" anonyme fin vendredi 17h plusieurs");
            assertThat(draft).isEqualTo(new PollDraft("Q ?", List.of("A", "B"), true, true, at(2027, 1, 15, 17, 0)));
            assertThat(ok("\"Which?\" \"A\" \"B\" multiple ends friday 5pm anonymous")).isEqualTo(
                    new PollDraft("Which?", List.of("A", "B"), true, true, at(2027, 1, 15, 17, 0)));
        }

        @Test
        void aTeamsMessageCarriesTheSameTextWithAutocorrectedQuotes() {
            PollDraft slack = ok("\"Quel thème ?\" \"Recrutement\" \"Télétravail\" anonyme fin 2j");
            PollDraft teams = ok("“Quel thème ?” “Recrutement” “Télétravail” anonyme fin 2j");
            assertThat(teams).isEqualTo(slack);
        }

        @Test
        void wordsOutsideTheirPlaceAreRefused() {
            refused("\"Q ?\" \"A\" ou \"B\"", "poll.line.between", "ou");
            refused("\"Q ?\" \"A\" \"B\" anonymous please", "poll.line.unknownWord", "please");
            refused("\"Q ?\" \"A\" \"B", "poll.line.unclosed", "B");
            refused("Quel thème ? Recrutement Télétravail", "poll.line.noOptions");
            refused(" \u200b ", "poll.line.empty");
        }
    }

    @Nested
    class Bars {
        @Test
        void questionAndOptions() {
            assertThat(ok("Quel thème ? | Recrutement | Télétravail | Formation")).isEqualTo(new PollDraft(
                    "Quel thème ?", List.of("Recrutement", "Télétravail", "Formation"), false, false, null));
        }

        @Test
        void settingsInALastPartOrAfterTheLastOption() {
            PollDraft apart = ok("Quel thème ? | A | B | anonyme plusieurs fin 2j");
            PollDraft after = ok("Quel thème ? | A | B anonyme plusieurs fin 2j");
            assertThat(apart).isEqualTo(after).isEqualTo(new PollDraft("Quel thème ?", List.of("A", "B"), true, true,
                    NOW.plus(Duration.ofDays(2))));
        }

        @Test
        void optionsThatMerelyContainASettingWordStayOptions() {
            assertThat(ok("À quelle fréquence ? | Jamais | Parfois | Plusieurs fois par semaine").options())
                    .containsExactly("Jamais", "Parfois", "Plusieurs fois par semaine");
            assertThat(ok("Quelle partie ? | Début | Milieu | Fin").options())
                    .containsExactly("Début", "Milieu", "Fin");
            assertThat(ok("Quelle partie ? | Début | Fin de l'année").options()).containsExactly("Début",
                    "Fin de l'année");
        }

        @Test
        void aMistypedDeadlineAfterTheLastOptionIsRefusedNotTakenForText() {
            refused("Q ? | A | B fin vendredi 25h", "when.time.outOfRange", "25h");
        }

        @Test
        void aQuestionWithQuotesInsideStaysInTheBarForm() {
            assertThat(ok("Que pensez-vous du \"flex office\" ? | Pour | Contre").question())
                    .isEqualTo("Que pensez-vous du \"flex office\" ?");
        }

        @Test
        void emptyPartsAreRefused() {
            refused("Q ? | A || B", "poll.option.empty", 2);
            refused("Q ? | A | B |", "poll.option.empty", 3);
            refused(" | A | B", "poll.question.empty");
        }
    }

    @Nested
    class Deadlines {
        private Instant deadline(String words) {
            return ok("\"Q ?\" \"A\" \"B\" " + words).endsAt();
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "fin 2j; PT48H", "fin 2 jours; PT48H", "ends 2d; PT48H", "ends 1 day; PT24H", "fin dans 2j; PT48H",
            "fin 1 sem; PT168H", "ends 1 week; PT168H", "fin 3h; PT3H", "ends in 3h; PT3H", "fin 1h30; PT1H30M",
            "fin 30min; PT30M", "fin 45 min; PT45M", "fin 17h; PT17H"})
        void afterADelay(String words, Duration delay) {
            assertThat(deadline(words)).isEqualTo(NOW.plus(delay));
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "fin vendredi 17h; 2027-01-15T17:00",
            "fin vendredi à 17h; 2027-01-15T17:00",
            "ends friday 5pm; 2027-01-15T17:00",
            "ends friday at 5 pm; 2027-01-15T17:00",
            "ends friday 17:00; 2027-01-15T17:00",
            "fin ven. 17h30; 2027-01-15T17:30",
            "fin mercredi 17h; 2027-01-13T17:00",
            "fin mercredi 9h; 2027-01-20T09:00",
            "fin 2027-01-14 17h; 2027-01-14T17:00",
            "fin 14/01 17h; 2027-01-14T17:00",
            "fin le 14/01 à 17h; 2027-01-14T17:00",
            "fin jeudi 14 janvier 12h30; 2027-01-14T12:30",
            "ends January 14 noon; 2027-01-14T12:00",
            "fin demain 9h; 2027-01-14T09:00",
            "ends tomorrow 9am; 2027-01-14T09:00",
            "fin aujourd'hui 18h; 2027-01-13T18:00",
            "fin aujourd’hui 18h; 2027-01-13T18:00",
            "fin 17:00; 2027-01-13T17:00",
            "fin 9:00; 2027-01-14T09:00",
            "fin midi; 2027-01-13T12:00"})
        void atADayAndTimeInTheCommunitysZone(String words, String local) {
            assertThat(deadline(words)).isEqualTo(java.time.LocalDateTime.parse(local).atZone(PARIS).toInstant());
        }

        @Test
        void aDayNeedsItsTime() {
            Parsed.Refused refused = refused("\"Q ?\" \"A\" \"B\" fin vendredi", "poll.deadline.noTime", "vendredi");
            assertThat(french(refused)).isEqualTo(
                    "Il manque l'heure de clôture après « vendredi ». Écrivez-la, par exemple vendredi 17h.");
            refused("\"Q ?\" \"A\" \"B\" fin 14/01 anonyme", "poll.deadline.noTime", "14/01");
            refused("\"Q ?\" \"A\" \"B\" ends tomorrow", "poll.deadline.noTime", "tomorrow");
        }

        @Test
        void aDeadlineThatHasPassedIsRefused() {
            Parsed.Refused today = refused("\"Q ?\" \"A\" \"B\" fin aujourd'hui 9h", "poll.deadline.past",
                    13, 1, 2027, 9, 0);
            assertThat(french(today)).startsWith("La clôture du 13 janvier 2027 à 9 h est déjà passée.");
            assertThat(Messages.of(Locale.ENGLISH).get(today.key(), today.args().toArray()))
                    .startsWith("The deadline 13 January 2027 at 09:00 has already passed.");
            refused("\"Q ?\" \"A\" \"B\" fin 12/01/2027 17h", "when.date.past");
        }

        @Test
        void aDeadlineTooSoonOrTooFarIsRefused() {
            refused("\"Q ?\" \"A\" \"B\" fin 2min", "poll.deadline.tooSoon", 5L);
            refused("\"Q ?\" \"A\" \"B\" fin 0h", "poll.deadline.tooSoon", 5L);
            assertThat(deadline("fin 90j")).isEqualTo(at(2027, 4, 13, 10, 0));
            Parsed.Refused far = refused("\"Q ?\" \"A\" \"B\" fin 91j", "poll.deadline.tooFar", 91L, 90L);
            assertThat(french(far)).contains("91 jours", "au plus 90 jours");
            refused("\"Q ?\" \"A\" \"B\" fin 2029-01-14 17h", "when.date.tooFar");
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
            "fin bientôt; poll.deadline.unknown; bientôt",
            "fin dans vendredi; poll.deadline.unknown; vendredi",
            "fin 2j demain; poll.deadline.unexpected; demain",
            "fin; poll.deadline.missing;",
            "fin 2j fin 3j; poll.deadline.twice;",
            "fin vendredi 25h; when.time.outOfRange; 25h",
            "fin 1h75; when.duration.minutes; 1h75",
            "fin 31/02 17h; when.date.noSuchDay;"})
        void anUnreadableDeadlineIsRefused(String words, String key, String typed) {
            refused("\"Q ?\" \"A\" \"B\" " + words, key, typed == null ? new Object[0] : new Object[] {typed});
        }

        @Test
        void aTimeTheClocksSkipIsRefusedWithTheTimeToUse() {
            Instant saturday = at(2027, 3, 27, 10, 0);
            Parsed.Refused gap = refused(PollDraft.fromLine("\"Q ?\" \"A\" \"B\" fin 28/03 2h30", PARIS, saturday),
                    "when.dst.gap");
            assertThat(french(gap)).contains("2 h 30 n'existe pas ce jour-là", "Choisissez 3 h 30");
        }

        @Test
        void aTimeThatOccursTwiceIsRefusedWithTheHoursToUse() {
            Instant saturday = at(2027, 10, 30, 10, 0);
            Parsed.Refused overlap = refused(PollDraft.fromLine("\"Q ?\" \"A\" \"B\" fin dimanche 2h30", PARIS,
                    saturday), "poll.deadline.overlap");
            assertThat(french(overlap)).isEqualTo("Le 31 octobre 2027, il sera deux fois 2 h 30 (changement"
                    + " d'heure) : une clôture à cette heure-là serait ambiguë. Choisissez une heure avant 2 h ou à"
                    + " partir de 3 h.");
            assertThat(PollDraft.fromLine("\"Q ?\" \"A\" \"B\" fin dimanche 3h", PARIS, saturday))
                    .isEqualTo(new Parsed.Ok(new PollDraft("Q ?", List.of("A", "B"), false, false,
                            at(2027, 10, 31, 3, 0))));
            Instant sundayMorning = at(2027, 10, 31, 10, 0);
            assertThat(ok(PollDraft.fromLine("\"Q ?\" \"A\" \"B\" fin dimanche 2h30", PARIS, sundayMorning)).endsAt())
                    .as("today's 2:30 has passed: next Sunday's, which occurs once").isEqualTo(at(2027, 11, 7, 2, 30));
        }

        @Test
        void daysAreCalendarDaysAndHoursElapsedTimeAcrossTheSpringChange() {
            Instant saturdayNoon = at(2027, 3, 27, 12, 0);
            PollDraft oneDay = ok(PollDraft.fromLine("\"Q ?\" \"A\" \"B\" fin 1j", PARIS, saturdayNoon));
            PollDraft day = ok(PollDraft.fromLine("\"Q ?\" \"A\" \"B\" fin 24h", PARIS, saturdayNoon));
            assertThat(oneDay.endsAt()).isEqualTo(at(2027, 3, 28, 12, 0));
            assertThat(day.endsAt()).isEqualTo(at(2027, 3, 28, 13, 0));
        }

        @Test
        void theZoneIsTheCommunitys() {
            ZoneId montreal = ZoneId.of("America/Montreal");
            PollDraft draft = ok(PollDraft.fromLine("\"Q ?\" \"A\" \"B\" fin vendredi 17h", montreal, NOW));
            assertThat(draft.endsAt()).isEqualTo(ZonedDateTime.of(2027, 1, 15, 17, 0, 0, 0, montreal).toInstant());
        }
    }

    @Nested
    class Rules {
        private String options(int count, int length) {
            return IntStream.rangeClosed(1, count)
                    .mapToObj(i -> "\"" + i + "x".repeat(length - String.valueOf(i).length()) + "\"")
                    .collect(Collectors.joining(" "));
        }

        @Test
        void twoToTenOptions() {
            Parsed.Refused one = refused("\"Q ?\" \"Oui\"", "poll.options.tooFew", 1, 2);
            assertThat(french(one)).isEqualTo("Un sondage compte au moins 2 options ; vous en avez donné 1."
                    + " Ajoutez-en, par exemple \"Oui\" \"Non\" (dans le formulaire, une option par ligne).");
            assertThat(ok("\"Q ?\" " + options(10, 3)).options()).hasSize(10);
            refused("\"Q ?\" " + options(11, 3), "poll.options.tooMany", 11, 10);
        }

        @Test
        void noEmptyOption() {
            refused("\"Q ?\" \"A\" \"\" \"B\"", "poll.option.empty", 2);
            refused("\"Q ?\" \"A\" \" \u200b \" \"B\"", "poll.option.empty", 2);
        }

        @Test
        void noTwoOptionsAlikeWhateverTheirCaseAccentsOrBlanks() {
            refused("\"Q ?\" \"Été\" \"Hiver\" \"ete\"", "poll.options.duplicate", 1, 3, "ete");
            refused("\"Q ?\" \"Option A\" \"option  a\"", "poll.options.duplicate", 1, 2, "option a");
            refused("\"Q ?\" \"Oui\" \"O\u200bUI\"", "poll.options.duplicate", 1, 2, "OUI");
            assertThat(ok("\"Q ?\" \"Oui\" \"Oui !\"").options()).containsExactly("Oui", "Oui !");
        }

        @Test
        void aQuestionIsNeededAndAFiveThousandCharacterOneIsRefusedWithTheLimit() {
            refused("\"\" \"A\" \"B\"", "poll.question.empty");
            Parsed.Refused tooLong = refused("\"" + "q".repeat(5000) + "\" \"A\" \"B\"", "poll.question.tooLong",
                    5000, 300);
            assertThat(french(tooLong)).startsWith("La question fait 5\u202f000 caractères ; la limite est de 300.");
            assertThat(ok("\"" + "é".repeat(300) + "\" \"A\" \"B\"").question()).hasSize(300);
        }

        @Test
        void optionsUpToAHundredAndFiftyCharactersCountedAsAPersonCountsThem() {
            assertThat(ok("\"Q ?\" " + options(10, 150)).options()).allMatch(option -> option.length() == 150);
            refused("\"Q ?\" \"A\" " + options(1, 151), "poll.option.tooLong", 2, 151, 150);
            String emoji = "\uD83D\uDC4D".repeat(150);
            assertThat(ok("\"Q ?\" \"" + emoji + "\" \"B\"").options().get(0)).isEqualTo(emoji);
        }

        @Test
        void tenLongestOptionsAndTheLongestQuestionFitBothPlatformsEvenEscaped() throws Exception {
            String worst = "&<>".repeat(50);
            PollDraft draft = ok("\"" + worst.repeat(2) + "\" " + IntStream.rangeClosed(0, 9)
                    .mapToObj(i -> "\"" + i + worst.substring(1) + "\"").collect(Collectors.joining(" ")));
            List<Card.Item> items = new ArrayList<>(List.of(Card.Item.heading(draft.question())));
            for (int i = 0; i < draft.options().size(); i++) {
                items.add(new Card.Item(draft.options().get(i), "████████████████████ 100 % (9999)", List.of(),
                        List.of(Button.action(String.valueOf(i + 1), "poll.vote", Integer.toString(i))), false));
            }
            Card card = new Card(null, items, null);
            for (String blocks : new BlockKitRendererAccess().messages(card)) {
                ObjectNode message = JSON.createObjectNode().put("text", "x");
                message.set("blocks", JSON.readTree(blocks));
                assertThat(BlockKitLimits.violations(message)).isEmpty();
            }
            ObjectNode activity = JSON.createObjectNode();
            activity.putArray("attachments").addObject().put("contentType", "application/vnd.microsoft.card.adaptive")
                    .set("content", AdaptiveCardRendererAccess.render(card));
            assertThat(AdaptiveCardSchema.violations(activity)).isEmpty();
        }
    }

    @Nested
    class MemberTextInADraft {
        @Test
        void mentionsLinksHtmlAndSqlStayPlainTextThatTheRenderersEscape() throws Exception {
            String question = "<!channel> votez <https://evil.example|ici> <b>vite</b>";
            String sql = "'; DROP TABLE poll; --";
            PollDraft draft = ok("\"" + question + "\" \"<@U123>\" \"" + sql + "\" \"<script>alert(1)</script>\"");
            assertThat(draft.question()).isEqualTo(question);
            assertThat(draft.options()).containsExactly("<@U123>", sql, "<script>alert(1)</script>");

            List<Card.Item> items = new ArrayList<>(List.of(Card.Item.heading(draft.question())));
            draft.options().forEach(option -> items.add(Card.Item.of(option)));
            Card card = new Card(null, items, null);
            List<String> slack = new ArrayList<>();
            for (String blocks : new BlockKitRendererAccess().messages(card)) {
                slack.add(JSON.readTree(blocks).toString());
            }
            assertThat(String.join("", slack))
                    .contains("&lt;!channel&gt;", "&lt;https://evil.example|ici&gt;", "&lt;@U123&gt;")
                    .doesNotContain("<!channel>", "<https://evil", "<@U123>");
            ObjectNode teams = AdaptiveCardRendererAccess.render(card);
            assertThat(teams.findValues("type")).extracting(node -> node.asText()).doesNotContain("TextBlock");
            assertThat(teams.findValuesAsText("text")).contains(question, sql);
        }

        @Test
        void controlAndInvisibleCharactersAreDroppedBeforeTheRules() {
            assertParts("\"Q\u0000uestion\u202e ?\" \"A\u0007\" \"B\u200b\"", "Question ?", "A", "B");
        }
    }

    @Nested
    class Form {
        @Test
        void theFieldsMakeTheSameDraft() {
            Parsed parsed = PollDraft.fromFields("  Quel thème ?\n",
                    "- Recrutement\r\n\r\n• Télétravail\n* Formation\n", true, false, "vendredi 17h", PARIS, NOW);
            assertThat(ok(parsed)).isEqualTo(new PollDraft("Quel thème ?",
                    List.of("Recrutement", "Télétravail", "Formation"), true, false, at(2027, 1, 15, 17, 0)));
            assertThat(ok(PollDraft.fromFields("Q ?", "A\nB", false, true, "fin 2j", PARIS, NOW)).endsAt())
                    .isEqualTo(NOW.plus(Duration.ofDays(2)));
            assertThat(ok(PollDraft.fromFields("Q ?", "A\nB", false, false, " ", PARIS, NOW)).endsAt()).isNull();
            assertThat(ok(PollDraft.fromFields("Q ?", "A\nB", false, false, null, PARIS, NOW)).endsAt()).isNull();
        }

        @Test
        void aRefusalNamesItsField() {
            assertThat(refused(PollDraft.fromFields(" ", "A\nB", false, false, "", PARIS, NOW),
                    "poll.question.empty").field()).isEqualTo(PollDraft.QUESTION);
            assertThat(refused(PollDraft.fromFields("Q ?", "A\n\n", false, false, "", PARIS, NOW),
                    "poll.options.tooFew", 1, 2).field()).isEqualTo(PollDraft.OPTIONS);
            assertThat(refused(PollDraft.fromFields("Q ?", "A\nA", false, false, "", PARIS, NOW),
                    "poll.options.duplicate").field()).isEqualTo(PollDraft.OPTIONS);
            assertThat(refused(PollDraft.fromFields("Q ?", "A\nB", false, false, "vendredi", PARIS, NOW),
                    "poll.deadline.noTime").field()).isEqualTo(PollDraft.DEADLINE);
            assertThat(refused(PollDraft.fromFields("Q ?", "A\nB", false, false, "14/01/2020 9h", PARIS, NOW),
                    "when.date.past").field()).isEqualTo(PollDraft.DEADLINE);
        }

        @Test
        void aBarInAnOptionIsText() {
            assertThat(ok(PollDraft.fromFields("Q ?", "A | B\nC", false, false, "", PARIS, NOW)).options())
                    .containsExactly("A | B", "C");
        }
    }

    /** Generated lines and forms, hostile ones included (seeded, so a failure can be replayed). */
    @Nested
    class Generated {
        private static final String[] FRAGMENTS = {"\"", "\"", "«", "»", "“", "”", "„", "|", "|", " ", " ", " ", "\n",
            "\u0000", "\u202e", "\u200b", "\u00a0", "anonyme", "anonymous", "plusieurs", "multiple", "fin", "ends",
            "dans", "2j", "3h", "90min", "0h", "vendredi", "friday", "17h", "5pm", "25h", "14/01", "31/02",
            "2027-03-28", "2h30", "1h75", "9999min", "999j", "99h", "12:60", "demain", "à",
            "<!channel>", "<https://evil|ici>", "<b>", "'; DROP TABLE poll; --",
            "Oui", "oui", "OUI", "Été", "ete", "x".repeat(149), "q".repeat(301), "\uD83D\uDC4D", "?", "A", "B", "C"};

        private String line(Random random) {
            var line = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                line.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            return line.toString();
        }

        @Test
        void everyLineIsADraftThatKeepsTheRulesOrARefusalThatReads() {
            Random random = new Random(12);
            int drafts = 0;
            for (int i = 0; i < 5000; i++) {
                String line = line(random);
                Parsed parsed = PollDraft.fromLine(line, PARIS, NOW);
                if (parsed instanceof Parsed.Ok ok) {
                    assertKeepsTheRules(ok.draft(), line);
                    drafts++;
                } else {
                    Parsed.Refused refused = (Parsed.Refused) parsed;
                    refused(parsed, refused.key());
                    assertThat(refused.field()).as(line)
                            .isIn(PollDraft.QUESTION, PollDraft.OPTIONS, PollDraft.DEADLINE);
                }
            }
            assertThat(drafts).isGreaterThan(10);
        }

        @Test
        void everyFormIsADraftThatKeepsTheRulesOrARefusalNextToAField() {
            Random random = new Random(34);
            for (int i = 0; i < 3000; i++) {
                String question = line(random);
                String options = line(random) + "\n" + line(random) + "\n" + line(random);
                String deadline = random.nextBoolean() ? "" : line(random);
                Parsed parsed = PollDraft.fromFields(question, options, random.nextBoolean(), random.nextBoolean(),
                        deadline, PARIS, NOW);
                if (parsed instanceof Parsed.Ok ok) {
                    assertKeepsTheRules(ok.draft(), question + " / " + options + " / " + deadline);
                } else {
                    refused(parsed, ((Parsed.Refused) parsed).key());
                }
            }
        }

        private void assertKeepsTheRules(PollDraft draft, String typed) {
            List<String> texts = new ArrayList<>(draft.options());
            texts.add(draft.question());
            for (String text : texts) {
                assertThat(text).as(typed).isNotBlank().isEqualTo(text.strip())
                        .doesNotContain("\u0000", "\u202e", "\u200b", "\n", "  ");
            }
            assertThat(draft.question().codePointCount(0, draft.question().length())).as(typed)
                    .isLessThanOrEqualTo(300);
            assertThat(draft.options()).as(typed).hasSizeBetween(2, 10)
                    .allMatch(option -> option.codePointCount(0, option.length()) <= 150);
            assertThat(draft.options().stream().map(option -> java.text.Normalizer.normalize(option,
                    java.text.Normalizer.Form.NFKD).replaceAll("[\\p{M}\\s]", "").toLowerCase(Locale.ROOT)))
                    .as(typed).doesNotHaveDuplicates();
            if (draft.endsAt() != null) {
                assertThat(draft.endsAt()).as(typed).isBetween(NOW.plus(Duration.ofMinutes(5)),
                        NOW.plus(Duration.ofDays(91)));
            }
        }
    }
}
