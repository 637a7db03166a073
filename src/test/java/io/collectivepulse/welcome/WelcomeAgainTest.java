package io.collectivepulse.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackSigner;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bot removed and added back: no second hello within a day, one after it (the service's clock moved on). */
class WelcomeAgainTest {
    private static final String SECRET = "welcome-again-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, "xoxb-again").mutableClock().build();

    @Test
    void theBotAddedBackWithinADayIsQuietAndAfterADaySaysHelloAgain() throws Exception {
        assertThat(botJoined("C0AGAIN")).isEqualTo(200);
        pulse.clock().advance(Duration.ofHours(23));
        assertThat(botJoined("C0AGAIN")).isEqualTo(200);
        assertThat(welcomes()).isEqualTo(1);

        pulse.clock().advance(Duration.ofHours(2));
        assertThat(botJoined("C0AGAIN")).isEqualTo(200);
        assertThat(welcomes()).isEqualTo(2);
    }

    private static long welcomes() {
        return pulse.count("SELECT count(*) FROM outbox WHERE idem_key LIKE 'welcome:slack:%:C0AGAIN:%'");
    }

    /** The docs' member_joined_channel for the bot user, signed at the service's time. */
    private static int botJoined(String channel) throws Exception {
        try (InputStream in = WelcomeAgainTest.class.getResourceAsStream(
                "/conformance/slack/payloads/event_callback.member_joined_channel.slack-docs.json")) {
            ObjectNode payload = (ObjectNode) JSON.readTree(in);
            payload.put("team_id", FakeSlackApi.TEAM_ID).put("event_id", "Ev" + UUID.randomUUID());
            ((ObjectNode) payload.path("event")).put("user", "U0BOT0001").put("channel", channel)
                    .put("team", FakeSlackApi.TEAM_ID);
            String body = JSON.writeValueAsString(payload);
            long now = pulse.clock().instant().getEpochSecond();
            return Http.post(pulse.service().url("/slack/events"), "application/json", body, Map.of(
                    "X-Slack-Request-Timestamp", Long.toString(now),
                    "X-Slack-Signature", new SlackSigner(SECRET).sign(now, body))).statusCode();
        }
    }
}
