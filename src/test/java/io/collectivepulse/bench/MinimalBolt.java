package io.collectivepulse.bench;

import com.slack.api.bolt.App;
import io.javalin.http.Handler;

/**
 * Baseline: the smallest Bolt app behind the same kind of Javalin bridge as {@code SlackBridge} ({@link
 * BoltBridge}), configured like ours but with Bolt's own signature check, and a {@code /signal} handler and
 * a button handler that only ack.
 */
final class MinimalBolt {
    private MinimalBolt() {
    }

    static Handler handler(String signingSecret, String botToken, String apiUrl) {
        var app = new App(BoltBridge.config(signingSecret, botToken, apiUrl));
        app.command("/signal", (request, ctx) -> ctx.ack());
        app.blockAction(java.util.regex.Pattern.compile(".*"), (request, ctx) -> ctx.ack());
        return new BoltBridge(app);
    }
}
