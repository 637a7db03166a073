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
}
