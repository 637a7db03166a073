package io.collectivepulse.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.chat.Card;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.signal.Signal;
import io.collectivepulse.support.AdaptiveCardSchema;
import io.collectivepulse.support.BlockKitLimits;
import io.collectivepulse.support.DigestData;
import io.collectivepulse.teams.AdaptiveCardRendererAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Digests of every size stay readable and within both platforms' limits. */
class DigestCardsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Digest digest(int count, int themes) {
        DigestData data = DigestData.week(count, themes);
        return DigestBuilder.build(data.community(), data.from(), data.to(), data.signals());
    }

    private static List<JsonNode> slackMessages(Card card) {
        List<JsonNode> messages = new ArrayList<>();
        for (String blocks : new io.collectivepulse.slack.BlockKitRendererAccess().messages(card)) {
            try {
                messages.add(JSON.readTree(blocks));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return messages;
    }

    @Test
    void fiveThousandSignalsOverFortyThemesFitBothPlatforms() throws Exception {
        Digest digest = digest(5000, 40);
        assertThat(digest.themes()).hasSize(40);
        Card card = DigestCards.card(Messages.of(Locale.FRENCH), digest, "/");

        List<JsonNode> messages = slackMessages(card);
        assertThat(messages).hasSizeBetween(1, 3);
        for (JsonNode blocks : messages) {
            ObjectNode message = JSON.createObjectNode().put("text", "x");
            message.set("blocks", blocks);
            assertThat(BlockKitLimits.violations(message)).isEmpty();
        }
        String slackText = messages.toString();
        assertThat(slackText).contains("&lt;!channel&gt;", "signal liste #theme-", "Autres thèmes")
                .doesNotContain("<!channel>");

        ObjectNode activity = JSON.createObjectNode();
        activity.putArray("attachments").addObject().put("contentType", "application/vnd.microsoft.card.adaptive")
                .set("content", AdaptiveCardRendererAccess.render(card));
        assertThat(AdaptiveCardSchema.violations(activity)).isEmpty();
        assertThat(JSON.writeValueAsString(activity).length()).isLessThan(28_000);
    }

    @Test
    void themesRankByTheirPlusOnesThenSize() {
        Digest digest = digest(200, 5);
        List<Integer> votes = digest.themes().stream().map(Digest.ThemeGroup::votes).toList();
        assertThat(votes).isSortedAccordingTo((a, b) -> b - a);
        for (Digest.ThemeGroup group : digest.themes()) {
            assertThat(group.signals()).extracting(Signal::votes).isSortedAccordingTo((a, b) -> b - a);
        }
    }

    @Test
    void aQuietWeekIsOneShortLineInEitherLanguage() {
        DigestData data = DigestData.week(0, 1);
        Digest quiet = DigestBuilder.build(data.community(), data.from(), data.to(), List.of());
        Card fr = DigestCards.card(Messages.of(Locale.FRENCH), quiet, "/");
        Card en = DigestCards.card(Messages.of(Locale.ENGLISH), quiet, "");
        assertThat(fr.items()).hasSize(1);
        assertThat(fr.title()).isNull();
        assertThat(fr.items().get(0).text()).contains("Semaine calme", "DRH <!here>");
        assertThat(en.items().get(0).text()).contains("quiet week", "signal <text>");
    }

    @Test
    void theWeekAndTheSecondingReadInWords() {
        Digest digest = digest(200, 5);
        Card fr = DigestCards.card(Messages.of(Locale.FRENCH), digest, "/");
        Card en = DigestCards.card(Messages.of(Locale.ENGLISH), digest, "/");
        String day = "\\d{1,2}(er)? \\p{L}+ \\d{4}";
        assertThat(fr.items().get(0).text()).matches("Du " + day + " au " + day + " : .*");
        assertThat(en.items().get(0).text()).matches("From \\d{1,2} \\p{L}+ \\d{4} to \\d{1,2} \\p{L}+ \\d{4}: .*");
        String frText = fr.items().stream().map(Card.Item::text).collect(Collectors.joining("\n"));
        String enText = en.items().stream().map(Card.Item::text).collect(Collectors.joining("\n"));
        assertThat(frText).contains("« Je le vois aussi »").containsPattern("personnes? le voi(t|ent) aussi")
                .doesNotContain("+1");
        assertThat(enText).containsPattern("(person sees|people see) it too").doesNotContain("+1");

        DigestData data = DigestData.week(0, 1);
        Digest quiet = DigestBuilder.build(data.community(), data.from(), data.to(), List.of());
        assertThat(DigestCards.card(Messages.of(Locale.FRENCH), quiet, "/").items().get(0).text())
                .contains("aucun nouveau signal ni nouvelle ressource");
    }

    @Test
    void aResourcesAddressIsARealLinkWithReadableTextAndMemberMarkupStaysText() throws Exception {
        DigestData data = DigestData.week(0, 1);
        var resource = new Signal(1, 1, Signal.Kind.RESOURCE, "slack", "T1", "C1", "U1", "anne",
                "Lire <https://evil.example|Cliquez ici>", "https://www.insee.fr/fr/statistiques/8000000",
                List.of("rh"), DigestData.TO.minusSeconds(3600), null, 2, List.of());
        var bare = new Signal(2, 1, Signal.Kind.RESOURCE, "slack", "T1", "C1", "U2", "bob", "",
                "https://example.org/guide/", List.of("rh"), DigestData.TO.minusSeconds(7200), null, 0, List.of());
        Digest digest = DigestBuilder.build(data.community(), data.from(), data.to(), List.of(resource, bare));
        Card card = DigestCards.card(Messages.of(Locale.FRENCH), digest, "/");

        String slack = slackMessages(card).toString();
        assertThat(slack).contains("<https://www.insee.fr/fr/statistiques/8000000|insee.fr/fr/statistiques/8000000>")
                .contains("Lire &lt;https://evil.example|Cliquez ici&gt;")
                .doesNotContain("<https://evil.example")
                // A resource without a comment reads as where its link goes, and the link follows.
                .contains("example.org/guide — bob", "<https://example.org/guide/|example.org/guide>");

        ObjectNode activity = JSON.createObjectNode();
        activity.putArray("attachments").addObject().put("contentType", "application/vnd.microsoft.card.adaptive")
                .set("content", AdaptiveCardRendererAccess.render(card));
        assertThat(AdaptiveCardSchema.violations(activity)).isEmpty();
        List<JsonNode> links = activity.findParents("selectAction");
        assertThat(links).extracting(run -> run.path("text").asText())
                .contains("insee.fr/fr/statistiques/8000000", "example.org/guide");
        assertThat(links).extracting(run -> run.path("selectAction").path("url").asText())
                .contains("https://www.insee.fr/fr/statistiques/8000000", "https://example.org/guide/")
                .doesNotContain("https://evil.example");
    }
}
