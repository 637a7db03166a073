package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Link;
import io.collectivepulse.support.BlockKitLimits;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private final BlockKitRenderer renderer = new BlockKitRenderer();

    private JsonNode message(Card card) throws Exception {
        String json = "{\"text\":" + GSON.toJson(renderer.fallbackText(card)) + ",\"blocks\":"
                + GSON.toJson(renderer.blocks(card)) + "}";
        return new ObjectMapper().readTree(json);
    }

    @Test
    void escapesEverythingAMemberCouldUseToPingOrHideALink() throws Exception {
        JsonNode message = message(Card.text("<!channel> <@U123> <!subteam^S1> <https://evil.example|ici> & co"));
        String text = message.path("blocks").get(0).path("text").path("text").asText();
        assertThat(text).isEqualTo(
                "&lt;!channel&gt; &lt;@U123&gt; &lt;!subteam^S1&gt; &lt;https://evil.example|ici&gt; &amp; co");
        assertThat(message.path("text").asText()).doesNotContain("<");
    }

    @Test
    void longEscapedTextIsCutWithinLimitsAndNeverInsideAnEntity() throws Exception {
        JsonNode message = message(Card.text("a<".repeat(1000)));
        assertThat(BlockKitLimits.violations(message)).isEmpty();
        String text = message.path("blocks").get(0).path("text").path("text").asText();
        assertThat(text).endsWith("…").hasSizeLessThanOrEqualTo(3000);
        assertThat(text.substring(0, text.length() - 1)).matches("(a&lt;)*a?");
    }

    @Test
    void aHugeCardStaysWithinFiftyBlocksAndKeepsItsFooter() throws Exception {
        var items = IntStream.range(0, 200)
                .mapToObj(i -> new Card.Item("signal " + i, "auteur " + i, List.of("t" + i))).toList();
        JsonNode message = message(new Card("T".repeat(500), items, "pied"));
        assertThat(BlockKitLimits.violations(message)).isEmpty();
        assertThat(message.path("blocks")).hasSizeLessThanOrEqualTo(50);
        JsonNode last = message.path("blocks").get(message.path("blocks").size() - 1);
        assertThat(last.path("elements").get(0).path("text").asText()).isEqualTo("pied");
    }

    @Test
    void mentionsPingOnlyMembersByTheirSlackIdAndNamesStayEscaped() throws Exception {
        var items = IntStream.range(0, 60).mapToObj(i -> Card.Item.of("ligne " + i)).toList();
        var card = new Card("Rappel", items, "pied", List.of(new Card.Mention("U0ANNE", "Anne"),
                new Card.Mention("<!channel>", "<!here> Bob")));
        JsonNode message = message(card);
        assertThat(BlockKitLimits.violations(message)).isEmpty();
        JsonNode blocks = message.path("blocks");
        String mentions = blocks.get(blocks.size() - 3).path("text").path("text").asText();
        assertThat(mentions).isEqualTo("<@U0ANNE> &lt;!here&gt; Bob");
        assertThat(renderer.messages(card)).allSatisfy(part -> assertThat(part).hasSizeLessThanOrEqualTo(50));
        List<?> last = renderer.messages(card).get(renderer.messages(card).size() - 1);
        assertThat(GSON.toJson(last.get(last.size() - 3))).contains("U0ANNE").doesNotContain("!here\\u003e");
    }

    private static Card.Item signalLike(List<Button> more) {
        var buttons = new java.util.ArrayList<Button>(List.of(Button.action("Je le vois aussi (2)", "signal.vote", "7"),
                Button.action("Je m'en empare", "signal.claim", "7")));
        buttons.addAll(more);
        return new Card.Item("Texte", "anne", List.of("rh"), buttons, false);
    }

    private static List<String> types(JsonNode elements) {
        List<String> types = new java.util.ArrayList<>();
        elements.forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    private static JsonNode actions(JsonNode message) {
        for (JsonNode block : message.path("blocks")) {
            if (block.path("type").asText().equals("actions")) {
                return block;
            }
        }
        throw new AssertionError("no actions block in " + message);
    }

    @Test
    void secondaryButtonsGoInOneOverflowMenuWhoseOptionsCarryTheirActionAndValue() throws Exception {
        JsonNode message = message(new Card("Signal", List.of(signalLike(List.of(
                Button.personal("À traiter en séance", "signal.flag", "7").inOverflow(),
                Button.personal("Modifier", "signal.edit", "7").inOverflow(),
                Button.personal("Supprimer…", "signal.delete", "7").inOverflow()))), null));
        assertThat(BlockKitLimits.violations(message)).isEmpty();
        JsonNode elements = actions(message).path("elements");
        assertThat(elements).hasSize(3);
        assertThat(elements.get(0).path("action_id").asText()).isEqualTo("signal.vote");
        assertThat(elements.get(1).path("action_id").asText()).isEqualTo("signal.claim");
        JsonNode overflow = elements.get(2);
        assertThat(overflow.path("type").asText()).isEqualTo("overflow");
        assertThat(overflow.path("action_id").asText()).isEqualTo(BlockKitRenderer.OVERFLOW_ACTION);
        assertThat(overflow.path("options").findValuesAsText("value"))
                .containsExactly("signal.flag|7", "signal.edit|7", "signal.delete|7");
        for (String value : overflow.path("options").findValuesAsText("value")) {
            String[] choice = BlockKitRenderer.choice(value).orElseThrow();
            assertThat(choice[1]).isEqualTo("7");
            assertThat(choice[0]).startsWith("signal.");
        }
        assertThat(BlockKitRenderer.choice("no-separator")).isEmpty();
        assertThat(BlockKitRenderer.choice(null)).isEmpty();
    }

    @Test
    void aSecondaryButtonTheMenuCannotHoldStaysAButton() throws Exception {
        // Alone: a menu needs two options.
        JsonNode alone = message(new Card(null, List.of(signalLike(List.of(
                Button.action("Clore", "poll.close", "3").inOverflow()))), null));
        assertThat(BlockKitLimits.violations(alone)).isEmpty();
        assertThat(types(actions(alone).path("elements"))).containsExactly("button", "button",
                "button");
        // Asking a confirmation (a menu's confirm would apply to every option), or with a value over 150 characters.
        var confirm = new Button.Confirm("Supprimer ?", "C'est définitif.", "Supprimer", "Annuler", true);
        JsonNode mixed = message(new Card(null, List.of(signalLike(List.of(
                Button.action("Supprimer", "signal.deleteConfirmed", "7").confirmed(confirm).inOverflow(),
                Button.action("Long", "x.long", "v".repeat(200)).inOverflow(),
                Button.action("A", "x.a", "1").inOverflow(), Button.action("B", "x.b", "2").inOverflow()))), null));
        assertThat(BlockKitLimits.violations(mixed)).isEmpty();
        JsonNode elements = actions(mixed).path("elements");
        assertThat(types(elements))
                .containsExactly("button", "button", "button", "button", "overflow");
        assertThat(elements.get(2).path("confirm").path("title").path("text").asText()).isEqualTo("Supprimer ?");
        assertThat(elements.get(4).path("options").findValuesAsText("value")).containsExactly("x.a|1", "x.b|2");
        // Past five options, the rest are buttons.
        var many = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> Button.action("Option " + i, "x." + i, "1").inOverflow()).toList();
        JsonNode seven = message(new Card(null, List.of(signalLike(many)), null));
        assertThat(BlockKitLimits.violations(seven)).isEmpty();
        assertThat(actions(seven).path("elements").get(actions(seven).path("elements").size() - 1)
                .path("options")).hasSize(5);
    }

    @Test
    void aButtonAskingConfirmationCarriesSlacksConfirmDialogAndShowsInRed() throws Exception {
        var confirm = new Button.Confirm("Supprimer ce signal ?", "Il disparaîtra du canal. <!channel>",
                "Supprimer", "Annuler", true);
        JsonNode message = message(new Card("Supprimer ce signal ?", List.of(new Card.Item("Texte", null, List.of(),
                List.of(Button.personal("Supprimer", "signal.deleteConfirmed", "7").confirmed(confirm),
                        Button.personal("Annuler", "signal.keep", "7")), false)), null));
        assertThat(BlockKitLimits.violations(message)).isEmpty();
        JsonNode button = actions(message).path("elements").get(0);
        assertThat(button.path("style").asText()).isEqualTo("danger");
        JsonNode dialog = button.path("confirm");
        assertThat(dialog.path("title").path("text").asText()).isEqualTo("Supprimer ce signal ?");
        // plain_text: nothing in it is read as markup.
        assertThat(dialog.path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(dialog.path("confirm").path("text").asText()).isEqualTo("Supprimer");
        assertThat(dialog.path("deny").path("text").asText()).isEqualTo("Annuler");
        assertThat(dialog.path("style").asText()).isEqualTo("danger");
        assertThat(actions(message).path("elements").get(1).has("confirm")).isFalse();
    }

    @Test
    void aLinkIsARealLinkWithReadableEscapedTextAndMemberMarkupStaysText() throws Exception {
        var item = new Card.Item("Lire <https://evil.example|Cliquez ici> & <!here>", null, List.of())
                .withLink(Link.to("https://www.insee.fr/fr/statistiques/8000000?a=1&b=<2>|x"));
        String text = message(new Card(null, List.of(item), null)).path("blocks").get(0).path("text").path("text")
                .asText();
        assertThat(text).isEqualTo("Lire &lt;https://evil.example|Cliquez ici&gt; &amp; &lt;!here&gt;\n"
                + "<https://www.insee.fr/fr/statistiques/8000000?a=1&amp;b=%3C2%3E%7Cx|insee.fr/fr/statistiques/8000000>");
        // The only "<" that opens a link is the service's own.
        assertThat(text.chars().filter(c -> c == '<').count()).isOne();
        // A link's text never closes the link or starts another.
        assertThat(BlockKitRenderer.link(new Link("https://example.org/", "a|b>c<d&e")))
                .isEqualTo("<https://example.org/|a¦b&gt;c&lt;d&amp;e>");
        // An item with only a link shows the link.
        JsonNode bare = message(new Card(null, List.of(Card.Item.of("").withLink(Link.to("https://example.org"))), null));
        assertThat(bare.path("blocks").get(0).path("text").path("text").asText())
                .isEqualTo("<https://example.org|example.org>");
    }

    @Test
    void aLinksReadableTextIsItsHostAndPathShortened() {
        assertThat(Link.to("https://www.service-public.fr/particuliers/vosdroits/F1234?x=1#y").text())
                .isEqualTo("service-public.fr/particuliers/vosdroits/F1234");
        assertThat(Link.to("http://Example.ORG/").text()).isEqualTo("example.org");
        String long_ = Link.to("https://example.org/" + "a".repeat(100)).text();
        assertThat(long_).hasSize(Link.MAX_TEXT).endsWith("…");
    }
}
