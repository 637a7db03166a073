package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackSigner;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The validly signed but malformed Slack requests an attacker sent to the service before it checked their shape
 * (issue 13): each gets HTTP 200 and nothing done, as Slack expects of an acknowledgement.
 */
class SlackMalformedRequestsTest {
    private static final String SECRET = "test-signing-secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, "xoxb-test-token").build();

    private static HttpResponse<String> signed(String body) {
        long now = java.time.Instant.now().getEpochSecond();
        return pulse.slack().sendSigned(body, now, new SlackSigner(SECRET).sign(now, body));
    }

    private static Map<String, String> command() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("team_id", "T0PULSE");
        form.put("channel_id", "C0MALFORMED");
        form.put("user_id", "U0MARIE");
        form.put("user_name", "marie");
        form.put("command", "/signal");
        form.put("text", "un signal");
        form.put("response_url", "https://hooks.slack.com/commands/T0PULSE/1/x");
        form.put("trigger_id", "1.2.3");
        return form;
    }

    private static ObjectNode press() throws Exception {
        try (var in = getClass("/conformance/slack/payloads/block_actions.bolt-python.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static java.io.InputStream getClass(String path) {
        return SlackMalformedRequestsTest.class.getResourceAsStream(path);
    }

    private static void acknowledgedWithNothingDone(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("Exception", "at io.", "at com.");
        assertThat(pulse.count("select count(*) from signal")).isZero();
        assertThat(pulse.count("select count(*) from community")).isZero();
        assertThat(pulse.count("select count(*) from outbox")).isZero();
    }

    @Test
    void aSlashCommandWithoutItsChannel() {
        var form = command();
        form.remove("channel_id");
        acknowledgedWithNothingDone(signed(Http.form(form)));
    }

    @Test
    void aSlashCommandWithAnEmptyWorkspace() {
        var form = command();
        form.put("team_id", "");
        acknowledgedWithNothingDone(signed(Http.form(form)));
    }

    @Test
    void aSlashCommandWithoutItsCommand() {
        var form = command();
        form.remove("command");
        acknowledgedWithNothingDone(signed(Http.form(form)));
    }

    @Test
    void aPayloadThatIsAnArray() {
        acknowledgedWithNothingDone(signed(Http.form(Map.of("payload", "[]"))));
    }

    @Test
    void aPayloadThatIsNotJson() {
        acknowledgedWithNothingDone(signed(Http.form(Map.of("payload", "{\"type\":"))));
    }

    @Test
    void aClickWhoseWorkspaceIsAString() throws Exception {
        ObjectNode payload = press();
        payload.put("team", "T0PULSE");
        acknowledgedWithNothingDone(signed(Http.form(Map.of("payload", JSON.writeValueAsString(payload)))));
    }

    @Test
    void aClickWithoutActions() throws Exception {
        ObjectNode payload = press();
        payload.remove("actions");
        acknowledgedWithNothingDone(signed(Http.form(Map.of("payload", JSON.writeValueAsString(payload)))));
    }

    @Test
    void anOverflowChoiceWithoutItsOption() throws Exception {
        ObjectNode payload = press();
        ObjectNode action = (ObjectNode) payload.path("actions").get(0);
        action.remove(List.of("text", "value"));
        action.put("type", "overflow").put("action_id", "more");
        acknowledgedWithNothingDone(signed(Http.form(Map.of("payload", JSON.writeValueAsString(payload)))));
        action.putObject("selected_option").putNull("value");
        acknowledgedWithNothingDone(signed(Http.form(Map.of("payload", JSON.writeValueAsString(payload)))));
    }

    @Test
    void aFormSubmittedWithoutItsMetadata() throws Exception {
        try (var in = getClass("/conformance/slack/payloads/view_submission.bolt-python.json")) {
            ObjectNode payload = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) payload.path("view")).remove("private_metadata");
            acknowledgedWithNothingDone(signed(Http.form(Map.of("payload", JSON.writeValueAsString(payload)))));
        }
    }

    @Test
    void anEventWithoutItsEvent() {
        acknowledgedWithNothingDone(signed("{\"type\":\"event_callback\",\"team_id\":\"T0PULSE\"}"));
    }

    @Test
    void anEventThatIsNotJson() {
        acknowledgedWithNothingDone(signed("{\"type\":\"event_callback\","));
    }

    @Test
    void aMemberJoinedChannelWithoutItsChannel() {
        acknowledgedWithNothingDone(signed("{\"type\":\"event_callback\",\"team_id\":\"T0PULSE\",\"event_id\":\"Ev1\","
                + "\"event\":{\"type\":\"member_joined_channel\",\"user\":\"U0BOT0001\"}}"));
        assertThat(pulse.count("select count(*) from welcomed_channel")).isZero();
    }

    @Test
    void aMemberJoinedChannelWhoseUserIsNotAnId() {
        acknowledgedWithNothingDone(signed("{\"type\":\"event_callback\",\"team_id\":\"T0PULSE\",\"event_id\":\"Ev2\","
                + "\"event\":{\"type\":\"member_joined_channel\",\"user\":{\"id\":\"U0X\"},\"channel\":\"C0X\"}}"));
        assertThat(pulse.count("select count(*) from welcomed_channel")).isZero();
    }

    @Test
    void anAppHomeOpenedWithoutItsUser() {
        acknowledgedWithNothingDone(signed("{\"type\":\"event_callback\",\"team_id\":\"T0PULSE\",\"event_id\":\"Ev3\","
                + "\"event\":{\"type\":\"app_home_opened\",\"tab\":\"home\"}}"));
    }
}
