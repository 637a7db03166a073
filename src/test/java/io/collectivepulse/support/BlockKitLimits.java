package io.collectivepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Slack's published Block Kit limits, checked on every message the service produces: 50 blocks per
 * message, 3,000 characters per section text, 150 per header, 10 elements per context block, 75 per
 * button text, 40,000 for the top-level text.
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
            for (JsonNode element : block.path("elements")) {
                if (element.path("type").asText().equals("button")
                        && element.path("text").path("text").asText("").length() > 75) {
                    problems.add("button text over 75 characters");
                }
            }
        }
        return problems;
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
