package io.collectivepulse.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.TeamsClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Private reminders on both platforms. On Teams the bot opens a member's private chat itself
 * ({@code POST /v3/conversations}, once per member) or uses the one the member wrote to it in; where Teams refuses
 * (the app is not installed for the member), the reminder is posted once in the announcement's thread, mentioning
 * every member it missed, and {@code /pulse etat} names them. Reminders are fired through Quartz on the service's
 * clock, set by hand.
 */
class SessionPrivateRemindersTest {
    private static final String SECRET = "private-reminders-secret-0123456789";
    private static final String TOKEN = "xoxb-private-reminders";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String TEAMS = "19:private-reminders@thread.tacv2";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().mutableClock().build();

    private static SlackClient in(String channel, String user) {
        return pulse.member(channel, user);
    }

    @Test
    void teamsMembersGetTheirRemindersPrivatelyOrOnceInTheAnnouncementsThread() {
        pulse.clock().set(Instant.now());
        var anne = in("C0PRIVATE", "U0ANNE");
        anne.command("/pulse", "lier Rappels privés");
        pulse.linkTeams(anne, TEAMS);
        String date = LocalDate.now(PARIS).plusDays(10).toString();
        assertThat(SlackClient.text(anne.command("/seance", "planifier " + date + " 14h Séance privée")))
                .contains("La séance est planifiée");
        FakeBotConnector.Sent announcement = pulse.connector().await(s -> s.conversationId().equals(TEAMS)
                && s.cardText().contains("Séance privée"), WAIT);
        String session = announcement.activity().findValues("data").get(0).path("value").asText();

        // Tina wrote to the bot in her private chat; Tom did not, but the app is installed for him; Tess and Théo
        // have not installed it; Zoé declines; Bob, on Slack, might come.
        ObjectNode hello = pulse.teams().personalMessage("seance");
        member(hello, "aad-tina", "Tina Roux");
        assertThat(pulse.teams().post(hello).statusCode()).isEqualTo(200);
        String tinaChat = hello.path("conversation").path("id").asText();
        pulse.connector().await(s -> s.conversationId().equals(tinaChat), WAIT);
        answer(announcement, session, "aad-tina", "Tina Roux", SessionActions.YES);
        answer(announcement, session, "aad-tom", "Tom Martin", SessionActions.YES);
        answer(announcement, session, "aad-tess", "Tess [Leroy](https://evil.example)", SessionActions.MAYBE);
        answer(announcement, session, "aad-theo", "Théo Petit", SessionActions.YES);
        answer(announcement, session, "aad-zoe", "Zoé Blanc", SessionActions.NO);
        in("C0PRIVATE", "U0BOB").press(SessionActions.MAYBE, session, "1");
        pulse.connector().notInstalledFor("29:aad-tess", "29:aad-theo");

        fire(session, "J-1");
        fire(session, "H-1");

        // Tina in her own chat, Tom in the chat the bot opened once; Bob on Slack; Zoé nothing.
        assertThat(pulse.slackApi().accepted("chat.postMessage").stream().filter(c -> "U0BOB".equals(
                c.params().get("channel")) && SlackClient.text(c.message()).contains("Rappel : séance 1"))).hasSize(2);
        assertThat(privately(tinaChat)).hasSize(2);
        assertThat(privately(FakeBotConnector.personalConversation("29:aad-tom"))).hasSize(2);
        assertThat(pulse.connector().conversationsOpened()).filteredOn("29:aad-tom"::equals).hasSize(1);
        assertThat(pulse.connector().conversationsOpened()).doesNotContain("29:aad-tina", "29:aad-zoe");
        assertThat(privately(FakeBotConnector.personalConversation("29:aad-zoe"))).isEmpty();

        // Tess and Théo: one post per reminder in the announcement's thread, mentioning both, names made harmless.
        List<FakeBotConnector.Sent> inThread = inThread(announcement);
        assertThat(inThread).hasSize(2);
        for (FakeBotConnector.Sent post : inThread) {
            JsonNode card = post.activity().path("attachments").get(0).path("content");
            assertThat(card.path("msteams").path("entities").findValuesAsText("id"))
                    .containsExactlyInAnyOrder("aad-tess", "aad-theo");
            assertThat(card.toString()).contains("<at>Tess Leroy https evil\u2024example</at>", "<at>Théo Petit</at>")
                    .doesNotContain("[Leroy]", "https://", "evil.example");
            assertThat(post.cardText()).contains("Rappel : séance 1", "l'application Collective Pulse n'est pas installée");
        }
        assertThat(pulse.connector().invalid()).isEmpty();

        // The facilitators learn who was missed, and what to do.
        assertThat(SlackClient.text(anne.command("/pulse", "état")))
                .contains("Rappels en message privé", "2 personnes n'ont pas pu recevoir", "Théo Petit",
                        "ajoutez-la à l'équipe");
    }

    /** The member behind a recorded Teams activity: their Entra ID object id and name. */
    private static void member(ObjectNode activity, String aadObjectId, String name) {
        ((ObjectNode) activity.path("from")).put("aadObjectId", aadObjectId).put("id", "29:" + aadObjectId)
                .put("name", name);
    }

    /** The member presses one of the announcement's answer buttons in the Teams channel. */
    private static void answer(FakeBotConnector.Sent announcement, String session, String aadObjectId, String name,
                               String action) {
        ObjectNode press = pulse.teams().channelMessage("");
        press.remove("text");
        press.remove("entities");
        ((ObjectNode) press.path("conversation")).put("id", TEAMS + ";messageid=" + announcement.id());
        press.put("replyToId", announcement.id());
        press.putObject("value").put("action", action).put("value", session);
        member(press, aadObjectId, name);
        assertThat(pulse.teams().post(press).statusCode()).isEqualTo(200);
    }

    /** Moves the service's clock to the reminder's time and has Quartz fire it. */
    private static void fire(String session, String offset) {
        var reminder = pulse.service().jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, due_at FROM session_reminder WHERE session_id = :s AND offset_code = :o""")
                .bind("s", Long.parseLong(session)).bind("o", offset)
                .map((rs, ctx) -> new Object[] {rs.getLong("id"), rs.getTimestamp("due_at").toInstant()}).one());
        pulse.clock().set((Instant) reminder[1]);
        pulse.service().app().scheduler().fireNow(SessionService.REMINDER, (Long) reminder[0]);
        Awaits.until(() -> Optional.of(count("SELECT count(*) FROM session_reminder WHERE id = " + reminder[0]
                + " AND sent_at IS NOT NULL")).filter(n -> n == 1), WAIT, () -> offset + " fired");
        // A post that waits for private messages still going out is due again a moment later on the service's clock.
        Awaits.until(() -> {
            pulse.clock().advance(Duration.ofMillis(500));
            return Optional.of(count("SELECT count(*) FROM outbox WHERE state = 'pending'")).filter(n -> n == 0);
        }, WAIT, () -> "everything " + offset + " owes was sent");
    }

    private static List<FakeBotConnector.Sent> privately(String conversation) {
        return pulse.connector().all().stream().filter(s -> s.conversationId().equals(conversation)
                && s.cardText().contains("Rappel : séance 1")).toList();
    }

    private static List<FakeBotConnector.Sent> inThread(FakeBotConnector.Sent announcement) {
        return pulse.connector().all().stream().filter(s -> announcement.id().equals(s.replyToId())
                && s.cardText().contains("Rappel : séance 1")).toList();
    }

    private static long count(String sql) {
        return pulse.count(sql);
    }
}
