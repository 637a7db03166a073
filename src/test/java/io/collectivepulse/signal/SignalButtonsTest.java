package io.collectivepulse.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The buttons of a signal card, pressed over real HTTP the way Slack and Teams report them. */
class SignalButtonsTest {
    private static final String SECRET = "buttons-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-buttons-token";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().build();

    /** Posts a signal in the channel and returns its id and the ts of its card. */
    private static String[] postSignal(SlackClient client, String text) throws InterruptedException {
        client.command("/signal", text);
        FakeSlackApi.Call card = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains(text), WAIT);
        String id = card.message().path("blocks").findValues("value").get(0).asText();
        String ts = Awaits.messageId(pulse.service(), Long.parseLong(id));
        return new String[] {id, ts};
    }

    private static int votes(String id) {
        return pulse.service().jdbi().withHandle(h -> h
                .createQuery("SELECT count(*) FROM signal_vote WHERE signal_id = :id")
                .bind("id", Long.parseLong(id)).mapTo(Integer.class).one());
    }

    /** Waits until the after-ack work has recorded {@code expected} votes (the ack comes first, by design). */
    private static void awaitVotes(String id, int expected) {
        Awaits.until(() -> Optional.of(votes(id)).filter(count -> count == expected), WAIT,
                () -> "votes stayed at " + votes(id) + ", expected " + expected);
    }

    @Test
    void aSecondClickTakesTheVoteBackAndTheCardShowsTheCount() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0VOTES", "U0ANNE", "anne");
        anne.command("/pulse", "lier Votes");
        String[] signal = postSignal(anne, "Les candidatures baissent de 20 %");
        var bob = anne.as(FakeSlackApi.TEAM_ID, "C0VOTES", "U0BOB", "bob");

        assertThat(bob.press(SignalActions.VOTE, signal[0], signal[1]).statusCode()).isEqualTo(200);
        awaitVotes(signal[0], 1);
        pulse.slackApi().await(c -> c.method().equals("chat.update") && signal[1].equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("[Je le vois aussi (1)]"), WAIT);

        assertThat(bob.press(SignalActions.VOTE, signal[0], signal[1]).statusCode()).isEqualTo(200);
        awaitVotes(signal[0], 0);
        pulse.slackApi().await(c -> c.method().equals("chat.update") && signal[1].equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("[Je le vois aussi (0)]"), WAIT);
    }

    @Test
    void aCardRedrawThatSlackThrottlesIsTriedAgain() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0THROTTLE", "U0ANNE", "anne");
        anne.command("/pulse", "lier Limites de débit");
        String[] signal = postSignal(anne, "Slack est chargé");
        int refusedBefore = pulse.slackApi().refused().size();
        pulse.slackApi().throttleNext("chat.update", 1);
        anne.press(SignalActions.VOTE, signal[0], signal[1]);
        // The first redraw is refused (429), the second, two seconds later, goes through.
        pulse.slackApi().await(c -> pulse.slackApi().calls("chat.update").stream()
                .filter(u -> signal[1].equals(u.params().get("ts"))
                        && SlackClient.text(u.message()).contains("[Je le vois aussi (1)]")).count() == 2, WAIT);
        assertThat(pulse.slackApi().refused().size()).isEqualTo(refusedBefore + 1);
    }

    @Test
    void aHundredMembersClickingAtOnceCountAHundred() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0CROWD", "U0ANNE", "anne");
        anne.command("/pulse", "lier Foule");
        String[] signal = postSignal(anne, "Tout le monde en parle");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                var member = anne.as(FakeSlackApi.TEAM_ID, "C0CROWD", String.format("U0M%03d", i), "m" + i);
                statuses.add(pool.submit(() -> member.press(SignalActions.VOTE, signal[0], signal[1]).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        awaitVotes(signal[0], 100);
        // The burst is drawn far fewer times than clicked (within Slack's 50 chat.update a minute, whatever the
        // machine's speed), and the last drawing shows the final count.
        pulse.slackApi().await(c -> c.method().equals("chat.update") && signal[1].equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("[Je le vois aussi (100)]"), WAIT);
        assertThat(pulse.slackApi().calls("chat.update").stream().filter(c -> signal[1].equals(c.params().get("ts"))))
                .hasSizeLessThan(50);
    }

    @Test
    void onlyFacilitatorsFlagAndOnlyTheAuthorDeletes() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0RIGHTS", "U0ANNE", "anne");
        anne.command("/pulse", "lier Droits");
        var bob = anne.as(FakeSlackApi.TEAM_ID, "C0RIGHTS", "U0BOB", "bob");
        String[] signal = postSignal(bob, "Signal de Bob");
        var carl = anne.as(FakeSlackApi.TEAM_ID, "C0RIGHTS", "U0CARL", "carl");

        carl.press(SignalActions.FLAG, signal[0], signal[1]);
        assertThat(pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral")
                && "U0CARL".equals(c.params().get("user")),
                WAIT).message().toString()).contains("animation");
        carl.press(SignalActions.DELETE, signal[0], signal[1]);
        pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral") && "U0CARL".equals(c.params().get("user"))
                && SlackClient.text(c.message()).contains("supprimer"), WAIT);

        anne.press(SignalActions.FLAG, signal[0], signal[1]);
        pulse.slackApi().await(c -> c.method().equals("chat.update") && signal[1].equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("[Retirer de la séance]"), WAIT);
        bob.press(SignalActions.CLAIM, signal[0], signal[1]);
        pulse.slackApi().await(c -> c.method().equals("chat.update") && signal[1].equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("Pris en charge par bob"), WAIT);

        bob.press(SignalActions.DELETE, signal[0], signal[1]);
        pulse.slackApi().await(c -> c.method().equals("chat.update") && signal[1].equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("supprimé"), WAIT);
        int remaining = pulse.service().jdbi().withHandle(h -> h
                .createQuery("SELECT count(*) FROM signal WHERE id = :id")
                .bind("id", Long.parseLong(signal[0])).mapTo(Integer.class).one());
        assertThat(remaining).isZero();

        // A button from another workspace's channel cannot reach this community's signal.
        var intruder = pulse.slack().as("T0OTHER", "C0RIGHTS", "U0EVIL", "evil");
        String[] other = postSignal(anne, "Signal protégé");
        intruder.press(SignalActions.VOTE, other[0], other[1]);
        pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral") && "U0EVIL".equals(c.params().get("user")),
                WAIT);
        assertThat(votes(other[0])).isZero();
    }

    @Test
    void aMemberTakesUpAWholeThemeAndTheDigestSaysSo() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0THEMES", "U0ANNE", "anne");
        anne.command("/pulse", "lier Thèmes");
        postSignal(anne, "Un signal sur la #paie publique");
        var themes = anne.command("/signal", "themes");
        assertThat(themes.toString()).contains("\"accessory\"", SignalActions.CLAIM_THEME);
        var bob = anne.as(FakeSlackApi.TEAM_ID, "C0THEMES", "U0BOB", "bob");

        bob.press(SignalActions.CLAIM_THEME, "paie", "1.1");
        pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral") && "U0BOB".equals(c.params().get("user"))
                && SlackClient.text(c.message()).contains("#paie"), WAIT);
        assertThat(SlackClient.text(anne.command("/signal", "thèmes"))).contains("#paie — 1 signal · pris en charge par bob");
        assertThat(SlackClient.text(anne.command("/pulse", "synthese aperçu")))
                .contains("Sujets pris en charge", "#paie — par bob");

        bob.press(SignalActions.CLAIM_THEME, "inconnu", "1.1");
        pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral") && "U0BOB".equals(c.params().get("user"))
                && SlackClient.text(c.message()).contains("90 derniers jours"), WAIT);
    }

    @Test
    void aTeamsCardButtonUpdatesTheCardInPlace() throws Exception {
        ObjectNode link = pulse.teams().channelMessage("lier Boutons Teams");
        ((ObjectNode) link.path("conversation")).put("id", "19:buttons@thread.tacv2;messageid=7");
        pulse.teams().post(link);
        ObjectNode post = pulse.teams().channelMessage("signal Vu dans Teams");
        ((ObjectNode) post.path("conversation")).put("id", "19:buttons@thread.tacv2;messageid=8");
        pulse.teams().post(post);
        FakeBotConnector.Sent card = pulse.connector().await(s -> s.cardText().contains("Vu dans Teams"), WAIT);
        String id = card.activity().findValues("data").get(0).path("value").asText();

        ObjectNode press = pulse.teams().channelMessage("");
        press.remove("text");
        press.remove("entities");
        ((ObjectNode) press.path("conversation")).put("id", "19:buttons@thread.tacv2;messageid=" + card.id());
        press.put("replyToId", card.id());
        press.putObject("value").put("action", SignalActions.VOTE).put("value", id);
        assertThat(pulse.teams().post(press).statusCode()).isEqualTo(200);

        FakeBotConnector.Sent updated = pulse.connector().await(s -> card.id().equals(s.updatedId())
                && s.cardText().contains("[Je le vois aussi (1)]"), WAIT);
        assertThat(updated.conversationId()).isEqualTo("19:buttons@thread.tacv2");
    }
}
