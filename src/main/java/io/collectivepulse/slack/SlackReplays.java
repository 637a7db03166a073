package io.collectivepulse.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * What makes two Slack requests the same one, so that the second has no effect of its own: an Events API callback
 * delivered again (Slack retries with {@code X-Slack-Retry-Num}) has the same event id; a button click delivered
 * again, the same member, action and click time; a slash command or a modal submission replayed, the same signed
 * bytes (timestamp and body). A press on a private button (an anonymous vote) is not remembered at all: its key
 * would name the member beside the button; its feature takes a press delivered twice as one.
 */
final class SlackReplays {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackReplays() {
    }

    /**
     * The key under which the request is remembered, or null for what has no effect to repeat or must not be kept
     * ({@code unremembered} action ids).
     */
    static String key(Request<?> request, String timestamp, Predicate<String> unremembered) {
        if (request instanceof EventRequest) {
            String eventId = eventId(request.getRequestBodyAsString());
            return eventId == null ? null : "event:" + eventId;
        }
        if (request instanceof BlockActionRequest actions) {
            BlockActionPayload payload = actions.getPayload();
            if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getUser() == null) {
                return null;
            }
            var action = payload.getActions().get(0);
            if (unremembered.test(action.getActionId())) {
                return null;
            }
            return "action:" + (payload.getTeam() == null ? "" : payload.getTeam().getId()) + ":"
                    + payload.getUser().getId() + ":" + action.getActionId() + ":" + action.getActionTs();
        }
        if (request instanceof SlashCommandRequest || request instanceof ViewSubmissionRequest) {
            return "signed:" + sha256(timestamp + ":" + request.getRequestBodyAsString());
        }
        return null;
    }

    private static String eventId(String body) {
        try {
            JsonNode id = JSON.readTree(body).path("event_id");
            return id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
