package io.collectivepulse.teams;

import io.collectivepulse.support.AdaptiveCardSchema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.chat.Card;
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
}
