package io.collectivepulse.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.chat.Card;
import java.util.stream.Collectors;

/**
 * Renders a {@link Card} as an Adaptive Card 1.5. All text goes into {@code TextRun}s of
 * {@code RichTextBlock}s, which Adaptive Cards never read as Markdown, so member text cannot become
 * markup, a link or a mention.
 */
public final class AdaptiveCardRenderer {
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String VERSION = "1.5";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public ObjectNode render(Card card) {
        ObjectNode root = JSON.objectNode()
                .put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("version", VERSION);
        ArrayNode body = root.putArray("body");
        if (card.title() != null) {
            body.add(block(run(card.title()).put("weight", "Bolder").put("size", "Medium")));
        }
        for (Card.Item item : card.items()) {
            if (item.meta() != null) {
                body.add(block(run(item.meta()).put("isSubtle", true).put("size", "Small")).put("spacing", "Medium"));
            }
            body.add(block(run(item.text())));
            if (!item.tags().isEmpty()) {
                String tags = item.tags().stream().map(t -> "#" + t).collect(Collectors.joining("  "));
                body.add(block(run(tags).put("color", "Accent").put("size", "Small")).put("spacing", "None"));
            }
        }
        if (card.footer() != null) {
            body.add(block(run(card.footer()).put("isSubtle", true).put("size", "Small")).put("separator", true));
        }
        root.putObject("msteams").put("width", "Full");
        return root;
    }

    private static ObjectNode block(ObjectNode run) {
        ObjectNode block = JSON.objectNode().put("type", "RichTextBlock");
        block.putArray("inlines").add(run);
        return block;
    }

    private static ObjectNode run(String text) {
        return JSON.objectNode().put("type", "TextRun").put("text", text);
    }
}
