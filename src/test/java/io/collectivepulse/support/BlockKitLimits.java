package io.collectivepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack's published Block Kit limits, checked on every message the service produces: 50 blocks per
 * message, 3,000 characters per section text, 150 per header, 10 elements per context block, 75 per
 * button text, 40,000 for the top-level text; 25 elements per actions block, unique action ids in a block; an
 * overflow menu of 2 to 5 options whose text is at most 75 characters and value 150; a {@code confirm} dialog with
 * its title (100), text (300), confirm and deny (30 each), and a style of {@code primary} or {@code danger}.
 */
public final class BlockKitLimits {
    private BlockKitLimits() {
    }

    public static List<String> violations(JsonNode message) {
        List<String> problems = new ArrayList<>();
        if (message.path("text").asText("").length() > 40_000) {
            problems.add("text over 40000 characters");
        }
        JsonNode blocks = message.path("blocks");
        if (blocks.size() > 50) {
            problems.add(blocks.size() + " blocks, more than 50");
        }
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            int length = block.path("text").path("text").asText("").length();
            if (type.equals("section") && length > 3000) {
                problems.add("section text of " + length + " characters");
            }
            if (type.equals("header") && length > 150) {
                problems.add("header text of " + length + " characters");
            }
            if (type.equals("header") && !block.path("text").path("type").asText().equals("plain_text")) {
                problems.add("header text must be plain_text");
            }
            if (type.equals("context") && block.path("elements").size() > 10) {
                problems.add("context with more than 10 elements");
            }
            if (type.equals("actions") && block.path("elements").size() > 25) {
                problems.add("actions block with more than 25 elements");
            }
            java.util.Set<String> actionIds = new java.util.HashSet<>();
            List<JsonNode> elements = new ArrayList<>();
            block.path("elements").forEach(elements::add);
            if (block.has("accessory")) {
                elements.add(block.path("accessory"));
            }
            for (JsonNode element : elements) {
                String elementType = element.path("type").asText();
                if (elementType.equals("button")
                        && element.path("text").path("text").asText("").length() > 75) {
                    problems.add("button text over 75 characters");
                }
                if (element.has("action_id") && !actionIds.add(element.path("action_id").asText())) {
                    problems.add("action id " + element.path("action_id").asText() + " twice in one block");
                }
                if (elementType.equals("overflow")) {
                    overflow(element, problems);
                }
                if (element.has("confirm")) {
                    confirm(element.path("confirm"), problems);
                }
            }
        }
        return problems;
    }

    private static void overflow(JsonNode overflow, List<String> problems) {
        JsonNode options = overflow.path("options");
        if (options.size() < 2 || options.size() > 5) {
            problems.add("overflow with " + options.size() + " options, not 2 to 5");
        }
        for (JsonNode option : options) {
            if (!option.path("text").path("type").asText().equals("plain_text")) {
                problems.add("overflow option text must be plain_text");
            }
            if (option.path("text").path("text").asText("").length() > 75) {
                problems.add("overflow option text over 75 characters");
            }
            if (option.path("value").asText("").length() > 150) {
                problems.add("overflow option value over 150 characters");
            }
        }
    }

    private static void confirm(JsonNode confirm, List<String> problems) {
        int[] max = {100, 300, 30, 30};
        String[] keys = {"title", "text", "confirm", "deny"};
        for (int i = 0; i < keys.length; i++) {
            String text = confirm.path(keys[i]).path("text").asText("");
            if (text.isEmpty() || text.length() > max[i]) {
                problems.add("confirm " + keys[i] + " empty or over " + max[i] + " characters");
            }
        }
        for (String key : new String[] {"title", "confirm", "deny"}) {
            if (!confirm.path(key).path("type").asText().equals("plain_text")) {
                problems.add("confirm " + key + " must be plain_text");
            }
        }
        String style = confirm.path("style").asText("primary");
        if (!style.equals("primary") && !style.equals("danger")) {
            problems.add("confirm style must be primary or danger");
        }
    }

    /** Slack's limits for a modal: title, submit and close 24 characters, 100 blocks, labels, metadata. */
    public static List<String> modalViolations(JsonNode view) {
        List<String> problems = new ArrayList<>();
        if (!view.path("type").asText().equals("modal")) {
            problems.add("view type must be modal");
        }
        for (String key : List.of("title", "submit", "close")) {
            if (view.path(key).path("text").asText("").length() > 24) {
                problems.add(key + " over 24 characters");
            }
        }
        if (view.path("title").path("text").asText("").isEmpty()) {
            problems.add("a modal needs a title");
        }
        if (view.path("blocks").size() > 100) {
            problems.add("more than 100 blocks in a modal");
        }
        if (view.path("private_metadata").asText("").length() > 3000) {
            problems.add("private_metadata over 3000 characters");
        }
        if (view.path("callback_id").asText("").length() > 255) {
            problems.add("callback_id over 255 characters");
        }
        for (JsonNode block : view.path("blocks")) {
            if (block.path("label").path("text").asText("").length() > 2000) {
                problems.add("input label over 2000 characters");
            }
            if (block.path("element").path("placeholder").path("text").asText("").length() > 150) {
                problems.add("placeholder over 150 characters");
            }
            if (block.path("element").path("max_length").asInt(0) > 3000) {
                problems.add("plain_text_input max_length over 3000");
            }
        }
        return problems;
    }
}
