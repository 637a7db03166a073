package io.collectivepulse.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A community's settings changed with a form instead of typed syntax, through the real endpoints: the button on a
 * facilitator's Slack Home tab (the recorded App Home {@code block_actions}), the modal of menus it opens, its
 * submission (the recorded {@code view_submission} shape with {@code static_select} state), and the same form as an
 * Adaptive Card on Teams.
 */
class SettingsTest {
    private static final String SECRET = "settings-secret-0123456789abcdef";
    private static final String TOKEN = "xoxb-settings";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().build();

    @Test
    void aFacilitatorChangesEverySettingFromTheHomeTabAndTheTabIsDrawnAgain() throws Exception {
        SlackClient faci = pulse.member("C0SETTINGS", "U0SETFACI");
        faci.command("/pulse", "lier Réglages en cercle");
        String community = communityId("Réglages en cercle");

        JsonNode home = home("U0SETFACI", 1);
        JsonNode button = button(home, CommunitySettings.OPEN);
        assertThat(button.path("text").path("text").asText()).isEqualTo("Modifier les réglages");
        assertThat(button.path("value").asText()).isEqualTo(community);

        assertThat(faci.pressOnHome(CommunitySettings.OPEN, community).statusCode()).isEqualTo(200);
        JsonNode modal = lastModal("@U0SETFACI|" + community);
        assertThat(modal.path("callback_id").asText()).isEqualTo(SettingsForm.SAVE);
        assertThat(modal.path("private_metadata").asText()).isEqualTo("@U0SETFACI|" + community);
        // What is set now, as the modal starts: Monday 9 h, Paris, French, the default reminders, welcome on.
        assertThat(initial(modal, SettingsForm.DIGEST_DAY)).isEqualTo("MONDAY");
        assertThat(element(modal, SettingsForm.DIGEST_TIME).path("initial_value").asText()).isEqualTo("9 h");
        assertThat(initial(modal, SettingsForm.TIME_ZONE)).isEqualTo("Europe/Paris");
        assertThat(initial(modal, SettingsForm.LANGUAGE)).isEqualTo("fr");
        assertThat(initial(modal, SettingsForm.REMINDERS)).isEqualTo("J-7 J-1 H-1");
        assertThat(initial(modal, SettingsForm.MEMBER_WELCOME)).isEqualTo("on");
        assertThat(modal.toString()).contains("Lundi", "Pas de synthèse", "Europe/Paris — ",
                "La veille et une heure avant", "Aucun rappel", "Français", "English");

        var answer = faci.submit(modal, Map.of(SettingsForm.DIGEST_DAY, "THURSDAY",
                SettingsForm.DIGEST_TIME, "17 h 30", SettingsForm.TIME_ZONE, "Indian/Reunion",
                SettingsForm.LANGUAGE, "en", SettingsForm.REMINDERS, "J-1",
                SettingsForm.MEMBER_WELCOME, "off"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("errors");

        // Every setting changed, as the commands say, and the digest's trigger moved with them.
        assertThat(SlackClient.text(faci.command("/pulse", "digest")))
                .contains("Thursday", "5:30 pm", "Indian/Reunion");
        assertThat(SlackClient.text(faci.command("/pulse", "reminders"))).contains("session: D-1. ")
                .doesNotContain("session: D-7", "J-1.");
        assertThat(SlackClient.text(faci.command("/pulse", "member-welcome"))).contains("not");
        Instant next = nextDigest(community);
        ZonedDateTime local = next.atZone(ZoneId.of("Indian/Reunion"));
        assertThat(local.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
        assertThat(local.toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 30));

        // The Home tab is drawn again, in the community's new language, with what is now set.
        assertThat(SlackClient.text(home("U0SETFACI", 2))).contains("Indian/Reunion", "English");
    }

    @Test
    void aRefusedSubmissionKeepsTheModalOpenWithTheFieldToFixAndChangesNothing() throws Exception {
        SlackClient faci = pulse.member("C0SETBAD", "U0SETBAD");
        faci.command("/pulse", "lier Réglages refusés");
        String community = communityId("Réglages refusés");
        faci.pressOnHome(CommunitySettings.OPEN, community);
        JsonNode modal = lastModal("@U0SETBAD|" + community);

        var answer = faci.submit(modal, Map.of(SettingsForm.DIGEST_DAY, "FRIDAY",
                SettingsForm.DIGEST_TIME, "25 h", SettingsForm.LANGUAGE, "en"));
        JsonNode errors = JSON.readTree(answer.body());
        assertThat(errors.path("response_action").asText()).isEqualTo("errors");
        assertThat(errors.path("errors").path(SettingsForm.DIGEST_TIME).asText()).contains("9 h ou 14 h 30");
        // Nothing partial: the language and the digest's day are what they were.
        assertThat(SlackClient.text(faci.command("/pulse", "synthèse"))).contains("lundi", "9 h");

        // A menu's value that was never offered (a forged payload) is refused the same way.
        Map<String, String> forged = new HashMap<>(Map.of(SettingsForm.TIME_ZONE, "Mars/Olympus"));
        var refused = faci.submit(withOption(modal, SettingsForm.TIME_ZONE, "Mars/Olympus"), forged);
        assertThat(JSON.readTree(refused.body()).path("errors").path(SettingsForm.TIME_ZONE).asText())
                .contains("Choisissez");
        assertThat(SlackClient.text(faci.command("/pulse", "fuseau"))).contains("Europe/Paris");
    }

    @Test
    void onlyFacilitatorsOpenOrSubmitTheSettings() throws Exception {
        SlackClient faci = pulse.member("C0SETROLE", "U0SETOWNER");
        faci.command("/pulse", "lier Réglages gardés");
        String community = communityId("Réglages gardés");
        faci.pressOnHome(CommunitySettings.OPEN, community);
        JsonNode modal = lastModal("@U0SETOWNER|" + community);

        SlackClient member = pulse.member("C0SETROLE", "U0SETMEMBER");
        member.command("/signal", "Je participe aussi");
        int opened = pulse.slackApi().calls("views.open").size();
        assertThat(member.pressOnHome(CommunitySettings.OPEN, community).statusCode()).isEqualTo(200);
        // Refused privately, in the member's conversation with the app; no form opened.
        FakeSlackApi.Call refusal = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && "U0SETMEMBER".equals(c.params().get("channel")), WAIT);
        assertThat(SlackClient.text(refusal.message())).contains("l'équipe d'animation");
        assertThat(pulse.slackApi().calls("views.open")).hasSize(opened);

        // The facilitator's modal submitted by someone else changes nothing.
        var answer = member.submit(modal, Map.of(SettingsForm.LANGUAGE, "en",
                SettingsForm.DIGEST_DAY, "off"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(SlackClient.text(faci.command("/pulse", "synthèse"))).contains("lundi", "9 h");
    }

    @Test
    void onTeamsTheSettingsAreAnAdaptiveCardWithChoiceSets() throws Exception {
        String conversation = "a:settings-form";
        ObjectNode link = pulse.teams().personalMessage("lier Réglages Teams");
        ((ObjectNode) link.path("conversation")).put("id", conversation);
        pulse.teams().post(link);
        pulse.connector().await(s -> s.cardText().contains("Réglages Teams"), WAIT);
        String community = communityId("Réglages Teams");

        ObjectNode accueil = pulse.teams().personalMessage("accueil");
        ((ObjectNode) accueil.path("conversation")).put("id", conversation);
        pulse.teams().post(accueil);
        FakeBotConnector.Sent home = pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.cardText().contains("Votre accueil"), WAIT);
        assertThat(home.activity().toString()).contains(CommunitySettings.OPEN, "Modifier les réglages");

        pulse.teams().post(press(conversation, CommunitySettings.OPEN, community, Map.of()));
        FakeBotConnector.Sent form = pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.activity().toString().contains("Input.ChoiceSet"), WAIT);
        assertThat(form.activity().findValuesAsText("id")).contains(SettingsForm.DIGEST_DAY,
                SettingsForm.DIGEST_TIME, SettingsForm.TIME_ZONE, SettingsForm.LANGUAGE,
                SettingsForm.REMINDERS, SettingsForm.MEMBER_WELCOME);

        pulse.teams().post(press(conversation, SettingsForm.SAVE, community, Map.of(
                SettingsForm.DIGEST_DAY, "off", SettingsForm.DIGEST_TIME, "9 h",
                SettingsForm.TIME_ZONE, "Europe/Brussels", SettingsForm.LANGUAGE, "fr",
                SettingsForm.REMINDERS, "H-1", SettingsForm.MEMBER_WELCOME, "on")));
        assertThat(pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.cardText().contains("enregistrés"), WAIT).cardText())
                .contains("Réglages de « Réglages Teams » enregistrés", "Pas de synthèse", "Europe/Brussels",
                        "rappels : H-1");
        assertThat(pulse.connector().invalid()).isEmpty();
    }

    private ObjectNode press(String conversation, String action, String value, Map<String, String> fields) {
        ObjectNode activity = pulse.teams().personalMessage("");
        activity.remove("text");
        activity.put("id", UUID.randomUUID().toString());
        ((ObjectNode) activity.path("conversation")).put("id", conversation);
        ObjectNode data = activity.putObject("value").put("action", action).put("value", value);
        fields.forEach(data::put);
        return activity;
    }

    private static String communityId(String name) {
        return Long.toString(pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM community WHERE name = :name").bind("name", name).mapTo(Long.class).one()));
    }

    private static Instant nextDigest(String community) {
        return pulse.service().app().scheduler().next(DigestService.KIND, Long.parseLong(community)).orElseThrow();
    }

    /** The {@code n}th home published for {@code user}, once the Home tab was opened. */
    private static JsonNode home(String user, int n) throws Exception {
        assertThat(pulse.member("C0SETTINGS", user).openHome().statusCode()).isEqualTo(200);
        List<FakeSlackApi.Call> homes = Awaits.until(() -> {
            List<FakeSlackApi.Call> published = pulse.slackApi().calls("views.publish").stream()
                    .filter(c -> user.equals(c.params().get("user_id"))).toList();
            return published.size() >= n ? Optional.of(published) : Optional.empty();
        }, WAIT, () -> "fewer than " + n + " homes published for " + user);
        return JSON.readTree(homes.get(n - 1).params().get("view"));
    }

    private static JsonNode lastModal(String metadata) throws Exception {
        FakeSlackApi.Call call = pulse.slackApi().await(c -> c.method().equals("views.open")
                && c.params().getOrDefault("view", "").contains(metadata), WAIT);
        return JSON.readTree(call.params().get("view"));
    }

    private static JsonNode button(JsonNode view, String actionId) {
        return view.findParents("action_id").stream().filter(e -> actionId.equals(e.path("action_id").asText()))
                .findFirst().orElseThrow();
    }

    private static JsonNode element(JsonNode modal, String blockId) {
        for (JsonNode block : modal.path("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                return block.path("element");
            }
        }
        throw new AssertionError("no block " + blockId);
    }

    private static String initial(JsonNode modal, String blockId) {
        return element(modal, blockId).path("initial_option").path("value").asText();
    }

    /** The modal with one more option in a menu: what a forged payload would carry. */
    private static JsonNode withOption(JsonNode modal, String blockId, String value) {
        JsonNode copy = modal.deepCopy();
        for (JsonNode block : copy.path("blocks")) {
            if (blockId.equals(block.path("block_id").asText())) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) block.path("element").path("options")).addObject()
                        .put("value", value).putObject("text").put("type", "plain_text").put("text", value);
            }
        }
        return copy;
    }
}
