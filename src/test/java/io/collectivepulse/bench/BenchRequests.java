package io.collectivepulse.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.SlackSigner;
import io.collectivepulse.support.TeamsClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests of the load: signed {@code /signal} slash commands as Slack sends them (form-encoded, signed
 * when sent), spread over {@value #CHANNELS} channels each linked to a community of its own, and the recorded Teams
 * personal message saying {@code signal …}; each with its own number, from {@value #USERS} members in turn (one
 * member posting hundreds of signals a second would only measure the lock on that member's row).
 */
final class BenchRequests {
    static final String CHANNELS_PREFIX = "C0BENCH";
    static final String CARD_CHANNELS_PREFIX = "C0CARD";
    static final int CHANNELS = 100;
    static final int USERS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("Signal de charge (\\d+)\\b");

    private BenchRequests() {
    }

    /** The {@code n}th of the channels named with {@code prefix}. */
    static String channel(String prefix, long n) {
        return prefix + "%03d".formatted(n % CHANNELS);
    }

    /** One Slack slash command in this channel, signed now. */
    static HttpRequest slack(String url, SlackSigner signer, String channel, String command, String text) {
        return slack(url, signer, channel, "U0BENCH", command, text);
    }

    static HttpRequest slack(String url, SlackSigner signer, String channel, String user, String command,
                                     String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "deprecated-verification-token");
        form.put("team_id", FakeSlackApi.TEAM_ID);
        form.put("team_domain", "pulse-bench");
        form.put("channel_id", channel);
        form.put("channel_name", "bench");
        form.put("user_id", user);
        form.put("user_name", "bench");
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0PULSE");
        form.put("response_url", "https://hooks.slack.com/commands/" + FakeSlackApi.TEAM_ID + "/1/x");
        form.put("trigger_id", "1.2.3");
        return signed(url, signer, Http.form(form));
    }

    /** A form-encoded body as Slack posts it, signed now. */
    static HttpRequest signed(String url, SlackSigner signer, String body) {
        long now = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(now))
                .header("X-Slack-Signature", signer.sign(now, body))
                .timeout(LoadGenerator.REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** {@code /signal} commands, numbered, in the channels named with {@code prefix} in turn. */
    static Supplier<HttpRequest> slackSignals(String url, SlackSigner signer, String prefix) {
        var counter = new AtomicLong();
        return () -> {
            long n = counter.incrementAndGet();
            return slack(url, signer, channel(prefix, n), "U0BENCH" + n % USERS, "/signal", text(n));
        };
    }

    /** The text of the {@code n}th signal; {@link #number} reads {@code n} back from the card that shows it. */
    static String text(long n) {
        return "Signal de charge " + n + " #bench";
    }

    /** The number of the signal a posted message shows, or -1. */
    static long number(String message) {
        Matcher matcher = NUMBER.matcher(message);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** One Teams personal message with this text, in the bench's conversation. */
    static HttpRequest teams(String url, String serviceUrl, String text) {
        ObjectNode activity = TeamsClient.recorded(TeamsClient.PERSONAL);
        activity.put("text", text).put("serviceUrl", serviceUrl);
        return teamsRequest(url, json(activity));
    }

    /** {@code signal …} messages, numbered; the JSON is built once and only the id and number change. */
    static Supplier<HttpRequest> teamsSignals(String url, String serviceUrl) {
        ObjectNode activity = TeamsClient.recorded(TeamsClient.PERSONAL);
        activity.put("text", "signal Signal de charge NUMBER #bench").put("serviceUrl", serviceUrl).put("id", "ID");
        ((ObjectNode) activity.path("from")).put("id", "29:bench-member-USER").put("aadObjectId", "USER");
        String template = json(activity);
        var counter = new AtomicLong();
        return () -> {
            long n = counter.incrementAndGet();
            return teamsRequest(url, template
                    .replace("\"ID\"", "\"" + UUID.randomUUID() + "\"")
                    .replace("NUMBER", Long.toString(n))
                    .replace("USER", Long.toString(n % USERS)));
        };
    }

    private static HttpRequest teamsRequest(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(LoadGenerator.REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String json(ObjectNode activity) {
        try {
            return JSON.writeValueAsString(activity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
