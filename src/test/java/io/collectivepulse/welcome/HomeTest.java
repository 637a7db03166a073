package io.collectivepulse.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The member's home through the real endpoints: Slack's {@code app_home_opened} (the docs' payload, moved to our
 * workspace) published with {@code views.publish}, and {@code accueil} typed in a Teams personal chat.
 */
class HomeTest {
    private static final String SECRET = "home-secret-0123456789abcdef";
    private static final String TOKEN = "xoxb-home";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().build();

    @Test
    void theSlackHomeTabShowsTheMembersCommunitiesSessionSignalsAndPolls() throws Exception {
        SlackClient faci = pulse.member("C0HOME", "U0HOMEFACI");
        assertThat(SlackClient.text(faci.command("/pulse", "lier Secrétaires de mairie"))).contains("Secrétaires");
        faci.command("/signal", "Les recrutements se font par les réseaux #rh");
        assertThat(SlackClient.text(faci.command("/seance", "planifier 2027-03-04 14h Attractivité des métiers")))
                .contains("planifiée");
        faci.command("/sondage", "\"Quel thème pour mars ?\" \"Formation\" \"Mobilité\"");

        assertThat(homeOpened("U0HOMEFACI")).isEqualTo(200);
        FakeSlackApi.Call published = pulse.slackApi().await(c -> c.method().equals("views.publish")
                && "U0HOMEFACI".equals(c.params().get("user_id")), WAIT);
        JsonNode view = JSON.readTree(published.params().get("view"));
        assertThat(view.path("type").asText()).isEqualTo("home");
        assertThat(SlackClient.text(view)).contains("Votre accueil Collective Pulse",
                "Secrétaires de mairie (vous en assurez l'animation)",
                "Attractivité des métiers", "pas encore de réponse", "Les recrutements se font par les réseaux",
                "Quel thème pour mars ?", "fuseau horaire Europe/Paris", "langue : français",
                "nouveaux membres : oui", "/pulse synthèse", "jeudi 4 mars 2027 à 14 h");

        // Someone in no community gets the way in, not an empty tab.
        assertThat(homeOpened("U0STRANGER")).isEqualTo(200);
        FakeSlackApi.Call empty = pulse.slackApi().await(c -> c.method().equals("views.publish")
                && "U0STRANGER".equals(c.params().get("user_id")), WAIT);
        assertThat(SlackClient.text(JSON.readTree(empty.params().get("view"))))
                .contains("aucune communauté", "/pulse lier &lt;nom&gt;").doesNotContain("Secrétaires");

        // The same home as a command, privately.
        assertThat(SlackClient.text(faci.command("/pulse", "accueil"))).contains("Secrétaires de mairie");
    }

    @Test
    void accueilInATeamsPersonalChatAnswersWithTheHomeCardNotNotLinked() throws Exception {
        ObjectNode message = pulse.teams().personalMessage("accueil");
        assertThat(pulse.teams().post(message).statusCode()).isEqualTo(200);
        String conversation = message.path("conversation").path("id").asText();
        FakeBotConnector.Sent home = pulse.connector().await(s -> s.conversationId().equals(conversation), WAIT);
        assertThat(home.cardText()).contains("Votre accueil Collective Pulse", "aucune communauté",
                "pulse lier ").doesNotContain("/pulse");
    }

    private static int homeOpened(String user) {
        return pulse.member("C0HOME", user).openHome().statusCode();
    }
}
