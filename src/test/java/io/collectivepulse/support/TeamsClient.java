package io.collectivepulse.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * Posts real Teams activities to the service: the recorded payloads from the conformance folder, with
 * their text and serviceUrl replaced.
 */
public final class TeamsClient {
    public static final String CHANNEL_MENTION = "message.channel-mention.show-members";
    public static final String PERSONAL = "message.personal.text";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningService service;
    private final String serviceUrl;

    public TeamsClient(RunningService service, FakeBotConnector connector) {
        this.service = service;
        this.serviceUrl = connector.serviceUrl();
    }

    /** A recorded activity, ready to send, with a fresh id. */
    public static ObjectNode recorded(String name) {
        String path = "/conformance/botframework/teams-activities-recorded/" + name + ".activity.json";
        try (InputStream in = TeamsClient.class.getResourceAsStream(path)) {
            ObjectNode activity = (ObjectNode) JSON.readTree(in);
            activity.put("id", UUID.randomUUID().toString());
            return activity;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded channel message with the bot's @mention, saying {@code text} in this service's test. */
    public ObjectNode channelMessage(String text) {
        ObjectNode activity = recorded(CHANNEL_MENTION);
        activity.put("text", "<at>My Combined</at>" + text);
        activity.put("serviceUrl", serviceUrl);
        return activity;
    }

    public ObjectNode personalMessage(String text) {
        ObjectNode activity = recorded(PERSONAL);
        activity.put("text", text);
        activity.put("serviceUrl", serviceUrl);
        return activity;
    }

    /**
     * The invoke Teams sends when a member presses an {@code Action.Execute} button on a card of
     * {@code activity}'s conversation, as that activity's sender.
     */
    public static ObjectNode execute(ObjectNode activity, String action, String value) {
        ObjectNode invoke = activity.deepCopy();
        invoke.put("type", "invoke").put("name", "adaptiveCard/action").put("id", UUID.randomUUID().toString());
        invoke.remove("text");
        invoke.remove("entities");
        ObjectNode executed = invoke.putObject("value").put("trigger", "manual");
        executed.putObject("action").put("type", "Action.Execute").put("verb", action)
                .putObject("data").put("action", action).put("value", value);
        return invoke;
    }

    public HttpResponse<String> post(ObjectNode activity) {
        return post(activity, Map.of());
    }

    public HttpResponse<String> post(ObjectNode activity, Map<String, String> headers) {
        try {
            return Http.post(service.url("/api/messages"), "application/json", JSON.writeValueAsString(activity),
                    headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
