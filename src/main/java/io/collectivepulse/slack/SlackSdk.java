package io.collectivepulse.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.SlackApiException;
import com.slack.api.util.http.SlackHttpClient;
import io.collectivepulse.delivery.Outbox;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** The Slack SDK and Bolt as this service configures them: what each setting buys is said beside it. */
final class SlackSdk {
    private SlackSdk() {
    }

    /** The Web API client, on {@code apiUrl} (Slack's, or a test's stand-in). */
    static Slack client(String apiUrl) {
        var slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        // The SDK's per-method call statistics walk a list of every call of the last minute on each call: a
        // quarter of the CPU at a few hundred card posts a second. Nothing reads them here.
        slackConfig.setStatsEnabled(false);
        // A slow Slack delays its own messages in the outbox, never more than this per call.
        slackConfig.setHttpClientReadTimeoutMillis(10_000);
        slackConfig.setHttpClientWriteTimeoutMillis(10_000);
        slackConfig.setHttpClientCallTimeoutMillis(15_000);
        // One connection kept open per sending thread of the outbox: OkHttp keeps five by default, and each call
        // beyond them would open (and, with Slack, shake hands on) a connection of its own.
        OkHttpClient okHttp = SlackHttpClient.buildOkHttpClient(slackConfig).newBuilder()
                .connectionPool(new ConnectionPool(Outbox.SENDING_THREADS, 5, TimeUnit.MINUTES))
                .build();
        var http = new SlackHttpClient(okHttp);
        http.setConfig(slackConfig);
        return Slack.getInstance(slackConfig, http);
    }

    /**
     * The Web API client for {@code users.info}, called while the outbox draws a card: a name is not worth holding a
     * card back long, so a slow Slack gives up after a few seconds and the card shows the name kept.
     */
    static Slack lookups(String apiUrl) {
        var slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        slackConfig.setStatsEnabled(false);
        slackConfig.setHttpClientReadTimeoutMillis(3_000);
        slackConfig.setHttpClientWriteTimeoutMillis(3_000);
        slackConfig.setHttpClientCallTimeoutMillis(4_000);
        return Slack.getInstance(slackConfig);
    }

    /** Bolt's configuration, before the workspace's token or the OAuth installation is added to it. */
    static AppConfig.AppConfigBuilder app(String signingSecret, Slack slack) {
        return AppConfig.builder()
                .signingSecret(signingSecret)
                .slack(slack)
                // Verified in constant time by the bridge, before anything reaches Bolt.
                .requestVerificationEnabled(false)
                // Bolt checks each workspace's token with auth.test: once an hour, not on every request.
                .authTestCacheEnabled(true)
                .authTestCacheExpirationMillis(TimeUnit.HOURS.toMillis(1));
    }

    /** What a refused call's {@code Retry-After} header asks for: at least a second, a second when it says nothing. */
    static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            return Duration.ofSeconds(header == null ? 1 : Math.max(1, Long.parseLong(header.strip())));
        } catch (NumberFormatException ignored) {
            return Duration.ofSeconds(1);
        }
    }
}
