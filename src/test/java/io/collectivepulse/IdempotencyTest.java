package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.Outage;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.RunningService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.SlackSigner;
import io.collectivepulse.support.TeamsClient;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What platforms deliver twice has one effect: an Events API callback retried three times, a slash command
 * replayed ten times within its signature's five minutes, a click delivered again, a Teams activity delivered again
 * after its reply failed. Each is delivered to one replica and to a second one on the same database, in turn.
 */
class IdempotencyTest {
    private static final String SECRET = "replay-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-replay-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().build();
    private static RunningService second;

    @BeforeAll
    static void startSecondReplica() {
        second = pulse.service().replica();
    }

    @AfterAll
    static void stopSecondReplica() {
        second.close();
    }

    /** The two replicas, in turn. */
    private static RunningService replica(int delivery) {
        return delivery % 2 == 0 ? pulse.service() : second;
    }

    private static int count(String sql) {
        return pulse.service().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void anEventRetriedThreeTimesPostsOneSignal() throws Exception {
        pulse.slack().as(FakeSlackApi.TEAM_ID, "C0EVENTS", "U0ANNE", "anne").command("/pulse", "lier Événements");
        ObjectNode event;
        try (InputStream in = getClass().getResourceAsStream(
                "/conformance/slack/payloads/event_callback.app_mention.bolt-python.json")) {
            event = (ObjectNode) JSON.readTree(in);
        }
        event.put("team_id", FakeSlackApi.TEAM_ID).put("event_id", "Ev" + UUID.randomUUID()).remove("enterprise_id");
        ((ObjectNode) event.path("event")).put("channel", "C0EVENTS").put("user", "U0ANNE").put("team",
                FakeSlackApi.TEAM_ID).put("text", "<@U0BOT0001> signal Un événement livré quatre fois");
        String body = JSON.writeValueAsString(event);
        for (int retry = 0; retry <= 3; retry++) {
            long now = Instant.now().getEpochSecond();
            var headers = new java.util.LinkedHashMap<String, String>(Map.of("X-Slack-Request-Timestamp",
                    Long.toString(now), "X-Slack-Signature", new SlackSigner(SECRET).sign(now, body)));
            if (retry > 0) {
                headers.put("X-Slack-Retry-Num", Integer.toString(retry));
                headers.put("X-Slack-Retry-Reason", "http_timeout");
            }
            assertThat(Http.post(replica(retry).url("/slack/events"), "application/json", body, headers)
                    .statusCode()).isEqualTo(200);
        }
        assertThat(count("SELECT count(*) FROM signal WHERE body = 'Un événement livré quatre fois'")).isEqualTo(1);
    }

    @Test
    void aSlashCommandReplayedTenTimesPostsOneSignalAndEveryReplayGetsTheFirstAnswer() {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0SLASH", "U0ANNE", "anne");
        anne.command("/pulse", "lier Rejeux");
        String body = anne.commandBody("/signal", "Une commande rejouée dix fois");
        long signedAt = Instant.now().getEpochSecond();
        String signature = new SlackSigner(SECRET).sign(signedAt, body);
        for (int replay = 0; replay < 10; replay++) {
            var response = new SlackClient(replica(replay), SECRET).sendSigned(body, signedAt, signature);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as("the first answer: the card goes to the channel").isEmpty();
        }
        assertThat(count("SELECT count(*) FROM signal WHERE body = 'Une commande rejouée dix fois'")).isEqualTo(1);
        Awaits.until(() -> Optional.of(pulse.slackApi().accepted("chat.postMessage").stream()
                        .filter(c -> SlackClient.text(c.message()).contains("Une commande rejouée dix fois")).count())
                .filter(cards -> cards == 1), WAIT, () -> "one card for the replayed command");
    }

    @Test
    void aClickDeliveredAgainCountsOnce() {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0CLICKS", "U0ANNE", "anne");
        anne.command("/pulse", "lier Clics");
        anne.command("/signal", "Un signal à soutenir une fois");
        long id = Awaits.until(() -> pulse.service().jdbi().withHandle(h -> h.createQuery(
                        "SELECT id FROM signal WHERE body = 'Un signal à soutenir une fois'").mapTo(Long.class)
                .findOne()), WAIT, () -> "no signal");
        String ts = Awaits.messageId(pulse.service(), id);
        var bob = anne.as(FakeSlackApi.TEAM_ID, "C0CLICKS", "U0BOB", "bob");
        assertThat(bob.press("signal.vote", Long.toString(id), ts).statusCode()).isEqualTo(200);
        var click = bob.lastPress();
        assertThat(new SlackClient(second, SECRET).pressPayload(click).statusCode()).isEqualTo(200);
        assertThat(bob.pressPayload(click).statusCode()).isEqualTo(200);

        assertThat(count("SELECT count(*) FROM signal_vote WHERE signal_id = " + id)).as("+1 kept, not toggled back")
                .isEqualTo(1);
    }

    @Test
    void aTeamsActivityDeliveredAgainAfterItsReplyFailedHasOneEffectAndOneReply() {
        String conversation = "19:replayed@thread.tacv2";
        ObjectNode activity = pulse.teams().channelMessage("lier Communauté rejouée");
        ((ObjectNode) activity.path("conversation")).put("id", conversation + ";messageid=1");
        pulse.connector().outage(Outage.Phase.failing(Duration.ofSeconds(3), 502));
        assertThat(pulse.teams().post(activity).statusCode()).isEqualTo(200);
        assertThat(new TeamsClient(second, pulse.connector()).post(activity).statusCode()).isEqualTo(200);
        assertThat(pulse.teams().post(activity).statusCode()).isEqualTo(200);

        var reply = pulse.connector().await(s -> s.cardText().contains("Communauté rejouée"), WAIT);
        assertThat(reply.conversationId()).isEqualTo(conversation);
        assertThat(count("SELECT count(*) FROM community WHERE name = 'Communauté rejouée'")).isEqualTo(1);
        List<?> replies = pulse.connector().all().stream()
                .filter(s -> s.cardText().contains("Communauté rejouée")).toList();
        assertThat(replies).as("one reply, once the connector is back").hasSize(1);
    }
}
