package io.collectivepulse.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.AdaptiveCardSchema;
import io.collectivepulse.support.BlockKitLimits;
import io.collectivepulse.support.TeamsClient;
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

    /** Whether the signal is still stored, and whether it is flagged for the session. */
    private static int stored(String id) {
        return pulse.service().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM signal WHERE id = :id")
                .bind("id", Long.parseLong(id)).mapTo(Integer.class).one());
    }

    private static boolean flagged(String id) {
        return pulse.service().jdbi().withHandle(h -> h
                .createQuery("SELECT flagged_at IS NOT NULL FROM signal WHERE id = :id")
                .bind("id", Long.parseLong(id)).mapTo(Boolean.class).one());
    }

    private static FakeSlackApi.Call ephemeral(String user, String text) {
        return pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral") && user.equals(c.params().get("user"))
                && SlackClient.text(c.message()).contains(text), WAIT);
    }

    @Test
    void theCardShowsTwoButtonsAndTheRestInItsOverflowMenu() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0CALM", "U0ANNE", "anne");
        anne.command("/pulse", "lier Cartes calmes");
        anne.command("/veille", "https://www.insee.fr/fr/statistiques/8000000 Lire <https://evil.example|Cliquez ici> #rh");
        FakeSlackApi.Call card = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains("Lire"), WAIT);
        assertThat(BlockKitLimits.violations(card.message())).isEmpty();
        JsonNode actions = null;
        for (JsonNode block : card.message().path("blocks")) {
            if (block.path("type").asText().equals("actions")) {
                actions = block;
            }
        }
        assertThat(actions).isNotNull();
        List<String> types = new ArrayList<>();
        actions.path("elements").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("button", "button", "overflow");
        assertThat(SlackClient.text(card.message()))
                .contains("[Je le vois aussi (0)]", "[Je m'en empare]", "{À traiter en séance}", "{Modifier}",
                        "{Supprimer…}")
                // The member's markup stays text; the address the service checked is the only link, with its host
                // and path as its text.
                .contains("Lire &lt;https://evil.example|Cliquez ici&gt;")
                .contains("<https://www.insee.fr/fr/statistiques/8000000|insee.fr/fr/statistiques/8000000>")
                .doesNotContain("<https://evil.example|");
    }

    @Test
    void overflowActionsCheckTheRoleAndDeletingAsksFirst() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0RIGHTS", "U0ANNE", "anne");
        anne.command("/pulse", "lier Droits");
        var bob = anne.as(FakeSlackApi.TEAM_ID, "C0RIGHTS", "U0BOB", "bob");
        String[] signal = postSignal(bob, "Signal de Bob");
        JsonNode card = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains("Signal de Bob"), WAIT).message();
        String flag = SlackClient.option(card, "À traiter en séance");
        String edit = SlackClient.option(card, "Modifier");
        String delete = SlackClient.option(card, "Supprimer…");
        var carl = anne.as(FakeSlackApi.TEAM_ID, "C0RIGHTS", "U0CARL", "carl");

        // A member chooses what is not theirs to do: a private refusal each time, and nothing changes.
        assertThat(carl.choose("more", "À traiter en séance", flag, signal[1]).statusCode()).isEqualTo(200);
        ephemeral("U0CARL", "équipe d'animation");
        assertThat(carl.choose("more", "Modifier", edit, signal[1]).statusCode()).isEqualTo(200);
        ephemeral("U0CARL", "peut le modifier");
        assertThat(carl.choose("more", "Supprimer…", delete, signal[1]).statusCode()).isEqualTo(200);
        ephemeral("U0CARL", "peut le supprimer");
        carl.press(SignalActions.DELETE_CONFIRMED, signal[0], "1.1");
        pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral") && "U0CARL".equals(c.params().get("user"))
                && pulse.slackApi().calls("chat.postEphemeral").stream()
                .filter(e -> "U0CARL".equals(e.params().get("user"))
                        && SlackClient.text(e.message()).contains("peut le supprimer")).count() == 2, WAIT);
        assertThat(stored(signal[0])).isOne();
        assertThat(flagged(signal[0])).isFalse();

        // The facilitator's choice goes through, and the card says so.
        anne.choose("more", "À traiter en séance", flag, signal[1]);
        pulse.slackApi().await(c -> c.method().equals("chat.update") && signal[1].equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("{Retirer de la séance}"), WAIT);
        assertThat(flagged(signal[0])).isTrue();
        bob.press(SignalActions.CLAIM, signal[0], signal[1]);
        pulse.slackApi().await(c -> c.method().equals("chat.update") && signal[1].equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("Pris en charge par bob"), WAIT);

        // "Supprimer…" deletes nothing: the author is asked, privately, with a button whose confirm dialog asks again.
        bob.choose("more", "Supprimer…", delete, signal[1]);
        JsonNode question = ephemeral("U0BOB", "Supprimer ce signal ?").message();
        assertThat(BlockKitLimits.violations(question)).isEmpty();
        assertThat(stored(signal[0])).isOne();
        JsonNode button = question.findValues("elements").stream()
                .flatMap(elements -> java.util.stream.StreamSupport.stream(elements.spliterator(), false))
                .filter(e -> SignalActions.DELETE_CONFIRMED.equals(e.path("action_id").asText()))
                .findFirst().orElseThrow();
        assertThat(button.path("style").asText()).isEqualTo("danger");
        assertThat(button.path("confirm").path("title").path("text").asText()).isEqualTo("Supprimer ce signal ?");
        assertThat(button.path("confirm").path("text").path("text").asText()).contains("définitif");
        assertThat(button.path("confirm").path("confirm").path("text").asText()).isEqualTo("Supprimer");
        assertThat(button.path("confirm").path("deny").path("text").asText()).isEqualTo("Annuler");
        assertThat(button.path("confirm").path("style").asText()).isEqualTo("danger");

        // "Annuler" keeps it; confirming deletes it, and the card in the channel says so.
        bob.press(SignalActions.KEEP, signal[0], "1.2");
        ephemeral("U0BOB", "Rien n'a été supprimé");
        assertThat(stored(signal[0])).isOne();
        bob.press(SignalActions.DELETE_CONFIRMED, button.path("value").asText(), "1.3");
        pulse.slackApi().await(c -> c.method().equals("chat.update") && signal[1].equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("supprimé"), WAIT);
        ephemeral("U0BOB", "C'est supprimé");
        assertThat(stored(signal[0])).isZero();

        // A button from another workspace's channel cannot reach this community's signal.
        var intruder = pulse.slack().as("T0OTHER", "C0RIGHTS", "U0EVIL", "evil");
        String[] other = postSignal(anne, "Signal protégé");
        intruder.press(SignalActions.VOTE, other[0], other[1]);
        pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral") && "U0EVIL".equals(c.params().get("user")),
                WAIT);
        assertThat(votes(other[0])).isZero();
    }

    @Test
    void anOldCardsSupprimerButtonAsksToo() throws Exception {
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0OLDCARD", "U0ANNE", "anne");
        anne.command("/pulse", "lier Anciennes cartes");
        String[] signal = postSignal(anne, "Posté avant les cartes calmes");
        // A card drawn before this change had a "Supprimer" button with this action id: it now asks first.
        anne.press(SignalActions.DELETE, signal[0], signal[1]);
        ephemeral("U0ANNE", "Supprimer ce signal ?");
        assertThat(stored(signal[0])).isOne();
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

    /** The channel message of the recorded activity in {@code conversation}, sent by another member of the team. */
    private static ObjectNode teamsMessageFrom(String conversation, String memberId, String name) {
        ObjectNode message = pulse.teams().channelMessage("");
        ((ObjectNode) message.path("conversation")).put("id", conversation + ";messageid=9");
        if (memberId != null) {
            ((ObjectNode) message.path("from")).put("id", "29:" + memberId).put("aadObjectId", memberId)
                    .put("name", name);
        }
        return message;
    }

    @Test
    void onTeamsTheRestIsInSecondaryActionsAnsweredToThePresserAlone() throws Exception {
        String conversation = "19:calm@thread.tacv2";
        ObjectNode link = pulse.teams().channelMessage("lier Cartes calmes Teams");
        ((ObjectNode) link.path("conversation")).put("id", conversation + ";messageid=7");
        pulse.teams().post(link);
        ObjectNode post = pulse.teams().channelMessage("veille https://www.service-public.fr/particuliers/vosdroits Ressource calme <https://evil.example|Cliquez>");
        ((ObjectNode) post.path("conversation")).put("id", conversation + ";messageid=8");
        pulse.teams().post(post);
        FakeBotConnector.Sent card = pulse.connector().await(s -> s.cardText().contains("Ressource calme"), WAIT);
        assertThat(AdaptiveCardSchema.violations(card.activity())).isEmpty();
        JsonNode content = card.activity().path("attachments").get(0).path("content");
        JsonNode set = content.path("body").findParents("type").stream()
                .filter(n -> n.path("type").asText().equals("ActionSet")).findFirst().orElseThrow();
        List<String> shown = new ArrayList<>();
        List<String> secondary = new ArrayList<>();
        set.path("actions").forEach(a -> (a.path("mode").asText().equals("secondary") ? secondary : shown)
                .add(a.path("title").asText() + " " + a.path("type").asText()));
        assertThat(shown).containsExactly("Je le vois aussi (0) Action.Submit", "Je m'en empare Action.Submit");
        assertThat(secondary).containsExactly("À traiter en séance Action.Execute", "Modifier Action.Execute",
                "Supprimer… Action.Execute");
        // The address is a real link reading as its host and path; the member's markup stays text.
        assertThat(content.toString()).contains("\"selectAction\":{\"type\":\"Action.OpenUrl\","
                + "\"url\":\"https://www.service-public.fr/particuliers/vosdroits\"")
                .contains("service-public.fr/particuliers/vosdroits")
                .doesNotContain("\"url\":\"https://evil.example");
        String id = set.path("actions").get(0).path("data").path("value").asText();

        ObjectNode carl = teamsMessageFrom(conversation, "0000c4a1-0000-4000-8000-00000000ca71", "Carl Membre");
        var refused = pulse.teams().post(TeamsClient.execute(carl, SignalActions.FLAG, id));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("application/vnd.microsoft.activity.message", "équipe d'animation");
        assertThat(pulse.teams().post(TeamsClient.execute(carl, SignalActions.EDIT, id)).body())
                .contains("peut le modifier");
        assertThat(pulse.teams().post(TeamsClient.execute(carl, SignalActions.DELETE, id)).body())
                .contains("peut le supprimer");
        assertThat(pulse.teams().post(TeamsClient.execute(carl, SignalActions.DELETE_CONFIRMED, id)).body())
                .contains("peut le supprimer");
        assertThat(stored(id)).isOne();
        assertThat(flagged(id)).isFalse();

        // The author (here the facilitator who linked the channel): the question comes in place of the card, to them.
        ObjectNode author = teamsMessageFrom(conversation, null, null);
        var question = pulse.teams().post(TeamsClient.execute(author, SignalActions.DELETE, id));
        assertThat(question.body()).contains("application/vnd.microsoft.card.adaptive", "Supprimer cette ressource ?",
                "\"style\":\"destructive\"", SignalActions.DELETE_CONFIRMED, SignalActions.KEEP);
        assertThat(stored(id)).isOne();
        assertThat(pulse.teams().post(TeamsClient.execute(author, SignalActions.KEEP, id)).body())
                .contains("application/vnd.microsoft.card.adaptive", "Ressource calme", "Je le vois aussi");
        assertThat(pulse.teams().post(TeamsClient.execute(author, SignalActions.EDIT, id)).body())
                .contains("application/vnd.microsoft.card.adaptive", "Input.Text", SignalActions.SAVE);
        assertThat(pulse.teams().post(TeamsClient.execute(author, SignalActions.FLAG, id)).statusCode()).isEqualTo(200);
        assertThat(flagged(id)).isTrue();
        assertThat(pulse.teams().post(TeamsClient.execute(author, SignalActions.DELETE_CONFIRMED, id)).body())
                .contains("supprimé");
        assertThat(stored(id)).isZero();
        pulse.connector().await(s -> card.id().equals(s.updatedId()) && s.cardText().contains("supprimée"), WAIT);
    }
}
