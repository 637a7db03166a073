package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.TeamsClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With its PostgreSQL gone, the service answers every member at once and politely, in the way each platform shows
 * it: a command's ephemeral answer, an error under a form's field, a message through a click's response_url, a
 * Teams reply in the thread, a Teams invoke's message. Nothing is kept, nothing fails with a 5xx.
 */
class DatabaseDownAnswersTest {
    private static final String SECRET = "down-secret-0123456789";
    private static final String CHANNEL = "C0DOWN";
    private static final String CONVERSATION = "19:down@thread.tacv2";
    private static final String TRY_AGAIN = "Réessayez dans un instant";
    private static final Duration PROMPT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EmbeddedPostgres POSTGRES = startPostgres();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, "xoxb-down").teams()
            .env("DATABASE_URL", POSTGRES.getJdbcUrl("postgres", "postgres")).build();

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        POSTGRES.close();
    }

    @Test
    void everyMemberIsAskedToTryAgainInAMomentTheWayTheirPlatformShowsIt() throws Exception {
        SlackClient slack = pulse.member(CHANNEL, "U0ANNE");
        slack.command("/pulse", "lier Sans base");
        assertThat(pulse.teams().post(pulse.teamsMessage(CONVERSATION, "lier Sans base Teams")).statusCode())
                .isEqualTo(200);
        pulse.connector().next(Duration.ofSeconds(10));
        SlackClient english = pulse.member("C0DOWNEN", "U0BOB");
        english.command("/pulse", "lier Without a database");
        english.command("/pulse", "langue en");
        english.command("/signal", "liste");

        POSTGRES.close();
        Awaits.until(() -> Optional.of(Http.get(pulse.service().url("/health/ready")).statusCode())
                .filter(status -> status == 503), Duration.ofSeconds(2), () -> "still ready");

        HttpResponse<String> command = prompt(() -> slack.send("/signal", "Un signal pendant la panne"));
        assertThat(SlackClient.text(JSON.readTree(command.body())) + command.body()).contains(TRY_AGAIN);
        // In the community's language, as last read, although the database that holds it does not answer.
        HttpResponse<String> inEnglish = prompt(() -> english.send("/signal", "A signal during the outage"));
        assertThat(inEnglish.body()).contains("try again in a moment").doesNotContain(TRY_AGAIN);

        ObjectNode click = template("block_actions.bolt-python.json");
        ((ObjectNode) click.path("team")).put("id", FakeSlackApi.TEAM_ID);
        ((ObjectNode) click.path("channel")).put("id", CHANNEL);
        click.putObject("user").put("id", "U0ANNE").put("name", "anne").put("team_id", FakeSlackApi.TEAM_ID);
        click.put("response_url", pulse.slackApi().url() + "respond.click");
        ((ObjectNode) click.path("actions").get(0)).put("action_id", "signal.vote").put("value", "1");
        prompt(() -> slack.pressPayload(click));
        FakeSlackApi.Call told = Awaits.until(() -> pulse.slackApi().calls("respond.click").stream().findFirst(),
                Duration.ofSeconds(5), () -> "nothing through the response_url");
        assertThat(JSON.readTree(told.body()).path("text").asText()).contains(TRY_AGAIN);
        assertThat(JSON.readTree(told.body()).path("response_type").asText()).isEqualTo("ephemeral");

        ObjectNode vote = click.deepCopy();
        vote.put("response_url", pulse.slackApi().url() + "respond.vote");
        ((ObjectNode) vote.path("actions").get(0)).put("action_id", "poll.vote.0").put("value", "1");
        prompt(() -> slack.pressPayload(vote));
        FakeSlackApi.Call voted = Awaits.until(() -> pulse.slackApi().calls("respond.vote").stream().findFirst(),
                Duration.ofSeconds(5), () -> "nothing through the vote's response_url");
        assertThat(JSON.readTree(voted.body()).path("text").asText()).contains(TRY_AGAIN);

        JsonNode view = JSON.readTree("""
                {"callback_id":"signal.create","private_metadata":"C0DOWN","blocks":[{"type":"input",
                 "block_id":"text","label":{"type":"plain_text","text":"Signal"},
                 "element":{"type":"plain_text_input","action_id":"field"}}]}""");
        HttpResponse<String> submitted = prompt(() -> slack.submit(view, Map.of("text", "Un signal")));
        JsonNode errors = JSON.readTree(submitted.body());
        assertThat(errors.path("response_action").asText()).isEqualTo("errors");
        assertThat(errors.path("errors").path("text").asText()).contains(TRY_AGAIN);

        prompt(() -> pulse.teams().post(pulse.teamsMessage(CONVERSATION, "signal Un signal pendant la panne")));
        assertThat(pulse.connector().next(Duration.ofSeconds(5)).cardText()).contains(TRY_AGAIN);

        HttpResponse<String> invoke = prompt(() -> pulse.teams().post(TeamsClient.execute(
                pulse.teamsMessage(CONVERSATION, ""), "poll.vote.0", "1")));
        assertThat(JSON.readTree(invoke.body()).path("value").asText()).contains(TRY_AGAIN);
    }

    /** The answer, which must be a 200 within 3 s. */
    private static HttpResponse<String> prompt(Supplier<HttpResponse<String>> request) {
        long started = System.nanoTime();
        HttpResponse<String> response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered in time").isLessThan(PROMPT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static ObjectNode template(String name) throws IOException {
        try (InputStream in = DatabaseDownAnswersTest.class.getResourceAsStream("/conformance/slack/payloads/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
