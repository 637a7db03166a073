package io.collectivepulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.AdaptiveCardSchema;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.TeamsClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Private on Teams means private": an answer meant for one member (here the refusal of a facilitators-only
 * command typed in a team channel) goes to that member's 1:1 chat with the bot, opened through the Bot Connector,
 * and the channel gets nothing; where the chat cannot be opened, the answer goes in the thread as before, saying it
 * could not be sent privately. Recorded Teams activities posted to {@code /api/messages}, the Bot Connector
 * replaced by a local server that records every activity per conversation.
 */
class TeamsPrivateAnswersTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String REFUSAL = "Seule l'équipe d'animation de la communauté peut faire cela";
    private static final String NOT_PRIVATE = "Je n'ai pas pu vous écrire en privé";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().teams().build();

    /** A team channel of its own tenant, linked to a community by Member One (its facilitator). */
    private record Channel(String tenant, String conversation) {
        /** The recorded channel message with the bot's @mention, in this channel, by Member One. */
        ObjectNode byFacilitator(String text) {
            ObjectNode activity = pulse.teams().channelMessage(text);
            ((ObjectNode) activity.path("conversation")).put("tenantId", tenant).put("id",
                    conversation + ";messageid=1571540169848");
            ((ObjectNode) activity.path("channelData").path("tenant")).put("id", tenant);
            return activity;
        }

        /** The same message by another member of the team, who does not facilitate the community. */
        ObjectNode byMember(String account, String aadObjectId, String text) {
            ObjectNode activity = byFacilitator(text);
            ((ObjectNode) activity.path("from")).put("id", account).put("name", "Member Two")
                    .put("aadObjectId", aadObjectId);
            return activity;
        }
    }

    private static Channel linkedChannel(String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var channel = new Channel("tenant-" + suffix, "19:" + suffix + "@thread.skype");
        ObjectNode link = channel.byFacilitator("lier " + name);
        assertThat(pulse.teams().post(link).statusCode()).isEqualTo(200);
        pulse.connector().await(sent -> sent.conversationId().startsWith(channel.conversation())
                && sent.cardText().contains(name), WAIT);
        return channel;
    }

    private static List<FakeBotConnector.Sent> in(String conversation) {
        return pulse.connector().all().stream().filter(sent -> sent.conversationId().startsWith(conversation))
                .toList();
    }

    private static List<FakeBotConnector.Sent> answering(ObjectNode activity) {
        String id = activity.path("id").asText();
        return pulse.connector().all().stream().filter(sent -> id.equals(sent.replyToId())).toList();
    }

    /** The outbox rows written for the activity, wherever they go. */
    private static long rowsFor(ObjectNode activity) {
        return pulse.count("SELECT count(*) FROM outbox WHERE idem_key LIKE ?",
                "teams:" + activity.path("conversation").path("id").asText() + ":" + activity.path("id").asText()
                        + "%");
    }

    @Test
    void aRefusalInAChannelGoesToTheMembersPrivateChatAndNotToTheChannel() {
        Channel channel = linkedChannel("Privé veut dire privé");
        String account = "29:member-two-" + UUID.randomUUID();
        String personal = FakeBotConnector.personalConversation(account);

        ObjectNode refused = channel.byMember(account, UUID.randomUUID().toString(), "pulse etat");
        int inChannelBefore = in(channel.conversation()).size();
        assertThat(pulse.teams().post(refused).statusCode()).isEqualTo(200);

        FakeBotConnector.Sent answer = pulse.connector().await(sent -> sent.conversationId().equals(personal), WAIT);
        assertThat(answer.cardText()).contains(REFUSAL).doesNotContain(NOT_PRIVATE);
        assertThat(answer.replyToId()).isNull();
        assertThat(AdaptiveCardSchema.violations(answer.activity())).isEmpty();
        assertThat(answer.activity().path("recipient").path("id").asText()).isEqualTo(account);
        assertThat(pulse.connector().conversationsOpened()).containsOnlyOnce(account);
        // The channel gets nothing: no message, and no outbox row that could become one.
        assertThat(rowsFor(refused)).isEqualTo(1);
        assertThat(pulse.count("SELECT count(*) FROM outbox WHERE channel_id = ? AND reply_to = ?",
                channel.conversation(), refused.path("id").asText())).isZero();
        assertThat(in(channel.conversation())).hasSize(inChannelBefore);
        assertThat(answering(refused)).isEmpty();

        // The member's next private answer goes to the chat now known, without opening it again.
        ObjectNode again = channel.byMember(account, refused.path("from").path("aadObjectId").asText(),
                "pulse etat");
        assertThat(pulse.teams().post(again).statusCode()).isEqualTo(200);
        Awaited.count(() -> in(personal).size(), 2);
        assertThat(pulse.connector().conversationsOpened()).containsOnlyOnce(account);
        assertThat(in(channel.conversation())).hasSize(inChannelBefore);
    }

    @Test
    void aRedeliveredActivityStillGivesExactlyOnePrivateMessage() {
        Channel channel = linkedChannel("Une seule réponse privée");
        String account = "29:member-three-" + UUID.randomUUID();
        String aad = UUID.randomUUID().toString();
        String personal = FakeBotConnector.personalConversation(account);

        ObjectNode refused = channel.byMember(account, aad, "pulse etat");
        assertThat(pulse.teams().post(refused).statusCode()).isEqualTo(200);
        pulse.connector().await(sent -> sent.conversationId().equals(personal), WAIT);
        // The Bot Connector delivers the same activity again (same id), before and after its answer went out.
        assertThat(pulse.teams().post(refused).statusCode()).isEqualTo(200);
        assertThat(pulse.teams().post(refused).statusCode()).isEqualTo(200);
        assertThat(rowsFor(refused)).isEqualTo(1);

        // Another command behind it in the same private chat: once it arrives, anything owed before it has too.
        ObjectNode next = channel.byMember(account, aad, "pulse etat");
        assertThat(pulse.teams().post(next).statusCode()).isEqualTo(200);
        Awaited.count(() -> in(personal).size(), 2);
        assertThat(in(personal)).hasSize(2).allSatisfy(sent -> assertThat(sent.cardText()).contains(REFUSAL));
        assertThat(in(channel.conversation()).stream().filter(sent -> sent.cardText().contains(REFUSAL))).isEmpty();
    }

    @Test
    void whereThePrivateChatCannotBeOpenedTheAnswerGoesInTheThreadSayingSo() {
        Channel channel = linkedChannel("Sans conversation privée");
        String account = "29:member-four-" + UUID.randomUUID();
        pulse.connector().notInstalledFor(account);

        ObjectNode refused = channel.byMember(account, UUID.randomUUID().toString(), "pulse etat");
        assertThat(pulse.teams().post(refused).statusCode()).isEqualTo(200);

        FakeBotConnector.Sent answer = pulse.connector().await(
                sent -> refused.path("id").asText().equals(sent.replyToId()), WAIT);
        assertThat(answer.conversationId()).startsWith(channel.conversation());
        assertThat(answer.cardText()).contains(REFUSAL, NOT_PRIVATE);
        assertThat(AdaptiveCardSchema.violations(answer.activity())).isEmpty();

        // Once: the refused private attempt is recorded as failed, its fallback sent, and nothing tried again.
        ObjectNode later = channel.byFacilitator("signal Un signal après le refus");
        assertThat(pulse.teams().post(later).statusCode()).isEqualTo(200);
        pulse.connector().await(sent -> sent.cardText().contains("Un signal après le refus"), WAIT);
        assertThat(answering(refused)).hasSize(1);
        assertThat(in(FakeBotConnector.personalConversation(account))).isEmpty();
        assertThat(pulse.connector().conversationsOpened()).containsOnlyOnce(account);
        assertThat(pulse.count("SELECT count(*) FROM outbox WHERE idem_key LIKE ? AND state = 'failed'",
                "teams:%:" + refused.path("id").asText())).isEqualTo(1);
        // Recorded once the Bot Connector's answer came back, a moment after the fake saw the message.
        Awaits.until(() -> Optional.of(pulse.count(
                        "SELECT count(*) FROM outbox WHERE idem_key LIKE ? AND state = 'sent'",
                        "teams:%:" + refused.path("id").asText() + ":fallback")).filter(n -> n == 1), WAIT,
                () -> "the fallback recorded as sent");
    }

    @Test
    void aPrivateListWithButtonsGoesToThePrivateChatWhereItsButtonsActForTheChannel() {
        Channel channel = linkedChannel("Thèmes en privé");
        assertThat(pulse.teams().post(channel.byFacilitator("signal Les recrutements se tendent #rh")).statusCode())
                .isEqualTo(200);
        String account = "29:member-five-" + UUID.randomUUID();
        String aad = UUID.randomUUID().toString();
        String personal = FakeBotConnector.personalConversation(account);
        int inChannelBefore = in(channel.conversation()).size();

        ObjectNode themes = channel.byMember(account, aad, "signal thèmes");
        assertThat(pulse.teams().post(themes).statusCode()).isEqualTo(200);
        FakeBotConnector.Sent list = pulse.connector().await(sent -> sent.conversationId().equals(personal)
                && sent.cardText().contains("#rh"), WAIT);
        assertThat(AdaptiveCardSchema.violations(list.activity())).isEmpty();
        ObjectNode claim = (ObjectNode) list.activity().findParents("action").stream()
                .filter(data -> "signal.claimTheme".equals(data.path("action").asText())).findFirst().orElseThrow();

        // Pressed in the private chat: handled in the channel's community, answered in the private chat.
        assertThat(pulse.teams().post(inPrivateChat(channel, account, aad, claim.deepCopy())).statusCode())
                .isEqualTo(200);
        pulse.connector().await(sent -> sent.conversationId().equals(personal)
                && sent.cardText().contains("vous vous emparez du thème #rh"), WAIT);
        assertThat(pulse.count("SELECT count(*) FROM theme_claim WHERE theme = 'rh' AND user_id = ?", aad))
                .isEqualTo(1);
        assertThat(in(channel.conversation())).hasSize(inChannelBefore + 1); // the signal's card, nothing else

        // The same data signed for someone else, or naming another channel, acts nowhere.
        String other = "29:member-six-" + UUID.randomUUID();
        String otherAad = UUID.randomUUID().toString();
        assertThat(pulse.teams().post(inPrivateChat(channel, other, otherAad, claim.deepCopy())).statusCode())
                .isEqualTo(200);
        ObjectNode elsewhere = claim.deepCopy();
        elsewhere.put("value", elsewhere.path("value").asText().replace(channel.conversation(), "19:other@thread"));
        assertThat(pulse.teams().post(inPrivateChat(channel, account, aad, elsewhere)).statusCode()).isEqualTo(200);
        Awaited.count(() -> in(FakeBotConnector.personalConversation(other)).size(), 1);
        Awaited.count(() -> in(personal).size(), 3);
        assertThat(pulse.count("SELECT count(*) FROM theme_claim WHERE theme = 'rh'")).isEqualTo(1);
    }

    /** An Action.Submit pressed in the member's private chat with the bot, in the channel's tenant. */
    private static ObjectNode inPrivateChat(Channel channel, String account, String aad, ObjectNode data) {
        ObjectNode activity = pulse.teams().personalMessage("");
        activity.remove("text");
        activity.put("id", UUID.randomUUID().toString());
        ((ObjectNode) activity.path("conversation")).put("id", FakeBotConnector.personalConversation(account))
                .put("tenantId", channel.tenant());
        ((ObjectNode) activity.path("channelData").path("tenant")).put("id", channel.tenant());
        ((ObjectNode) activity.path("from")).put("id", account).put("aadObjectId", aad).put("name", "Member Five");
        activity.set("value", data);
        return activity;
    }

    @Test
    void inThePrivateChatTheAnswerStaysThere() throws InterruptedException {
        ObjectNode typed = pulse.teams().personalMessage("pulse etat");
        String conversation = typed.path("conversation").path("id").asText();
        int opened = pulse.connector().conversationsOpened().size();
        assertThat(pulse.teams().post(typed).statusCode()).isEqualTo(200);
        FakeBotConnector.Sent answer = pulse.connector().await(
                sent -> typed.path("id").asText().equals(sent.replyToId()), WAIT);
        assertThat(answer.conversationId()).isEqualTo(conversation);
        assertThat(pulse.connector().conversationsOpened()).hasSize(opened);
    }

    @Test
    void theRecordedPersonalActivityIsAPersonalChat() {
        assertThat(TeamsClient.recorded(TeamsClient.PERSONAL).path("conversation").path("conversationType").asText())
                .isEqualTo("personal");
        assertThat(TeamsClient.recorded(TeamsClient.CHANNEL_MENTION).path("conversation").path("conversationType")
                .asText()).isEqualTo("channel");
    }

    /** Waits until a count reaches what is expected. */
    private static final class Awaited {
        static void count(java.util.function.IntSupplier actual, int expected) {
            io.collectivepulse.support.Awaits.until(
                    () -> java.util.Optional.of(actual.getAsInt()).filter(n -> n >= expected), WAIT,
                    () -> "count stayed at " + actual.getAsInt() + ", expected " + expected);
        }
    }
}
