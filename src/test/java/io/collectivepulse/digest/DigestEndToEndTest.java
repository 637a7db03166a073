package io.collectivepulse.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.BlockKitLimits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One community on both platforms: created in Slack, joined from a Teams channel with an invitation code,
 * fed from both, and its digest posted in both channels when its Quartz trigger fires.
 */
class DigestEndToEndTest {
    private static final String SECRET = "digest-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-digest-token";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4}-[A-Z0-9]{4}");

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams()
            .mutableClock().build();

    /** Anne, who speaks in the channel C0DRH. */
    private static SlackClient anne() {
        return pulse.slack().as(FakeSlackApi.TEAM_ID, "C0DRH", "U0ANNE", "anne");
    }

    private static String invite(SlackClient client) {
        String text = SlackClient.text(client.command("/pulse", "inviter"));
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).as("an invitation code in: " + text).isTrue();
        return code.group();
    }

    private static ObjectNode teamsChannel(String conversation, String text) {
        ObjectNode activity = pulse.teams().channelMessage(text);
        ((ObjectNode) activity.path("conversation")).put("id", conversation + ";messageid=1");
        return activity;
    }

    @Test
    void aCommunityOnSlackAndTeamsGetsOneDigestInEachChannelWithSignalsFromBoth() throws Exception {
        anne().command("/pulse", "lier DRH publiques");
        String code = invite(anne());

        String teamsChannel = "19:digest-both@thread.tacv2";
        assertThat(pulse.teams().post(teamsChannel(teamsChannel, "lier " + code)).statusCode()).isEqualTo(200);
        assertThat(pulse.connector().await(s -> s.cardText().contains("DRH publiques"), WAIT).cardText())
                .contains("est maintenant lié");

        anne().command("/signal", "Le télétravail recule dans deux ministères #teletravail");
        assertThat(pulse.teams()
                .post(teamsChannel(teamsChannel, "signal Les jeunes recrues demandent du mentorat #onboarding"))
                .statusCode()).isEqualTo(200);
        anne().command("/signal", "<!channel> hello <https://evil.example|cliquez ici>");

        long communityId = pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT community_id FROM channel_link WHERE channel_id = 'C0DRH'").mapTo(Long.class).one());
        pulse.clock().advance(Duration.ofMinutes(1));
        pulse.service().app().scheduler().fireNow(DigestService.KIND, communityId);

        FakeSlackApi.Call slackDigest = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains("Synthèse de la semaine"), WAIT);
        assertThat(slackDigest.params()).containsEntry("channel", "C0DRH");
        assertThat(BlockKitLimits.violations(slackDigest.message())).isEmpty();
        assertThat(SlackClient.text(slackDigest.message()))
                .contains("DRH publiques", "Le télétravail recule", "Les jeunes recrues demandent du mentorat",
                        "#teletravail", "#onboarding",
                        "&lt;!channel&gt; hello &lt;https://evil.example|cliquez ici&gt;")
                .doesNotContain("<!channel>");

        FakeBotConnector.Sent teamsDigest = pulse.connector()
                .await(s -> s.cardText().contains("Synthèse de la semaine"), WAIT);
        assertThat(teamsDigest.conversationId()).isEqualTo(teamsChannel);
        assertThat(teamsDigest.cardText())
                .contains("Le télétravail recule", "Les jeunes recrues demandent du mentorat",
                        "<!channel> hello <https://evil.example|cliquez ici>");

        // One digest per channel, not one per signal.
        assertThat(pulse.slackApi().calls("chat.postMessage").stream()
                .filter(c -> SlackClient.text(c.message()).contains("Synthèse de la semaine"))).hasSize(1);
        assertThat(pulse.connector().all().stream().filter(s -> s.cardText().contains("Synthèse de la semaine")))
                .hasSize(1);
    }

    @Test
    void anInvitationWorksOnceAndNotAfterSevenDays() throws Exception {
        var facilitator = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0CODES", "U0FACI", "faci");
        facilitator.command("/pulse", "lier Codes");
        var member = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0CODES", "U0MEMBER", "membre");
        member.command("/signal", "Je participe");
        assertThat(SlackClient.text(member.command("/pulse", "inviter"))).contains("animation");

        String code = invite(facilitator);
        assertThat(pulse.teams().post(teamsChannel("19:codes-first@thread.tacv2", "lier " + code)).statusCode())
                .isEqualTo(200);
        pulse.connector().await(s -> s.conversationId().startsWith("19:codes-first") && s.cardText().contains("Codes"),
                WAIT);

        int links = pulse.service().count("channel_link");
        ObjectNode second = teamsChannel("19:codes-second@thread.tacv2", "lier " + code);
        assertThat(pulse.teams().post(second).statusCode()).isEqualTo(200);
        // A refusal is for the member alone: it goes to their private chat with the bot, not to the channel.
        String personal = FakeBotConnector.personalConversation(second.path("from").path("id").asText());
        assertThat(pulse.connector().await(s -> s.conversationId().equals(personal)
                && s.cardText().contains("déjà servi"), WAIT).cardText()).contains("déjà servi");
        assertThat(pulse.connector().all()).noneMatch(s -> s.conversationId().startsWith("19:codes-second"));
        var elsewhere = pulse.slack().as("T0OTHERORG", "C0ELSEWHERE", "U0OTHER", "autre");
        assertThat(SlackClient.text(elsewhere.command("/pulse", "lier " + code.toLowerCase()))).contains("déjà servi");
        assertThat(SlackClient.text(elsewhere.command("/pulse", "lier ZZZZ-9999"))).contains("n'est pas valable");

        String late = invite(facilitator);
        pulse.clock().advance(Duration.ofDays(7).plusMinutes(1));
        try {
            assertThat(pulse.teams().post(teamsChannel("19:codes-late@thread.tacv2", "lier " + late)).statusCode())
                    .isEqualTo(200);
            assertThat(pulse.connector().await(s -> s.conversationId().equals(personal)
                    && s.cardText().contains("expiré"), WAIT).cardText()).contains("expiré");
        } finally {
            pulse.clock().set(Instant.now());
        }
        assertThat(pulse.service().count("channel_link")).isEqualTo(links);
    }
}
