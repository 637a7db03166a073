package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.ServiceProcess;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.SlackSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The service's output as deployed (its own JVM, {@code src/main/resources/logback.xml}): one JSON object per line,
 * the lines of a request naming its id, those of the outbox the platform and workspace, and never a password, a
 * token, a secret or what a member typed — with a {@code DATABASE_URL} that carries a password, valid or not.
 */
class LogsTest {
    private static final String SECRET = "logs-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-logs-token-0123456789";
    private static final String PASSWORD = "s3cretPassw0rd";
    private static final String MEMBER_TEXT = "Confidentiel : la direction prépare un plan social";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void everyLineIsOneJsonObjectAndTheLinesOfARequestNameItsId() {
        List<String> output;
        try (FakeSlackApi slackApi = new FakeSlackApi(TOKEN);
             ServiceProcess service = ServiceProcess.start(ServiceProcess.slackEnv(withPassword(), slackApi, SECRET,
                     TOKEN), ServiceProcess.deployedLogging())) {
            new SlackClient(service, SECRET).command("/pulse", "lier Journal");
            // Slack's first answer to the card is a 429: the outbox logs it, from one of its own threads.
            slackApi.throttleNext("chat.postMessage", 1);
            // The same signed command twice: the second is a replay, logged while its request is served.
            String body = new SlackClient(service, SECRET).commandBody("/signal", MEMBER_TEXT);
            long now = Instant.now().getEpochSecond();
            Map<String, String> headers = Map.of("X-Slack-Request-Timestamp", Long.toString(now),
                    "X-Slack-Signature", new SlackSigner(SECRET).sign(now, body), "X-Request-Id", "req-logs-42");
            for (int i = 0; i < 2; i++) {
                assertThat(Http.post(service.url("/slack/events"), "application/x-www-form-urlencoded", body, headers)
                        .statusCode()).isEqualTo(200);
            }
            Awaits.until(() -> service.logLine("handled before"), WAIT, () -> "no replay logged: " + service.log());
            slackApi.await(call -> SlackClient.text(call.message()).contains("plan social"), WAIT);
            service.close();
            output = service.log();
        }

        List<JsonNode> lines = output.stream().map(LogsTest::json).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.path("@timestamp").asText()).isNotEmpty())
                .allSatisfy(line -> assertThat(line.path("level").asText()).isNotEmpty());
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asText()).contains("handled before");
            assertThat(line.path("requestId").asText()).isEqualTo("req-logs-42");
            assertThat(line.path("platform").asText()).isEqualTo("slack");
        });
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("message").asText()).contains("to try again", "429");
            assertThat(line.path("platform").asText()).isEqualTo("slack");
            assertThat(line.path("workspace").asText()).isEqualTo(FakeSlackApi.TEAM_ID);
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText()).contains("stopped after"));
        assertThat(String.join("\n", output)).doesNotContain(PASSWORD, TOKEN, SECRET, "plan social");
    }

    @Test
    void logFormatTextGivesLinesForPeopleThatStartWithTheDate() {
        Pattern dated = Pattern.compile(
                "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO ");
        try (ServiceProcess service = ServiceProcess.start(Map.of("DATABASE_URL", withPassword(),
                "LOG_FORMAT", "text"), ServiceProcess.deployedLogging())) {
            String listening = service.logLine("listening on port").orElseThrow();
            assertThat(listening).containsPattern(dated).doesNotStartWith("{");
            assertThat(String.join("\n", service.log())).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aDatabaseUrlThatCannotBeUsedNeverShowsItsPassword() {
        ServiceProcess.Exited invalid = ServiceProcess.runUntilExit(Map.of("DATABASE_URL",
                "postgresql://pulse:" + PASSWORD + "@"), ServiceProcess.deployedLogging(), WAIT);
        assertThat(invalid.status()).isEqualTo(2);
        assertThat(invalid.output()).hasSize(1).allSatisfy(line -> assertThat(line)
                .contains("DATABASE_URL", "pulse:***@").doesNotContain(PASSWORD));

        ServiceProcess.Exited unreachable = ServiceProcess.runUntilExit(Map.of("DATABASE_URL",
                "postgresql://pulse:" + PASSWORD + "@127.0.0.1:1/pulse"), ServiceProcess.deployedLogging(),
                Duration.ofSeconds(60));
        assertThat(unreachable.status()).isEqualTo(1);
        assertThat(unreachable.output()).anySatisfy(line -> assertThat(json(line).path("message").asText())
                .startsWith("Collective Pulse could not start"));
        assertThat(String.join("\n", unreachable.output())).doesNotContain(PASSWORD);
    }

    /** A database of the test PostgreSQL, as a URL carrying a user and password (PostgreSQL trusts it anyway). */
    private static String withPassword() {
        String jdbc = TestDatabase.newDatabase();
        return jdbc.replaceFirst("^jdbc:postgresql://", "postgresql://postgres:" + PASSWORD + "@")
                .replaceFirst("\\?user=postgres$", "");
    }

    private static JsonNode json(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON line: " + line, e);
        }
    }
}
