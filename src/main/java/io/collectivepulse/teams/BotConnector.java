package io.collectivepulse.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.authentication.AppCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The three Bot Connector calls the outbox makes — post an activity in a conversation (or in a message's thread),
 * replace one, open a conversation — as plain JSON over the JDK's HTTP client, with the bot's token when it has
 * credentials. The retired SDK's REST stack (Retrofit, OkHttp and a reflective serializer) cost about half of the
 * CPU of sending, measured with JDK Flight Recorder during the H-1 reminders benchmark; inbound activities still go
 * through the SDK, which checks their tokens. No retries here: the outbox retries, paced.
 */
final class BotConnector {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /** What the Bot Connector answered: its status, its JSON body (empty object if none), its Retry-After. */
    record Answer(int status, JsonNode body, Optional<String> retryAfter) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The error code of a refusal ({@code {"error":{"code":…}}}), or "". */
        String errorCode() {
            return body.path("error").path("code").asText("");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    /** The bot's credentials; null in Emulator mode, where calls carry no token. */
    private final AppCredentials credentials;

    BotConnector(AppCredentials credentials) {
        this.credentials = credentials;
    }

    /** Posts {@code activity} in the conversation, or in the thread of {@code replyToId} when it is not null. */
    Answer post(String serviceUrl, String conversationId, String replyToId, ObjectNode activity) throws IOException {
        String path = "v3/conversations/" + segment(conversationId) + "/activities"
                + (replyToId == null ? "" : "/" + segment(replyToId));
        return call("POST", serviceUrl, path, activity);
    }

    /** Replaces the activity {@code activityId} of the conversation. */
    Answer update(String serviceUrl, String conversationId, String activityId, ObjectNode activity)
            throws IOException {
        return call("PUT", serviceUrl, "v3/conversations/" + segment(conversationId) + "/activities/"
                + segment(activityId), activity);
    }

    /** Opens a conversation ({@code POST /v3/conversations}); the answer's body holds its id. */
    Answer createConversation(String serviceUrl, ObjectNode parameters) throws IOException {
        return call("POST", serviceUrl, "v3/conversations", parameters);
    }

    private Answer call(String method, String serviceUrl, String path, ObjectNode body) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(serviceUrl.endsWith("/") ? serviceUrl + path
                        : serviceUrl + "/" + path))
                .timeout(CALL_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (credentials != null) {
            request.header("Authorization", "Bearer " + credentials.getToken().join());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling the Bot Connector", e);
        }
        JsonNode answer = JSON.createObjectNode();
        if (response.body().length > 0) {
            try {
                answer = JSON.readTree(response.body());
            } catch (IOException notJson) {
                // A proxy's HTML error page: the status says enough.
            }
        }
        return new Answer(response.statusCode(), answer == null ? JSON.createObjectNode() : answer,
                response.headers().firstValue("Retry-After"));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
