package io.collectivepulse.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Writing and editing a signal in a form: a Slack modal, a Teams card with inputs. */
class SignalFormsTest {
    private static final String SECRET = "forms-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-forms-token";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().build();

    private static JsonNode lastView() {
        var views = pulse.slackApi().openedViews();
        assertThat(views).isNotEmpty();
        return views.get(views.size() - 1);
    }

    private static JsonNode ack(java.net.http.HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    @Test
    void slashSignalAloneOpensAModalWhoseSubmissionIsCheckedThenPosted() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0FORM", "U0ANNE", "anne");
        anne.command("/pulse", "lier Formulaires");
        int before = pulse.service().count("signal");
        assertThat(SlackClient.text(anne.command("/signal", ""))).isEmpty();
        JsonNode view = lastView();
        assertThat(view.path("callback_id").asText()).isEqualTo(SignalActions.CREATE);
        assertThat(view.path("title").path("text").asText()).isEqualTo("Nouveau signal");
        assertThat(view.path("blocks").findValuesAsText("block_id")).containsExactly("text", "themes", "link");

        JsonNode empty = ack(anne.submit(view, Map.of("text", "   ")));
        assertThat(empty.path("response_action").asText()).isEqualTo("errors");
        assertThat(empty.path("errors").path("text").asText()).contains("quelques mots");
        JsonNode badLink = ack(anne.submit(view, Map.of("text", "Un signal", "link", "javascript:alert(1)")));
        assertThat(badLink.path("errors").path("link").asText()).contains("https://");
        JsonNode tooMany = ack(anne.submit(view, Map.of("text", "Un signal", "themes", "a b c d e f g h i j k")));
        assertThat(tooMany.path("errors").path("themes").asText()).contains("10");
        assertThat(pulse.service().count("signal")).isEqualTo(before);

        JsonNode ok = ack(anne.submit(view, Map.of("text", "Les jurys passent en visio <!channel>",
                "themes", "rh, #Paie", "link", "https://www.fonction-publique.gouv.fr/jurys")));
        assertThat(ok.path("response_action").isMissingNode()).isTrue();
        FakeSlackApi.Call card = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains("Les jurys passent en visio"), WAIT);
        assertThat(SlackClient.text(card.message())).contains("&lt;!channel&gt;", "#rh", "#paie",
                "<https://www.fonction-publique.gouv.fr/jurys|fonction-publique.gouv.fr/jurys>", "{Modifier}");
        assertThat(pulse.service().count("signal")).isEqualTo(before + 1);
    }

    @Test
    void whereSlackCannotOpenTheModalTheMemberIsToldPrivatelyHowToPostInOneLine() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0NOFORM", "U0ANNE", "anne");
        anne.command("/pulse", "lier Sans formulaire");
        int before = pulse.service().count("signal");
        pulse.slackApi().refuseNextView("expired_trigger_id");

        assertThat(SlackClient.text(anne.command("/signal", ""))).isEmpty();

        FakeSlackApi.Call told = pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral")
                && "C0NOFORM".equals(c.params().get("channel")), WAIT);
        assertThat(told.params().get("user")).isEqualTo("U0ANNE");
        assertThat(SlackClient.text(told.message())).contains("/signal");
        assertThat(pulse.service().count("signal")).isEqualTo(before);
    }

    @Test
    void theAuthorEditsASignalInAModalAndTheCardChangesInPlace() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0EDIT", "U0ANNE", "anne");
        anne.command("/pulse", "lier Édition");
        var bob = anne.as(FakeSlackApi.TEAM_ID, "C0EDIT", "U0BOB", "bob");
        bob.command("/signal", "Premier jet #brouillon");
        FakeSlackApi.Call card = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains("Premier jet"), WAIT);
        String id = card.message().path("blocks").findValues("value").get(0).asText();
        String ts = io.collectivepulse.support.Awaits.messageId(pulse.service(), Long.parseLong(id));

        var carl = anne.as(FakeSlackApi.TEAM_ID, "C0EDIT", "U0CARL", "carl");
        carl.press(SignalActions.EDIT, id, ts);
        pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral") && "U0CARL".equals(c.params().get("user"))
                && SlackClient.text(c.message()).contains("modifier"), WAIT);

        int views = pulse.slackApi().openedViews().size();
        bob.press(SignalActions.EDIT, id, ts);
        pulse.slackApi().await(c -> c.method().equals("views.open") && pulse.slackApi().openedViews().size() > views,
                WAIT);
        JsonNode view = lastView();
        assertThat(view.path("callback_id").asText()).isEqualTo(SignalActions.SAVE);
        assertThat(view.path("blocks").get(0).path("element").path("initial_value").asText()).isEqualTo("Premier jet");
        assertThat(view.path("blocks").get(1).path("element").path("initial_value").asText()).isEqualTo("brouillon");

        assertThat(ack(bob.submit(view, Map.of("text", "Version revue", "themes", "final"))).path("response_action")
                .isMissingNode()).isTrue();
        pulse.slackApi().await(c -> c.method().equals("chat.update") && ts.equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("Version revue")
                && SlackClient.text(c.message()).contains("#final"), WAIT);
    }

    @Test
    void teamsSignalAloneAnswersWithAFormCardWhoseSubmissionPostsTheSignal() throws Exception {
        ObjectNode link = pulse.teams().personalMessage("lier Formulaires Teams");
        ((ObjectNode) link.path("conversation")).put("id", "a:forms");
        pulse.teams().post(link);
        pulse.connector().await(s -> s.cardText().contains("Formulaires Teams"), WAIT);

        ObjectNode alone = pulse.teams().personalMessage("signal");
        ((ObjectNode) alone.path("conversation")).put("id", "a:forms");
        pulse.teams().post(alone);
        FakeBotConnector.Sent form = pulse.connector().await(s -> s.activity().toString().contains("Input.Text"), WAIT);
        assertThat(form.activity().findValuesAsText("id")).contains("text", "themes", "link");

        ObjectNode submit = pulse.teams().personalMessage("");
        submit.remove("text");
        ((ObjectNode) submit.path("conversation")).put("id", "a:forms");
        submit.putObject("value").put("action", SignalActions.CREATE).put("value", "")
                .put("text", "Soumis depuis Teams **gras**").put("themes", "teams").put("link", "");
        assertThat(pulse.teams().post(submit).statusCode()).isEqualTo(200);
        assertThat(pulse.connector().await(s -> s.cardText().contains("Soumis depuis Teams"), WAIT).cardText())
                .contains("Soumis depuis Teams **gras**", "#teams");
    }
}
