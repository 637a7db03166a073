package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.collectivepulse.support.BlockKitLimits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.SlackSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signed slash commands over real HTTP against the running service, with a local Slack Web API. */
class SlackEndpointTest {
    private static final String SECRET = "test-signing-secret-0123456789abcdef";
    private static final String TOKEN = "xoxb-test-token";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).build();

    private static String say(SlackClient client, String command, String text) {
        JsonNode message = client.command(command, text);
        assertThat(BlockKitLimits.violations(message)).isEmpty();
        return SlackClient.text(message);
    }

    /** The card the bot posted in {@code channel} whose text contains {@code text}. */
    private static String card(String channel, String text) throws InterruptedException {
        FakeSlackApi.Call call = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && channel.equals(c.params().get("channel")) && SlackClient.text(c.message()).contains(text),
                Duration.ofSeconds(10));
        assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
        // As Slack prefers its write calls: a JSON body (the fake reads its fields), the token in the header only.
        assertThat(call.body()).startsWith("{").doesNotContain(TOKEN);
        assertThat(call.params()).containsEntry("unfurl_links", "false").containsEntry("unfurl_media", "false");
        assertThat(call.params().get("metadata")).contains("\"event_type\":\"collective_pulse_message\"");
        assertThat(BlockKitLimits.violations(call.message())).isEmpty();
        return SlackClient.text(call.message());
    }

    @Test
    void linkThenPostThenListShowsTheSignal() throws InterruptedException {
        var client = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0FLOW", "U0ANNE", "anne");
        JsonNode linked = client.command("/pulse", "lier DRH des collectivités");
        assertThat(linked.path("response_type").asText()).isEqualTo("in_channel");
        assertThat(SlackClient.text(linked)).contains("DRH des collectivités", "Vous en assurez l'animation");

        assertThat(say(client, "/signal", "Deux régions testent la semaine de 4 jours #temps-de-travail #rh")).isEmpty();
        assertThat(card("C0FLOW", "Deux régions testent la semaine de 4 jours"))
                .contains("Signal faible", "anne", "#temps-de-travail", "#rh", "[Je le vois aussi (0)]",
                        "[Je m'en empare]", "{À traiter en séance}", "{Modifier}", "{Supprimer…}")
                .doesNotContain("[À traiter en séance]", "[Modifier]", "[Supprimer");

        String list = say(client, "/signal", "liste");
        assertThat(list).contains("Derniers signaux", "Deux régions testent la semaine de 4 jours", "anne");
    }

    @Test
    void settingsAreForFacilitatorsAndFollowTheCommunity() throws InterruptedException {
        var faci = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0SETTINGS", "U0FACI", "faci");
        var member = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0SETTINGS", "U0MEMB", "memb");
        say(faci, "/pulse", "lier Réglages");
        assertThat(say(faci, "/pulse", "synthese")).contains("lundi", "Europe/Paris", "Prochaine");
        assertThat(say(member, "/pulse", "langue en")).contains("animation");
        assertThat(say(member, "/pulse", "digest vendredi 17h")).contains("animation");
        assertThat(say(faci, "/pulse", "digest jamais")).contains("/pulse synthèse lundi 9h");
        assertThat(say(faci, "/pulse", "fuseau Mars/Olympus")).contains("Europe/Paris");
        assertThat(say(faci, "/pulse", "fuseau America/Cayenne")).contains("America/Cayenne");
        assertThat(say(faci, "/pulse", "digest vendredi 17h30")).contains("vendredi", "17 h 30", "America/Cayenne");
        assertThat(say(faci, "/pulse", "aperçu")).contains("aperçu");
        assertThat(say(faci, "/pulse", "synthèse aperçu")).contains("Semaine calme");
        assertThat(say(member, "/pulse", "digest apercu")).contains("animation");
        assertThat(say(faci, "/pulse", "langue en")).contains("English");
        assertThat(say(member, "/pulse", "digest")).contains("Friday", "America/Cayenne");
        assertThat(say(faci, "/pulse", "digest off")).contains("off");
        assertThat(say(faci, "/pulse", "language fr")).contains("français");

        assertThat(say(member, "/veille", "ftp://example.org/x")).contains("http://", "Rien n'a été enregistré");
        assertThat(say(member, "/veille", "javascript:alert(1)")).contains("http://");
        assertThat(say(member, "/veille", "https://www.service-public.fr/guide Bon guide #rh")).isEmpty();
        assertThat(card("C0SETTINGS", "Bon guide")).contains("Veille partagée",
                "<https://www.service-public.fr/guide|service-public.fr/guide>", "#rh");
        assertThat(say(member, "/veille", "liste #rh")).contains("Bon guide");
        assertThat(say(member, "/signal", "themes")).contains("#rh — 1");
    }

    @Test
    void englishKeywordsWork() {
        var client = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0ENGLISH", "U0BOB", "bob");
        say(client, "/pulse", "link Reception agents");
        say(client, "/signal", "Visitors now book online first");
        assertThat(say(client, "/signal", "list")).contains("Visitors now book online first");
        assertThat(say(client, "/pulse", "help")).contains("/signal");
    }

    @Test
    void helpAndUnknownSubcommands() {
        assertThat(say(pulse.slack(), "/pulse", "")).contains("/pulse lier", "/signal liste");
        assertThat(say(pulse.slack(), "/pulse", "aide")).contains("/pulse lier");
        assertThat(say(pulse.slack(), "/pulse", "danser")).contains("danser", "/pulse lier");
    }

    @Test
    void signalInAnUnlinkedChannelExplainsHowToLink() {
        int before = pulse.service().count("signal");
        var client = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0NOTLINKED", "U0ZOE", "zoe");
        assertThat(say(client, "/signal", "Un signal perdu")).contains("/pulse lier");
        assertThat(pulse.service().count("signal")).isEqualTo(before);
    }

    @Test
    void emptyAndOversizedSignalsAreRefusedAndNothingIsStored() {
        var client = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0LIMITS", "U0LEA", "lea");
        say(client, "/pulse", "lier Limites");
        int before = pulse.service().count("signal");

        // Nothing after /signal opens the form instead (see SignalFormsTest).
        assertThat(say(client, "/signal", "")).isEmpty();
        assertThat(say(client, "/signal", "   ")).isEmpty();
        assertThat(pulse.slackApi().calls("views.open")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(say(client, "/signal", "#seulement #des #themes")).contains("/signal &lt;texte&gt;");
        assertThat(say(client, "/signal", "x".repeat(2001))).contains("2", "rien n'a été enregistré");
        assertThat(say(client, "/signal", "<".repeat(2001))).contains("rien n'a été enregistré");
        assertThat(say(client, "/signal", "trop #a #b #c #d #e #f #g #h #i #j #k")).contains("10");
        assertThat(pulse.service().count("signal")).isEqualTo(before);

        assertThat(say(client, "/signal", "y".repeat(2000))).isEmpty();
        assertThat(pulse.service().count("signal")).isEqualTo(before + 1);
    }

    @Test
    void hostileTextIsStoredAsTypedAndShownLiterally() throws InterruptedException {
        var client = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0HOSTILE", "U0EVE", "eve");
        say(client, "/pulse", "lier <!here> & co");
        // Slack sends what a person typed with &, < and > as entities.
        String typed = "<!channel> hello <https://evil.example|cliquez ici> '); DROP TABLE signal; -- <b>gras</b>\u0000";
        String sent = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        say(client, "/signal", sent);
        JsonNode posted = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && "C0HOSTILE".equals(c.params().get("channel")), Duration.ofSeconds(10)).message();
        String shown = SlackClient.text(posted);
        assertThat(shown).contains("&lt;!channel&gt; hello &lt;https://evil.example|cliquez ici&gt;")
                .contains("&lt;b&gt;gras&lt;/b&gt;")
                .doesNotContain("<!channel>", "<https://");
        assertThat(posted.path("text").asText()).doesNotContain("<!");
        assertThat(posted.path("blocks").findValues("verbatim")).allMatch(JsonNode::asBoolean);

        String list = say(client, "/signal", "liste");
        assertThat(list).contains("&lt;!channel&gt; hello &lt;https://evil.example|cliquez ici&gt;")
                .contains("<!here> & co");  // the header is plain_text: shown as typed, never parsed
        String stored = pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT body FROM signal WHERE channel_id = 'C0HOSTILE'").mapTo(String.class).one());
        assertThat(stored).isEqualTo(typed.replace("\u0000", ""));
    }

    @Test
    void linkingTwiceKeepsTheFirstCommunity() {
        var client = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0TWICE", "U0TOM", "tom");
        say(client, "/pulse", "lier Première");
        assertThat(say(client, "/pulse", "lier Seconde")).contains("déjà lié", "Première");
        assertThat(say(client, "/pulse", "lier")).contains("/pulse lier &lt;nom");
        assertThat(say(client, "/pulse", "lier " + "n".repeat(101))).contains("100");
    }

    @Test
    void communitiesOfOneWorkspaceAreInvisibleFromAnother() {
        var here = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0SHARED", "U0ANA", "ana");
        say(here, "/pulse", "lier Ici");
        say(here, "/signal", "Un signal confidentiel");
        // Same channel id in another workspace: a different chat space.
        var elsewhere = pulse.slack().as("T0OTHER", "C0SHARED", "U0INTRUDER", "intrus");
        assertThat(say(elsewhere, "/signal", "liste")).contains("/pulse lier").doesNotContain("confidentiel");
    }

    @Test
    void forgedMissingAndStaleSignaturesAreRefusedAndNothingIsStored() {
        int signalsBefore = pulse.service().count("signal");
        int communitiesBefore = pulse.service().count("community");
        String body = pulse.slack().commandBody("/pulse", "lier Pirates");
        long now = Instant.now().getEpochSecond();

        assertThat(pulse.slack().sendSigned(body, now, new SlackSigner("wrong-secret").sign(now, body)).statusCode())
                .isEqualTo(401);
        assertThat(pulse.slack().sendSigned(body, now, null).statusCode()).isEqualTo(401);
        assertThat(pulse.slack().sendSigned(body, now, "v0=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        long tenMinutesAgo = now - 600;
        assertThat(pulse.slack().sendSigned(body, tenMinutesAgo, new SlackSigner(SECRET).sign(tenMinutesAgo, body))
                .statusCode()).isEqualTo(401);
        String tampered = body.replace("Pirates", "Corsaires");
        assertThat(pulse.slack().sendSigned(tampered, now, new SlackSigner(SECRET).sign(now, body)).statusCode())
                .isEqualTo(401);

        Integer pirates = pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM community WHERE name IN ('Pirates', 'Corsaires')").mapTo(Integer.class).one());
        assertThat(pirates).isZero();
        assertThat(pulse.service().count("signal")).isEqualTo(signalsBefore);
        assertThat(pulse.service().count("community")).isLessThanOrEqualTo(communitiesBefore + 0);
    }

    @Test
    void urlVerificationIsAnswered() {
        String body = "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}";
        long now = Instant.now().getEpochSecond();
        var response = Http.post(pulse.service().url("/slack/events"), "application/json", body, Map.of(
                "X-Slack-Request-Timestamp", Long.toString(now),
                "X-Slack-Signature", new SlackSigner(SECRET).sign(now, body)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void aMentionIsAcknowledgedAndAnsweredInItsThread() throws Exception {
        var client = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0MENTION", "U0MIA", "mia");
        say(client, "/pulse", "lier Mentions");
        int before = pulse.service().count("signal");
        String body = eventCallback("C0MENTION", "U0MIA", "<@U0BOT0001> signal Vu en salon &lt;b&gt; #evenements");
        long now = Instant.now().getEpochSecond();
        var response = Http.post(pulse.service().url("/slack/events"), "application/json", body, Map.of(
                "X-Slack-Request-Timestamp", Long.toString(now),
                "X-Slack-Signature", new SlackSigner(SECRET).sign(now, body)));
        assertThat(response.statusCode()).isEqualTo(200);

        assertThat(card("C0MENTION", "Vu en salon &lt;b&gt;")).contains("#evenements");
        assertThat(pulse.service().count("signal")).isEqualTo(before + 1);

        // A private answer (here, the list) goes to the author alone, in the mention's thread.
        body = eventCallback("C0MENTION", "U0MIA", "<@U0BOT0001> signal liste");
        response = Http.post(pulse.service().url("/slack/events"), "application/json", body, Map.of(
                "X-Slack-Request-Timestamp", Long.toString(now),
                "X-Slack-Signature", new SlackSigner(SECRET).sign(now, body)));
        assertThat(response.statusCode()).isEqualTo(200);
        FakeSlackApi.Call answer = pulse.slackApi().await(c -> c.method().equals("chat.postEphemeral")
                && "C0MENTION".equals(c.params().get("channel")), Duration.ofSeconds(10));
        assertThat(answer.params()).containsEntry("user", "U0MIA").containsEntry("thread_ts", "1595926230.009600");
        assertThat(SlackClient.text(answer.message())).contains("Derniers signaux", "Vu en salon &lt;b&gt;");
    }

    /** The recorded app_mention payload, moved to our workspace, channel and user. */
    private static String eventCallback(String channel, String user, String text) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var in = SlackEndpointTest.class.getResourceAsStream(
                "/conformance/slack/payloads/event_callback.app_mention.bolt-python.json")) {
            var payload = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(in);
            // Every event has its own id, as Slack gives it (a retried delivery keeps it).
            payload.put("team_id", FakeSlackApi.TEAM_ID).put("event_id", "Ev" + java.util.UUID.randomUUID())
                    .remove("enterprise_id");
            ((com.fasterxml.jackson.databind.node.ObjectNode) payload.path("event"))
                    .put("channel", channel).put("user", user).put("text", text).put("team", FakeSlackApi.TEAM_ID);
            return mapper.writeValueAsString(payload);
        }
    }

    @Test
    void authTestIsCachedNotPaidOnEveryRequest() {
        say(pulse.slack(), "/pulse", "aide");
        int before = pulse.slackApi().calls("auth.test").size();
        for (int i = 0; i < 5; i++) {
            say(pulse.slack(), "/pulse", "aide");
        }
        assertThat(pulse.slackApi().calls("auth.test")).hasSize(before)
                .allMatch(call -> ("Bearer " + TOKEN).equals(call.authorization()));
    }
}
