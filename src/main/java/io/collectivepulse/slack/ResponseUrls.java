package io.collectivepulse.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says something to the member who pressed a button through the click's {@code response_url}, when the outbox
 * cannot (the database did not answer, so nothing can be written for it to send): Slack shows it to that member
 * alone. Only URLs on Slack's own hosts are called (hooks.slack.com, and the Web API's host, which tests replace),
 * asynchronously, after the click was acknowledged.
 */
final class ResponseUrls {
    private static final Logger LOG = LoggerFactory.getLogger(ResponseUrls.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Set<String> hosts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    ResponseUrls(String apiUrl) {
        this.hosts = Set.of("hooks.slack.com", URI.create(apiUrl).getHost());
    }

    /** Posts {@code text} as an ephemeral message to the member behind {@code responseUrl}; nothing if not Slack's. */
    void tell(String responseUrl, String text) {
        URI url;
        try {
            url = URI.create(responseUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            return;
        }
        if (url.getHost() == null || !hosts.contains(url.getHost())
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            LOG.warn("A response_url on another host than Slack's was not called");
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
}
