package io.collectivepulse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.support.AdaptiveCardSchema;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.TeamsClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Recorded Teams activities posted to {@code /api/messages} in Emulator mode (no app credentials), with the
 * Bot Connector replaced by a local server that records the bot's replies.
 */
class TeamsEndpointTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().teams().build();

    private static FakeBotConnector.Sent say(ObjectNode activity) throws InterruptedException {
        assertThat(pulse.teams().post(activity).statusCode()).isEqualTo(200);
        FakeBotConnector.Sent reply = pulse.connector().next(WAIT);
        assertThat(AdaptiveCardSchema.violations(reply.activity())).isEmpty();
        return reply;
    }

    @Test
    void signalThenListInAChannelThread() throws InterruptedException {
        ObjectNode link = pulse.teams().channelMessage("lier Agents d'accueil");
        FakeBotConnector.Sent linked = say(link);
        assertThat(linked.conversationId()).startsWith("19:097e6717fd7245bdbeba6baa13840db8@thread.skype");
        assertThat(linked.replyToId()).isEqualTo(link.path("id").asText());
        assertThat(linked.cardText()).contains("Agents d'accueil", "Vous en assurez l'animation");

        // The signal's card starts its own post in the channel, where members discuss it in its thread.
        FakeBotConnector.Sent card = say(pulse.teams()
                .channelMessage("signal Les usagers prennent rendez-vous en ligne #accueil"));
        assertThat(card.conversationId()).isEqualTo("19:097e6717fd7245bdbeba6baa13840db8@thread.skype");
        assertThat(card.replyToId()).isNull();
        assertThat(card.cardText()).contains("Signal faible", "Les usagers prennent rendez-vous en ligne", "#accueil",
                "[Je le vois aussi (0)]", "[Je m'en empare]");

        FakeBotConnector.Sent list = say(pulse.teams().channelMessage("signal liste"));
        assertThat(list.cardText()).contains("Derniers signaux", "Les usagers prennent rendez-vous en ligne",
                "Member One");
    }

    @Test
    void commandsWorkWithoutMentionAndWithThePulsePrefix() throws InterruptedException {
        // Teams help writes commands as the Teams command menu does: "lier", not "pulse lier".
        assertThat(say(pulse.teams().personalMessage("aide")).cardText())
                .contains("lier <nom de la communauté>", "signal liste").doesNotContain("/signal", "pulse lier");
        assertThat(say(pulse.teams().personalMessage("pulse lier Managers")).cardText()).contains("Managers");
        assertThat(say(pulse.teams().personalMessage("signal liste")).cardText()).contains("Aucun signal");
        assertThat(say(pulse.teams().personalMessage("bonjour")).cardText()).contains("bonjour", "lier <nom de la communauté>");
    }

    @Test
    void emptyOversizedAndHostileText() throws InterruptedException {
        var tenant = "0c1e5a34-0000-4000-8000-00000000beef";
        ObjectNode link = pulse.teams().personalMessage("lier Limites");
        ((ObjectNode) link.path("conversation")).put("tenantId", tenant).put("id", "a:limits");
        say(link);
        int before = pulse.service().count("signal");

        ObjectNode empty = withConversation(pulse.teams().personalMessage("signal"), tenant, "a:limits");
        // Nothing after "signal": the form to write one.
        assertThat(say(empty).activity().toString()).contains("Input.Text", "Nouveau signal");
        ObjectNode tooLong = withConversation(pulse.teams().personalMessage("signal " + "x".repeat(2001)), tenant,
                "a:limits");
        assertThat(say(tooLong).cardText()).contains("rien n'a été enregistré");
        assertThat(pulse.service().count("signal")).isEqualTo(before);

        String hostile = "<!channel> hello <https://evil.example|cliquez ici> **gras** [lien](https://evil.example)";
        ObjectNode posted = withConversation(pulse.teams().personalMessage("signal " + hostile), tenant, "a:limits");
        assertThat(say(posted).cardText()).contains(hostile);
        assertThat(pulse.service().count("signal")).isEqualTo(before + 1);
    }

    @Test
    void aRedeliveredActivityIsHandledOnce() throws InterruptedException {
        ObjectNode link = withConversation(pulse.teams().personalMessage("lier Redélivrance"), "tenant-r",
                "a:redelivery");
        say(link);
        ObjectNode signal = withConversation(pulse.teams().personalMessage("signal Une seule fois"), "tenant-r",
                "a:redelivery");
        say(signal);
        int stored = pulse.service().count("signal");
        int sent = pulse.connector().all().size();
        // The Bot Connector delivers the same activity (same id) again when the bot was slow to answer.
        assertThat(pulse.teams().post(signal).statusCode()).isEqualTo(200);
        assertThat(pulse.service().count("signal")).isEqualTo(stored);
        say(withConversation(pulse.teams().personalMessage("aide"), "tenant-r", "a:redelivery"));
        assertThat(pulse.connector().all()).hasSize(sent + 1);
    }

    @Test
    void unlinkedConversationExplainsHowToLink() throws InterruptedException {
        ObjectNode message = withConversation(pulse.teams().personalMessage("signal Perdu"), "tenant-x", "a:unlinked");
        assertThat(say(message).cardText()).contains("pulse lier");
    }

    @Test
    void conversationReferencesAreStoredForProactiveMessages() throws InterruptedException {
        ObjectNode added = TeamsClient.recorded("conversationUpdate.membersAdded.groupChat");
        added.put("serviceUrl", pulse.connector().serviceUrl());
        assertThat(pulse.teams().post(added).statusCode()).isEqualTo(200);
        String conversation = added.path("conversation").path("id").asText();
        String stored = pulse.service().jdbi().withHandle(h -> h.createQuery(
                        "SELECT reference->>'serviceUrl' FROM conversation_reference WHERE channel_id = :id")
                .bind("id", conversation).mapTo(String.class).one());
        assertThat(stored).isEqualTo(pulse.connector().serviceUrl());
    }

    @Test
    void malformedActivitiesAreRefused() {
        var response = io.collectivepulse.support.Http.post(pulse.service().url("/api/messages"), "application/json",
                "{not json", Map.of());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void anActionExecutePressIsAnsweredInTheInvokeToThePresserAloneNotInTheConversation() throws Exception {
        ObjectNode invoke = TeamsClient.execute(pulse.teams().channelMessage(""), "nothing.here", "1");
        var response = pulse.teams().post(invoke);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = new ObjectMapper().readTree(response.body());
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        assertThat(answer.path("type").asText()).isEqualTo("application/vnd.microsoft.activity.message");
        assertThat(answer.path("value").asText()).isEqualTo(Messages.of(Locale.FRENCH).get("action.unknown"));
        assertThatThrownBy(() -> pulse.connector().next(Duration.ofMillis(500))).isInstanceOf(AssertionError.class);
    }

    private static ObjectNode withConversation(ObjectNode activity, String tenant, String conversationId) {
        ((ObjectNode) activity.path("conversation")).put("tenantId", tenant).put("id", conversationId);
        ((ObjectNode) activity.path("channelData").path("tenant")).put("id", tenant);
        return activity;
    }
}
