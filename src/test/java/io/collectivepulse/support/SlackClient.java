package io.collectivepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Sends slash commands to the service the way Slack does: form-encoded and signed. */
public final class SlackClient {
    private static final java.util.concurrent.atomic.AtomicLong ACTION_TS = new java.util.concurrent.atomic.AtomicLong();
    private volatile ObjectNode lastPress;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnaryOperator<String> url;
    private final SlackSigner signer;
    /** Slack signs with the time it sends: the service's own when a test moves it. */
    private Clock clock = Clock.systemUTC();
    private String teamId = FakeSlackApi.TEAM_ID;
    private String channelId = "C0COMMUNITY";
    private String userId = "U0MARIE";
    private String userName = "marie";
    /** Where Slack would take answers to this member's commands; null for one on hooks.slack.com. */
    private String responseUrl;

    public SlackClient(RunningService service, String signingSecret) {
        this(service::url, signingSecret);
    }

    /** A client of the service running in a JVM of its own. */
    public SlackClient(ServiceProcess service, String signingSecret) {
        this(service::url, signingSecret);
    }

    private SlackClient(UnaryOperator<String> url, String signingSecret) {
        this.url = url;
        this.signer = new SlackSigner(signingSecret);
    }

    /** The same client, speaking from another channel, user or workspace. */
    public SlackClient as(String team, String channel, String user, String name) {
        var other = new SlackClient(url, signer.signingSecret());
        other.teamId = team;
        other.channelId = channel;
        other.userId = user;
        other.userName = name;
        other.clock = clock;
        other.responseUrl = responseUrl;
        return other;
    }

    /** The same client, whose commands carry this response_url (on the fake Slack API, to see what goes there). */
    public SlackClient withResponseUrl(String url) {
        var other = as(teamId, channelId, userId, userName);
        other.responseUrl = url;
        return other;
    }

    /** The same client, signing and stamping with this clock (the service's, when a test moves it). */
    public SlackClient withClock(Clock clock) {
        var other = as(teamId, channelId, userId, userName);
        other.clock = clock;
        return other;
    }

    public String commandBody(String command, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "deprecated-verification-token");
        form.put("team_id", teamId);
        form.put("team_domain", "pulse-test");
        form.put("channel_id", channelId);
        form.put("channel_name", "communaute");
        form.put("user_id", userId);
        form.put("user_name", userName);
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0PULSE");
        form.put("response_url", responseUrl != null ? responseUrl
                : "https://hooks.slack.com/commands/" + teamId + "/1/x");
        // Every command has its own trigger, as Slack gives it: two identical commands are not a replay.
        form.put("trigger_id", "1." + ACTION_TS.incrementAndGet() + ".3");
        return Http.form(form);
    }

    /** Sends a command signed now and returns the raw HTTP response. */
    public HttpResponse<String> send(String command, String text) {
        String body = commandBody(command, text);
        long now = clock.instant().getEpochSecond();
        return sendSigned(body, now, signer.sign(now, body));
    }

    public HttpResponse<String> sendSigned(String body, long timestamp, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Slack-Request-Timestamp", Long.toString(timestamp));
        if (signature != null) {
            headers.put("X-Slack-Signature", signature);
        }
        return Http.post(url.apply("/slack/events"), "application/x-www-form-urlencoded", body, headers);
    }

    /**
     * This member opens the app's Home tab: the docs' {@code app_home_opened} event, moved to this client's workspace
     * and user, signed now.
     */
    public HttpResponse<String> openHome() {
        try (var in = SlackClient.class.getResourceAsStream(
                "/conformance/slack/payloads/event_callback.app_home_opened.slack-docs.json")) {
            ObjectNode payload = (ObjectNode) JSON.readTree(in);
            payload.put("team_id", teamId).put("event_id", "Ev" + ACTION_TS.incrementAndGet() + "X" + userId);
            ((ObjectNode) payload.path("event")).put("user", userId);
            String body = JSON.writeValueAsString(payload);
            long now = clock.instant().getEpochSecond();
            return Http.post(url.apply("/slack/events"), "application/json", body, Map.of(
                    "X-Slack-Request-Timestamp", Long.toString(now), "X-Slack-Signature", signer.sign(now, body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a command and returns the JSON message Slack would show, failing unless the ack is 200. */
    public JsonNode command(String command, String text) {
        HttpResponse<String> response = send(command, text);
        if (response.statusCode() != 200) {
            throw new AssertionError("Expected 200, got " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Presses a button the way Slack reports it: the recorded {@code block_actions} payload from the conformance
     * folder, with this client's workspace, channel and user, form-encoded as {@code payload=} and signed.
     */
    public HttpResponse<String> press(String actionId, String value, String messageTs) {
        ObjectNode payload = clickInChannel(messageTs);
        ObjectNode action = (ObjectNode) payload.path("actions").get(0);
        // Each click has its own time, as Slack gives it; a redelivered click keeps it (see pressPayload).
        action.put("action_id", actionId).put("value", value).put("action_ts", nextActionTs());
        return pressPayload(payload);
    }

    /** The recorded {@code block_actions} payload, by this client's user, on a message of its channel. */
    private ObjectNode clickInChannel(String messageTs) {
        try (var in = SlackClient.class.getResourceAsStream(
                "/conformance/slack/payloads/block_actions.bolt-python.json")) {
            ObjectNode payload = (ObjectNode) JSON.readTree(in);
            payload.putObject("user").put("id", userId).put("username", userName).put("name", userName)
                    .put("team_id", teamId);
            ((ObjectNode) payload.path("team")).put("id", teamId).remove(List.of("enterprise_id", "enterprise_name"));
            ((ObjectNode) payload.path("channel")).put("id", channelId);
            ((ObjectNode) payload.path("container")).put("channel_id", channelId).put("message_ts", messageTs)
                    .put("is_ephemeral", false);
            return payload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Presses a button on this member's Home tab: the recorded {@code block_actions} payload of an App Home view
     * (no channel; the view as container), with this client's workspace and user.
     */
    public HttpResponse<String> pressOnHome(String actionId, String value) {
        try (var in = SlackClient.class.getResourceAsStream(
                "/conformance/slack/payloads/block_actions.app-home-view.java-slack-sdk.json")) {
            ObjectNode payload = (ObjectNode) JSON.readTree(in);
            payload.putObject("user").put("id", userId).put("username", userName).put("name", userName)
                    .put("team_id", teamId);
            ((ObjectNode) payload.path("team")).put("id", teamId);
            ((ObjectNode) payload.path("view")).put("team_id", teamId);
            ObjectNode action = (ObjectNode) payload.path("actions").get(0);
            action.put("action_id", actionId).put("value", value).put("action_ts", nextActionTs());
            return pressPayload(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Chooses an option of a card's overflow menu the way Slack reports it: the recorded {@code block_actions}
     * payload whose action becomes an {@code overflow} with its {@code selected_option} ({@code label} and
     * {@code value}, as the option the card offered), with this client's workspace, channel and user, signed.
     */
    public HttpResponse<String> choose(String actionId, String label, String value, String messageTs) {
        ObjectNode payload = clickInChannel(messageTs);
        ObjectNode action = (ObjectNode) payload.path("actions").get(0);
        action.remove(List.of("text", "value"));
        action.put("type", "overflow").put("action_id", actionId).put("action_ts", nextActionTs());
        ObjectNode option = action.putObject("selected_option");
        option.putObject("text").put("type", "plain_text").put("text", label).put("emoji", true);
        option.put("value", value);
        return pressPayload(payload);
    }

    /**
     * The option of a message's overflow menu whose text is {@code label}: its value, as Slack would send it back
     * when chosen; fails when the message has no such option.
     */
    public static String option(JsonNode message, String label) {
        for (JsonNode option : message.findValues("options")) {
            for (JsonNode o : option) {
                if (label.equals(o.path("text").path("text").asText())) {
                    return o.path("value").asText();
                }
            }
        }
        throw new AssertionError("No overflow option " + label + " in " + message);
    }

    /** The {@code payload} of a click, signed now and sent: Slack delivering the same click again. */
    public HttpResponse<String> pressPayload(ObjectNode payload) {
        try {
            lastPress = payload;
            String body = Http.form(Map.of("payload", JSON.writeValueAsString(payload)));
            long now = clock.instant().getEpochSecond();
            return sendSigned(body, now, signer.sign(now, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload of the last click this client sent, to deliver it again. */
    public ObjectNode lastPress() {
        return lastPress;
    }

    private String nextActionTs() {
        return String.format("%d.%06d", clock.instant().getEpochSecond(), ACTION_TS.incrementAndGet() % 1_000_000);
    }

    /**
     * Submits a modal the way Slack reports it: the recorded {@code view_submission} payload, with the view the
     * service opened ({@code view} as sent to views.open) and {@code values} typed in its inputs, by block id.
     */
    public HttpResponse<String> submit(JsonNode view, Map<String, String> values) {
        try (var in = SlackClient.class.getResourceAsStream(
                "/conformance/slack/payloads/view_submission.bolt-python.json")) {
            ObjectNode payload = (ObjectNode) JSON.readTree(in);
            payload.putObject("user").put("id", userId).put("username", userName).put("name", userName)
                    .put("team_id", teamId);
            ((ObjectNode) payload.path("team")).put("id", teamId).remove(List.of("enterprise_id", "enterprise_name"));
            ObjectNode submitted = (ObjectNode) payload.path("view");
            submitted.put("callback_id", view.path("callback_id").asText())
                    .put("private_metadata", view.path("private_metadata").asText())
                    .set("blocks", view.path("blocks"));
            ObjectNode state = submitted.putObject("state").putObject("values");
            view.path("blocks").forEach(block -> {
                String id = block.path("block_id").asText();
                String actionId = block.path("element").path("action_id").asText();
                if ("static_select".equals(block.path("element").path("type").asText())) {
                    // A menu: the option chosen, or the one it started on.
                    ObjectNode menu = state.putObject(id).putObject(actionId).put("type", "static_select");
                    String chosen = values.getOrDefault(id,
                            block.path("element").path("initial_option").path("value").asText(null));
                    block.path("element").path("options").forEach(option -> {
                        if (option.path("value").asText().equals(chosen)) {
                            menu.set("selected_option", option);
                        }
                    });
                    if (!menu.has("selected_option")) {
                        menu.putNull("selected_option");
                    }
                    return;
                }
                ObjectNode input = state.putObject(id).putObject(actionId).put("type", "plain_text_input");
                if (values.containsKey(id)) {
                    input.put("value", values.get(id));
                } else {
                    input.putNull("value");
                }
            });
            String body = Http.form(Map.of("payload", JSON.writeValueAsString(payload)));
            long now = clock.instant().getEpochSecond();
            return sendSigned(body, now, signer.sign(now, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String userId() {
        return userId;
    }

    /**
     * Every text of a Block Kit message (header, sections, context elements), joined by new lines: a button as
     * {@code [label]}, an option of an overflow menu as {@code {label}}.
     */
    public static String text(JsonNode message) {
        var out = new StringBuilder();
        message.path("blocks").forEach(block -> {
            out.append(block.path("text").path("text").asText(""));
            block.path("elements").forEach(e -> {
                if ("overflow".equals(e.path("type").asText())) {
                    e.path("options").forEach(o -> out.append('{').append(o.path("text").path("text").asText())
                            .append("} "));
                    return;
                }
                out.append(e.path("text").path("text").isMissingNode()
                        ? e.path("text").asText("") : "[" + e.path("text").path("text").asText() + "]").append(' ');
            });
            out.append('\n');
        });
        return out.toString();
    }
}
