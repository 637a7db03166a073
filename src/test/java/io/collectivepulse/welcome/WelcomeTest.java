package io.collectivepulse.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.RunningService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.SlackSigner;
import io.collectivepulse.support.TeamsClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Introductions through the real endpoints: the recorded Slack {@code member_joined_channel} and Teams
 * {@code conversationUpdate} / {@code installationUpdate} payloads, moved to our workspace and channels.
 */
class WelcomeTest {
    private static final String SECRET = "welcome-secret-0123456789abcdef";
    private static final String TOKEN = "xoxb-welcome";
    private static final String BOT = "U0BOT0001";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().build();

    @Test
    void theBotAddedToASlackChannelSaysHelloOnceNotAgainAfterARestart() throws Exception {
        assertThat(joined(pulse.service(), "C0HELLO", BOT)).isEqualTo(200);
        FakeSlackApi.Call hello = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && "C0HELLO".equals(c.params().get("channel")), WAIT);
        assertThat(SlackClient.text(hello.message()))
                .contains("Collective Pulse", "/pulse lier &lt;nom de la communauté&gt;");

        // Slack sends the event again (a retry), and a restarted service (a new Application on the same database)
        // gets another one for the same channel: neither says hello again.
        assertThat(joined(pulse.service(), "C0HELLO", BOT)).isEqualTo(200);
        try (RunningService restarted = pulse.service().replica()) {
            assertThat(joined(restarted, "C0HELLO", BOT)).isEqualTo(200);
        }
        assertThat(pulse.count("SELECT count(*) FROM outbox WHERE idem_key LIKE 'welcome:slack:%:C0HELLO:%'"))
                .isEqualTo(1);
        assertThat(pulse.slackApi().calls("chat.postMessage"))
                .filteredOn(c -> "C0HELLO".equals(c.params().get("channel"))).hasSize(1);
    }

    @Test
    void aMemberJoiningALinkedSlackChannelIsToldPrivatelyUnlessFacilitatorsTurnedItOff() throws Exception {
        SlackClient faci = pulse.member("C0LINKED", "U0FACI");
        assertThat(SlackClient.text(faci.command("/pulse", "lier Cheffes de projet"))).contains("Cheffes de projet");

        assertThat(joined(pulse.service(), "C0LINKED", "U0NEWBIE")).isEqualTo(200);
        FakeSlackApi.Call line = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && "U0NEWBIE".equals(c.params().get("channel")), WAIT);
        assertThat(SlackClient.text(line.message())).contains("Cheffes de projet", "/pulse aide");

        SlackClient member = pulse.member("C0LINKED", "U0NEWBIE");
        assertThat(SlackClient.text(member.command("/pulse", "accueil-membres off")))
                .contains("Seule l'équipe d'animation");
        assertThat(SlackClient.text(faci.command("/pulse", "accueil-membres off"))).contains("C'est noté");
        assertThat(SlackClient.text(faci.command("/pulse", "accueil-membres"))).contains("accueil-membres on");

        assertThat(joined(pulse.service(), "C0LINKED", "U0LATER")).isEqualTo(200);
        assertThat(pulse.count("SELECT count(*) FROM outbox WHERE idem_key LIKE 'welcome-member:%:U0LATER:%'"))
                .isZero();
        // A member joining a channel with no community: nothing to tell them.
        assertThat(joined(pulse.service(), "C0NOCOMMUNITY", "U0LOST")).isEqualTo(200);
        assertThat(pulse.count("SELECT count(*) FROM outbox WHERE idem_key LIKE 'welcome-member:%:U0LOST:%'"))
                .isZero();
    }

    @Test
    void malformedArrivalsAreAcknowledgedAndIgnored() throws Exception {
        ObjectNode payload = slackEvent("member_joined_channel", "C0BAD", BOT);
        ((ObjectNode) payload.path("event")).remove("channel");
        assertThat(post(pulse.service(), payload)).isEqualTo(200);
        ObjectNode home = slackEvent("app_home_opened", null, "<@U0X>");
        assertThat(post(pulse.service(), home)).isEqualTo(200);
        assertThat(pulse.count("SELECT count(*) FROM welcomed_channel WHERE channel_id = 'C0BAD'")).isZero();
    }

    @Test
    void theBotAddedToATeamsGroupChatSaysHelloOnceForBothActivitiesTeamsSends() throws Exception {
        ObjectNode added = TeamsClient.recorded("conversationUpdate.membersAdded.groupChat");
        added.put("serviceUrl", pulse.connector().serviceUrl());
        ((ObjectNode) added.path("membersAdded").get(0)).put("id", added.path("recipient").path("id").asText())
                .remove("aadObjectId");
        String conversation = added.path("conversation").path("id").asText();
        assertThat(pulse.teams().post(added).statusCode()).isEqualTo(200);
        FakeBotConnector.Sent hello = pulse.connector().await(s -> s.conversationId().equals(conversation), WAIT);
        assertThat(hello.cardText()).contains("Collective Pulse", "pulse lier ")
                .doesNotContain("/pulse");

        ObjectNode installed = added.deepCopy();
        installed.remove("membersAdded");
        installed.put("type", "installationUpdate").put("action", "add").put("id", UUID.randomUUID().toString());
        assertThat(pulse.teams().post(installed).statusCode()).isEqualTo(200);
        assertThat(pulse.teams().post(added).statusCode()).isEqualTo(200);
        assertThat(pulse.count(
                "SELECT count(*) FROM outbox WHERE idem_key LIKE 'welcome:teams:%' || ? || ':%'", conversation))
                .isEqualTo(1);
    }

    @Test
    void theBotAddedToATeamsPersonalChatSaysHelloAndShowsTheMembersHomeThere() throws Exception {
        // The docs' personal installation, from the member of the recorded personal chat, in our tenant.
        ObjectNode personal = pulse.teams().personalMessage("accueil");
        ObjectNode added;
        try (InputStream in = WelcomeTest.class.getResourceAsStream(
                "/conformance/botframework/teams-activities-docs/"
                        + "conversationUpdate.bot-added-personal.docs-example.json")) {
            added = (ObjectNode) JSON.readTree(in);
        }
        String conversation = "a:personal-home-" + UUID.randomUUID();
        added.put("id", UUID.randomUUID().toString()).put("serviceUrl", pulse.connector().serviceUrl());
        added.set("recipient", personal.path("recipient"));
        added.set("from", personal.path("from"));
        added.set("channelData", personal.path("channelData"));
        ((ObjectNode) added.path("conversation")).put("id", conversation);
        ((ObjectNode) added.path("membersAdded").get(0)).put("id", personal.path("recipient").path("id").asText());
        ((ObjectNode) added.path("membersAdded").get(1)).setAll((ObjectNode) personal.path("from").deepCopy());

        assertThat(pulse.teams().post(added).statusCode()).isEqualTo(200);
        pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.cardText().contains("Bonjour, je suis Collective Pulse"), WAIT);
        FakeBotConnector.Sent home = pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.cardText().contains("Votre accueil Collective Pulse"), WAIT);
        assertThat(home.cardText()).contains("aucune communauté").doesNotContain("/pulse");
        // Delivered again by the Bot Connector: nothing more.
        assertThat(pulse.teams().post(added).statusCode()).isEqualTo(200);
        assertThat(pulse.count("SELECT count(*) FROM outbox WHERE channel_id = ?", conversation)).isEqualTo(1);
        assertThat(pulse.count("SELECT count(*) FROM outbox WHERE platform = 'teams' AND channel_id = ?",
                "@" + personal.path("from").path("aadObjectId").asText())).isEqualTo(1);
        assertThat(pulse.connector().invalid()).isEmpty();
    }

    @Test
    void aMemberAddedToALinkedTeamsChannelIsToldInTheirPrivateChat() throws Exception {
        ObjectNode added = TeamsClient.recorded("conversationUpdate.teamMemberAdded.channel");
        added.put("serviceUrl", pulse.connector().serviceUrl());
        String conversation = added.path("conversation").path("id").asText();
        SlackClient faci = pulse.member("C0TEAMSLINK", "U0TFACI");
        assertThat(SlackClient.text(faci.command("/pulse", "lier Cheffes de projet Teams"))).contains("Teams");
        pulse.linkTeams(faci, conversation);

        assertThat(pulse.teams().post(added).statusCode()).isEqualTo(200);
        FakeBotConnector.Sent line = pulse.connector().await(s -> s.cardText().contains("pulse aide")
                && s.cardText().contains("Bienvenue") && !s.conversationId().equals(conversation), WAIT);
        assertThat(line.cardText()).contains("Cheffes de projet Teams").doesNotContain("/pulse");
        assertThat(line.conversationId()).startsWith("a:personal-");
    }

    /** The Slack event, moved to our workspace: {@code user} joined {@code channel}, or opened the home. */
    private static ObjectNode slackEvent(String type, String channel, String user) throws IOException {
        String name = "/conformance/slack/payloads/event_callback." + type + ".slack-docs.json";
        try (InputStream in = WelcomeTest.class.getResourceAsStream(name)) {
            ObjectNode payload = (ObjectNode) JSON.readTree(in);
            payload.put("team_id", FakeSlackApi.TEAM_ID).put("event_id", "Ev" + UUID.randomUUID());
            ObjectNode event = (ObjectNode) payload.path("event");
            event.put("user", user).put("team", FakeSlackApi.TEAM_ID);
            if (channel != null) {
                event.put("channel", channel);
            }
            return payload;
        }
    }

    private static int joined(RunningService service, String channel, String user) throws IOException {
        return post(service, slackEvent("member_joined_channel", channel, user));
    }

    private static int post(RunningService service, ObjectNode payload) throws IOException {
        String body = JSON.writeValueAsString(payload);
        long now = Instant.now().getEpochSecond();
        return Http.post(service.url("/slack/events"), "application/json", body, Map.of(
                "X-Slack-Request-Timestamp", Long.toString(now),
                "X-Slack-Signature", new SlackSigner(SECRET).sign(now, body))).statusCode();
    }
}
