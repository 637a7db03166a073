package io.collectivepulse.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says something to the member who pressed a button or typed a command through its {@code response_url}, where
 * the Web API cannot (the bot is not in the channel, so chat.postEphemeral fails) or the outbox cannot (the database
 * did not answer, so nothing can be written for it to send): Slack shows it to that member alone. Only URLs on Slack's own hosts are called (hooks.slack.com, and the Web API's host, which tests replace),
 * an apology asynchronously, after the click was acknowledged; a notice of the outbox waiting for Slack's answer.
 */
final class ResponseUrls {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrls.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Set<String> hosts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ResponseUrls(String apiUrl) {
        this.hosts = Set.of("hooks.slack.com", URI.create(apiUrl).getHost());
    }

    /** Posts {@code text} as an ephemeral message to the member behind {@code responseUrl}; nothing if not Slack's. */
    void tell(String responseUrl, String text) {
        URI url = slacks(responseUrl);
        if (url == null) {
            return;
        }
        String body = JSON.createObjectNode().put("response_type", "ephemeral").put("replace_original", false)
                .put("text", text).toString();
        http.sendAsync(HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() >= 300) {
                        LOG.warn("Slack did not take a message for a response_url: {}",
                                failure != null ? failure.toString() : response.statusCode());
                    }
                });
    }

    /**
     * Posts the message (its fallback text and its blocks) as an ephemeral message to the member behind
     * {@code responseUrl}, and waits for Slack's answer: true when Slack took it.
     */
    boolean send(String responseUrl, String text, List<LayoutBlock> blocks) {
        URI url = slacks(responseUrl);
        if (url == null) {
            return false;
        }
        JsonObject message = new JsonObject();
        message.addProperty("response_type", "ephemeral");
        message.addProperty("replace_original", false);
        message.addProperty("text", text);
        message.add("blocks", GSON.toJsonTree(blocks));
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(GSON.toJson(message))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                LOG.warn("Slack did not take a message for a response_url: {}", response.statusCode());
            }
            return response.statusCode() < 300;
        } catch (IOException e) {
            LOG.warn("A message for a response_url could not be sent: {}", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The URL, if it is one of Slack's (null otherwise, said in the log). */
    private URI slacks(String responseUrl) {
        URI url;
        try {
            url = URI.create(responseUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
        if (url.getHost() == null || !hosts.contains(url.getHost())
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            LOG.warn("A response_url on another host than Slack's was not called");
            return null;
        }
        return url;
    }
}
