package io.collectivepulse.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a signed request has the shape Slack gives what it sends us — a slash command, an interaction payload, an
 * Events API callback — with every id our handlers rely on present and of the right type. Slack signs what it sends,
 * so a request that fails here is a bug or an attack with a leaked secret: it gets an acknowledgement and nothing is
 * done. Checked before Bolt, whose parsers and handlers would otherwise fail on it halfway.
 */
final class SlackRequestShape {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slack's ids of workspaces, channels and members: {@code T0123ABCD}, {@code C0123ABCD}, {@code U0123ABCD}. */
    private static final Pattern ID = Pattern.compile("[A-Z0-9]{2,40}");
    /**
     * What the bot puts in a modal's private metadata: the channel's id (with {@code @} before a member's id for a
     * form opened from their Home tab), then what the form is about.
     */
    private static final Pattern METADATA = Pattern.compile("@?[A-Z0-9]{2,40}(\\|.*)?", Pattern.DOTALL);

    private final Set<String> commands;

    /** {@code commands}: the slash commands the app declares ({@code /signal}…); others are not Slack's. */
    SlackRequestShape(Set<String> commands) {
        this.commands = Set.copyOf(commands);
    }

    /** What is wrong with the request, in a few words for the log; empty when it has a shape Slack sends. */
    Optional<String> problem(String body) {
        if (body == null || body.isBlank()) {
            return Optional.of("an empty body");
        }
        if (body.stripLeading().startsWith("{")) {
            return json(body).map(SlackRequestShape::event).orElseGet(() -> Optional.of("an event that is not JSON"));
        }
        Map<String, String> form = form(body);
        if (form == null) {
            return Optional.of("a body that is neither JSON nor a form");
        }
        if (form.containsKey("payload")) {
            return json(form.get("payload")).map(SlackRequestShape::interaction)
                    .orElseGet(() -> Optional.of("an interaction payload that is not JSON"));
        }
        if (form.containsKey("ssl_check")) {
            return Optional.empty();
        }
        return command(form);
    }

    private Optional<String> command(Map<String, String> form) {
        for (String field : new String[] {"team_id", "channel_id", "user_id"}) {
            if (!ID.matcher(form.getOrDefault(field, "")).matches()) {
                return Optional.of("a slash command without a valid " + field);
            }
        }
        if (!commands.contains(form.getOrDefault("command", ""))) {
            return Optional.of("a slash command the app does not declare");
        }
        if (!form.containsKey("text")) {
            return Optional.of("a slash command without text");
        }
        return Optional.empty();
    }

    private static Optional<String> interaction(JsonNode payload) {
        if (!payload.isObject() || !payload.path("type").isTextual()) {
            return Optional.of("an interaction payload without a type");
        }
        String type = payload.path("type").asText();
        if (!"block_actions".equals(type) && !"view_submission".equals(type)) {
            // Shortcuts, view_closed…: the app's manifest asks for none.
            return Optional.of("an interaction of a type the app does not ask for");
        }
        if (!hasId(payload.path("team")) || !hasId(payload.path("user"))) {
            return Optional.of("a " + type + " without its team or user id");
        }
        if ("block_actions".equals(type)) {
            JsonNode actions = payload.path("actions");
            if (!actions.isArray() || actions.isEmpty() || !text(actions.get(0).path("action_id"))) {
                return Optional.of("a block_actions without an action id");
            }
            if ("overflow".equals(actions.get(0).path("type").asText())
                    && !text(actions.get(0).path("selected_option").path("value"))) {
                return Optional.of("an overflow choice without its option's value");
            }
            JsonNode channel = payload.path("channel");
            if (!channel.isMissingNode() && !channel.isNull() && !hasId(channel)) {
                return Optional.of("a block_actions whose channel has no id");
            }
            return Optional.empty();
        }
        JsonNode view = payload.path("view");
        if (!text(view.path("callback_id")) || !view.path("private_metadata").isTextual()) {
            return Optional.of("a view_submission without its callback id or private metadata");
        }
        if (!METADATA.matcher(view.path("private_metadata").asText()).matches()) {
            return Optional.of("a view_submission whose private metadata is not the bot's");
        }
        if (!view.path("state").path("values").isObject()) {
            return Optional.of("a view_submission without its state");
        }
        return Optional.empty();
    }

    private static Optional<String> event(JsonNode callback) {
        if (!callback.isObject() || !callback.path("type").isTextual()) {
            return Optional.of("an event without a type");
        }
        switch (callback.path("type").asText()) {
            case "url_verification":
                return text(callback.path("challenge")) ? Optional.empty()
                        : Optional.of("a url_verification without its challenge");
            case "event_callback":
                break;
            default:
                return Optional.of("an event of an unknown type");
        }
        JsonNode event = callback.path("event");
        if (!text(callback.path("team_id")) || !text(callback.path("event_id")) || !text(event.path("type"))) {
            return Optional.of("an event_callback without its team, id or event type");
        }
        if (!ID.matcher(callback.path("team_id").asText()).matches()) {
            return Optional.of("an event_callback without a valid team_id");
        }
        String type = event.path("type").asText();
        if ("member_joined_channel".equals(type)) {
            return ids(event, type, "user", "channel");
        }
        if ("app_home_opened".equals(type)) {
            return ids(event, type, "user");
        }
        if ("app_mention".equals(type)) {
            Optional<String> missing = ids(event, type, "user", "channel");
            if (missing.isPresent()) {
                return missing;
            }
            if (!text(event.path("ts"))) {
                return Optional.of("an app_mention without ts");
            }
            if (!event.path("text").isTextual()) {
                return Optional.of("an app_mention without text");
            }
        }
        return Optional.empty();
    }

    /** The first of {@code fields} that is not a Slack id, if any. */
    private static Optional<String> ids(JsonNode event, String type, String... fields) {
        for (String field : fields) {
            if (!event.path(field).isTextual() || !ID.matcher(event.path(field).asText()).matches()) {
                return Optional.of("an event " + type + " without a valid " + field);
            }
        }
        return Optional.empty();
    }

    private static boolean hasId(JsonNode node) {
        return node.isObject() && node.path("id").isTextual() && ID.matcher(node.path("id").asText()).matches();
    }

    private static boolean text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank();
    }

    private static Optional<JsonNode> json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return Optional.ofNullable(node);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The fields of a form-encoded body, or null when it is not one. */
    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        try {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    return null;
                }
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return fields;
    }
}
