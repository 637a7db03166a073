package io.collectivepulse.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.BlockKitLimits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Launching polls over signed HTTP: {@code /sondage} with its line (quoted or with bars), {@code sondage …} as a
 * Teams message, {@code /sondage} alone opening the form whose submission launches the poll or shows its refusal next
 * to the field; members and bad lines are refused precisely, with nothing stored.
 */
class PollLaunchTest {
    private static final String SECRET = "poll-launch-secret-0123456789";
    private static final String TOKEN = "xoxb-poll-launch";
    private static final String TEAMS = "19:lancement@thread.tacv2";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().mutableClock().build();
    private static SlackClient anne;
    private static PollCardsOnScreen cards;

    @BeforeAll
    static void community() {
        pulse.clock().set(ZonedDateTime.of(2026, 12, 2, 9, 0, 0, 0, PARIS).toInstant());
        anne = pulse.member("C0LANCEMENT", "U0ANNE");
        anne.command("/pulse", "lier Lancement RH");
        pulse.linkTeams(anne, TEAMS);
        cards = new PollCardsOnScreen(pulse);
    }

    private static String poll(SlackClient member, String line) {
        return SlackClient.text(member.command("/sondage", line));
    }

    private static long rows() {
        return pulse.count("SELECT (SELECT count(*) FROM poll) + (SELECT count(*) FROM poll_option)"
                + " + (SELECT count(*) FROM outbox WHERE kind LIKE 'poll%')");
    }

    @Test
    void aFacilitatorLaunchesFromOneLineAndTheCardGoesToBothPlatforms() {
        assertThat(poll(anne, "\"Quel thème pour la prochaine séance ?\" \"Recrutement\" \"Télétravail\" anonyme "
                + "fin vendredi 17h")).contains("est lancé", "les 2 canaux");
        long id = pulse.count("SELECT max(id) FROM poll");
        int number = (int) pulse.count("SELECT number FROM poll WHERE id = ?", id);
        String title = "Sondage n° " + number;
        cards.awaitSlack("C0LANCEMENT", title, "Quel thème pour la prochaine séance ?", "Recrutement",
                "anonyme · jusqu'au vendredi 4 décembre à 17 h", "[Clôturer]");
        assertThat(cards.awaitTeams(TEAMS, title, "Télétravail", "anonyme", "[Voter]"))
                .doesNotContain("[Voir les votes]");
        assertThat(pulse.count("SELECT count(*) FROM poll WHERE id = ? AND anonymous AND secret IS NOT NULL", id))
                .isEqualTo(1);

        assertThat(poll(anne, "Présentiel ou distanciel ? | Présentiel | Distanciel | plusieurs")).contains("est lancé");
        assertThat(poll(anne, "liste")).contains("Quel thème pour la prochaine séance ?", "Présentiel ou distanciel ?",
                "plusieurs réponses possibles");

        ObjectNode message = pulse.teamsMessage(TEAMS, "sondage \"Un café ensemble ?\" \"Oui\" \"Non\"");
        assertThat(pulse.teams().post(message).statusCode()).isEqualTo(200);
        cards.awaitSlack("C0LANCEMENT", "Sondage n° " + (number + 2), "Un café ensemble ?");
    }

    @Test
    void membersAndBadLinesAreRefusedPreciselyAndNothingIsStored() {
        long before = rows();
        var bob = pulse.member("C0LANCEMENT", "U0BOB");
        assertThat(poll(bob, "\"Et si ?\" \"Oui\" \"Non\"")).contains("Seule l'équipe d'animation",
                "Rien n'a été créé");
        assertThat(poll(bob, "")).contains("Seule l'équipe d'animation");
        assertThat(poll(anne, "\"" + "x".repeat(5_000) + "\" \"Oui\" \"Non\"")).contains("000 caractères", "300");
        assertThat(poll(anne, "\"Une seule ?\" \"Oui\"")).contains("au moins 2 options");
        String eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "\"Option " + i + "\"")
                .collect(Collectors.joining(" "));
        assertThat(poll(anne, "\"Onze ?\" " + eleven)).contains("au plus 10 options");
        assertThat(poll(anne, "\"Vide ?\" \"Oui\" \"\" \"Non\"")).contains("L'option 2 est vide");
        assertThat(poll(anne, "\"Doublon ?\" \"Oui\" \"OUI \"")).contains("sont les mêmes");
        assertThat(poll(anne, "\"Ce matin ?\" \"Oui\" \"Non\" fin aujourd'hui 8h")).contains("est déjà passée");
        assertThat(poll(anne, "\"Hier ?\" \"Oui\" \"Non\" fin 01/12/2026 12h")).contains("passé");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void theFormOpensAloneShowsItsRefusalsNextToTheFieldsAndLaunches() throws Exception {
        assertThat(poll(anne, "")).isEmpty();
        List<JsonNode> views = pulse.slackApi().openedViews();
        JsonNode view = views.get(views.size() - 1);
        assertThat(view.path("callback_id").asText()).isEqualTo(PollForm.CREATE);
        assertThat(view.path("blocks").findValuesAsText("block_id"))
                .containsExactly("question", "options", "anonymous", "multiple", "deadline");
        assertThat(BlockKitLimits.modalViolations(view)).isEmpty();
        long before = rows();

        JsonNode refused = JSON.readTree(anne.submit(view, Map.of("question", "Quel créneau ?",
                "options", "Mardi\n- mardi ")).body());
        assertThat(refused.path("response_action").asText()).isEqualTo("errors");
        assertThat(refused.path("errors").path("options").asText()).contains("sont les mêmes");
        assertThat(rows()).isEqualTo(before);

        assertThat(anne.submit(view, Map.of("question", "Quel créneau pour l'atelier ?",
                "options", "Mardi matin\n• Jeudi après-midi\n\nVendredi", "multiple", "oui",
                "deadline", "fin 2j")).statusCode()).isEqualTo(200);
        cards.awaitSlack("C0LANCEMENT", "Sondage n°", "Quel créneau pour l'atelier ?", "Jeudi après-midi",
                "plusieurs réponses possibles · jusqu'au vendredi 4 décembre à 9 h");
        FakeBotConnector.Sent teams = pulse.connector().await(s -> s.conversationId().startsWith(TEAMS)
                && s.cardText().contains("Quel créneau pour l'atelier ?"), PollCardsOnScreen.WAIT);
        assertThat(teams.cardText()).contains("Vendredi").doesNotContain("anonyme");
    }
}
