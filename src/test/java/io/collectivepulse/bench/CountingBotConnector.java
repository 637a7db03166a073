package io.collectivepulse.bench;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Bot Connector for the benchmarks: it answers the bot's replies like the real service but only counts
 * them, so that recording thousands of activities costs the load generator nothing
 * ({@code support.FakeBotConnector} keeps every one for the tests' assertions).
 */
final class CountingBotConnector implements AutoCloseable {
    private final AtomicLong received = new AtomicLong();
    private final Javalin server;

    CountingBotConnector() {
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/v3/conversations/{conversationId}/activities", this::reply);
            config.routes.post("/v3/conversations/{conversationId}/activities/{activityId}", this::reply);
        }).start("127.0.0.1", 0);
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    long received() {
        return received.get();
    }

    private void reply(Context ctx) {
        ctx.contentType("application/json").result("{\"id\":\"" + received.incrementAndGet() + "\"}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
