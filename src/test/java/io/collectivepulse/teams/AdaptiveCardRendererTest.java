package io.collectivepulse.teams;

import io.collectivepulse.support.AdaptiveCardSchema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Link;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest {
    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    private static JsonNode asActivity(ObjectNode card) {
        ObjectNode activity = JsonNodeFactory.instance.objectNode();
        activity.putArray("attachments").addObject()
                .put("contentType", AdaptiveCardRenderer.CONTENT_TYPE)
                .set("content", card);
        return activity;
    }

    @Test
    void everyCardShapeValidatesAgainstTheAdaptiveCardSchema() {
        var card = new Card("Titre", List.of(Card.Item.of("Texte"),
                new Card.Item("Corps", "marie · 27 nov.", List.of("rh", "accueil"))), "Pied");
        ObjectNode rendered = renderer.render(card);
        assertThat(rendered.path("version").asText()).isEqualTo("1.5");
        assertThat(AdaptiveCardSchema.violations(asActivity(rendered))).isEmpty();
        assertThat(AdaptiveCardSchema.violations(asActivity(renderer.render(Card.text("Seul"))))).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsABrokenCard() {
        ObjectNode broken = renderer.render(Card.text("x"));
        broken.withArray("body").addObject().put("type", "TextRun");
        broken.remove("version");
        assertThat(AdaptiveCardSchema.violations(asActivity(broken))).isNotEmpty();
    }

    @Test
    void memberTextIsOnlyEverInTextRunsNeverInMarkdownTextBlocks() {
        String hostile = "**gras** [lien](https://evil.example) <at>Tous</at> <!channel>";
        ObjectNode rendered = renderer.render(new Card(hostile, List.of(new Card.Item(hostile, hostile,
                List.of("x"))), hostile));
        assertThat(rendered.findValues("type")).extracting(JsonNode::asText)
                .containsOnly("AdaptiveCard", "RichTextBlock", "TextRun");
        assertThat(rendered.findValues("text")).extracting(JsonNode::asText).contains(hostile);
    }

    @Test
    void mentionsAreEntitiesWhoseNamesCannotBecomeMarkupOrLinks() {
        var card = new Card("Rappel", List.of(Card.Item.of("Texte")), null, List.of(
                new Card.Mention("aad-1", "Ana **[Dupont](https://evil.example)** <at>Tous</at>"),
                new Card.Mention("aad-2", "Jean-Marc D. @ www.evil.example")));
        ObjectNode rendered = renderer.render(card);
        assertThat(AdaptiveCardSchema.violations(asActivity(rendered))).isEmpty();
        JsonNode entities = rendered.path("msteams").path("entities");
        assertThat(entities.findValuesAsText("id")).containsExactly("aad-1", "aad-2");
        String line = rendered.path("body").get(rendered.path("body").size() - 1).path("text").asText();
        assertThat(line).isEqualTo("<at>Ana Dupont https evil\u2024example at Tous at</at> <at>Jean-Marc D. www\u2024evil\u2024example</at>");
        assertThat(entities.findValuesAsText("text")).allSatisfy(tag -> assertThat(line).contains(tag));
    }

    @Test
    void aPersonalButtonIsAnActionExecuteWhoseAnswerTeamsShowsToThePresserAlone() {
        var card = new Card("Sondage", List.of(new Card.Item("Quel thème ?", null, List.of(),
                List.of(Button.personal("Option A", "poll.vote", "7:0"), Button.action("Voir", "poll.show", "7")),
                false)), null);
        ObjectNode rendered = renderer.render(card);
        assertThat(AdaptiveCardSchema.violations(asActivity(rendered))).isEmpty();
        JsonNode actions = rendered.path("body").get(2).path("actions");
        assertThat(actions.get(0).path("type").asText()).isEqualTo("Action.Execute");
        assertThat(actions.get(0).path("verb").asText()).isEqualTo("poll.vote");
        assertThat(actions.get(0).path("data").path("value").asText()).isEqualTo("7:0");
        assertThat(actions.get(1).path("type").asText()).isEqualTo("Action.Submit");
    }

    @Test
    void secondaryButtonsAreSecondaryActionsAndADestructiveOneShowsInRed() {
        var confirm = new Button.Confirm("Supprimer ?", "C'est définitif.", "Supprimer", "Annuler", true);
        var item = new Card.Item("Texte", "anne", List.of("rh"), List.of(
                Button.action("Je le vois aussi (0)", "signal.vote", "7"),
                Button.action("Je m'en empare", "signal.claim", "7"),
                Button.personal("À traiter en séance", "signal.flag", "7").inOverflow(),
                Button.personal("Modifier", "signal.edit", "7").inOverflow(),
                Button.personal("Supprimer", "signal.deleteConfirmed", "7").confirmed(confirm)), false);
        ObjectNode rendered = renderer.render(new Card("Signal", List.of(item), null));
        assertThat(AdaptiveCardSchema.violations(asActivity(rendered))).isEmpty();
        JsonNode actions = rendered.path("body").findParents("type").stream()
                .filter(n -> n.path("type").asText().equals("ActionSet")).findFirst().orElseThrow().path("actions");
        assertThat(actions.findValuesAsText("mode")).containsExactly("secondary", "secondary");
        assertThat(actions.get(0).has("mode")).isFalse();
        assertThat(actions.get(2).path("type").asText()).isEqualTo("Action.Execute");
        assertThat(actions.get(4).path("style").asText()).isEqualTo("destructive");
        assertThat(actions.get(4).has("mode")).isFalse();
    }

    @Test
    void aLinkIsATextRunThatOpensItsAddressAndMemberMarkupStaysText() {
        var item = new Card.Item("Lire [ici](https://evil.example) <https://evil.example|Cliquez>", null, List.of())
                .withLink(Link.to("https://www.insee.fr/fr/statistiques/8000000"));
        ObjectNode rendered = renderer.render(new Card(null, List.of(item), null));
        assertThat(AdaptiveCardSchema.violations(asActivity(rendered))).isEmpty();
        JsonNode body = rendered.path("body");
        assertThat(body.get(0).path("inlines").get(0).path("text").asText())
                .isEqualTo("Lire [ici](https://evil.example) <https://evil.example|Cliquez>");
        assertThat(body.get(0).path("inlines").get(0).has("selectAction")).isFalse();
        JsonNode link = body.get(1).path("inlines").get(0);
        assertThat(link.path("type").asText()).isEqualTo("TextRun");
        assertThat(link.path("text").asText()).isEqualTo("insee.fr/fr/statistiques/8000000");
        assertThat(link.path("selectAction").path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(link.path("selectAction").path("url").asText())
                .isEqualTo("https://www.insee.fr/fr/statistiques/8000000");
        // Nothing of member text is in a TextBlock, which would read Markdown.
        assertThat(rendered.toString()).doesNotContain("\"TextBlock\"");
    }
}
