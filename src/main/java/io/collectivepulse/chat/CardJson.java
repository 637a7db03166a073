package io.collectivepulse.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link Card} or a {@link Form} as JSON, for the few outbox rows that carry what they show (notices, replies):
 * {@code {"card": …}} or {@code {"form": …}}.
 */
public final class CardJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CardJson() {
    }

    public static String write(Card card) {
        return JSON.createObjectNode().set("card", JSON.valueToTree(card)).toString();
    }

    public static String write(Form form) {
        return JSON.createObjectNode().set("form", JSON.valueToTree(form)).toString();
    }

    /** The card or the form written by {@link #write}. */
    public static Object read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            return root.has("form") ? JSON.treeToValue(root.get("form"), Form.class)
                    : JSON.treeToValue(root.get("card"), Card.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a card or a form: " + e.getOriginalMessage(), e);
        }
    }
}
