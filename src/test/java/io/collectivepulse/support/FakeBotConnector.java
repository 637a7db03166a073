package io.collectivepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A local stand-in for the Bot Connector service that a Teams activity's {@code serviceUrl} points to:
 * it records every activity the bot sends and answers like the real service, refusing (400) Adaptive Cards that
 * break the 1.5 schema and messages over Teams' size limit. Built with a check of the
 * Authorization header, it refuses (401) what the check rejects, as the real service refuses a request without
 * a token the Microsoft identity platform issued to the bot.
 */
public final class FakeBotConnector implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Teams refuses messages over about 28 KB. */
    static final int MAX_MESSAGE_BYTES = 28_000;

    private final LinkedBlockingQueue<Sent> inbox = new LinkedBlockingQueue<>();
    private final List<Sent> all = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<String> invalid = new CopyOnWriteArrayList<>();
    private final Predicate<String> authorized;
    private final Javalin server;

    /**
     * An activity the bot sent, with the conversation it targets and the Authorization header it carried.
     * {@code updatedId} is the id of the activity it replaces, for an update (PUT), and null for a new one.
     */
    public record Sent(String conversationId, String replyToId, String authorization, JsonNode activity,
                       String id, String updatedId) {
        /** Every TextRun text of the Adaptive Card attachments, in order, joined by new lines. */
        public String cardText() {
            var out = new StringBuilder();
            activity.path("attachments").forEach(a -> a.path("content").path("body").forEach(block -> {
                block.path("inlines").forEach(run -> out.append(run.path("text").asText()).append('\n'));
                block.path("actions").forEach(action -> out.append('[').append(action.path("title").asText())
                        .append("]\n"));
            }));
            return out.toString();
        }
    }

    /** A connector that takes every request, as in Emulator mode where the bot sends no token. */
    public FakeBotConnector() {
        this(authorization -> true);
    }

    /** A connector that serves only requests whose Authorization header passes {@code authorized}. */
    public FakeBotConnector(Predicate<String> authorized) {
        this.authorized = authorized;
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/v3/conversations/{conversationId}/activities", ctx -> record(ctx, null, null));
            config.routes.post("/v3/conversations/{conversationId}/activities/{activityId}",
                    ctx -> record(ctx, ctx.pathParam("activityId"), null));
            config.routes.put("/v3/conversations/{conversationId}/activities/{activityId}",
                    ctx -> record(ctx, null, ctx.pathParam("activityId")));
        }).start("127.0.0.1", 0);
    }

    /** The value to put in an activity's serviceUrl. */
    public String serviceUrl() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    /** Waits for the next activity the bot sends. */
    public Sent next(Duration timeout) throws InterruptedException {
        Sent sent = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (sent == null) {
            throw new AssertionError("The bot sent nothing to the Bot Connector within " + timeout);
        }
        return sent;
    }

    public List<Sent> all() {
        return List.copyOf(all);
    }

    /** The Authorization headers of the requests refused with 401. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** Waits for an activity matching {@code test} among all the bot sent, however many came before it. */
    public Sent await(Predicate<Sent> test, Duration timeout) {
        return Awaits.until(() -> all.stream().filter(test).findFirst(), timeout,
                () -> "The bot sent no matching activity; it sent " + all.size());
    }

    /** What was refused for breaking the Adaptive Card 1.5 schema or the Teams message size limit. */
    public List<String> invalid() {
        return List.copyOf(invalid);
    }

    private void record(Context ctx, String replyToId, String updatedId) throws Exception {
        if (!authorized.test(ctx.header("Authorization"))) {
            refused.add(String.valueOf(ctx.header("Authorization")));
            ctx.status(401).contentType("application/json")
                    .result("{\"message\":\"Authorization has been denied for this request.\"}");
            return;
        }
        JsonNode activity = JSON.readTree(ctx.body());
        List<String> problems = new java.util.ArrayList<>(AdaptiveCardSchema.violations(activity));
        if (ctx.body().length() > MAX_MESSAGE_BYTES) {
            problems.add("message of " + ctx.body().length() + " bytes, over Teams' " + MAX_MESSAGE_BYTES);
        }
        if (!problems.isEmpty()) {
            invalid.addAll(problems);
            ctx.status(400).contentType("application/json")
                    .result("{\"error\":{\"code\":\"BadArgument\",\"message\":\"Invalid activity\"}}");
            return;
        }
        String id = updatedId != null ? updatedId : UUID.randomUUID().toString();
        var sent = new Sent(ctx.pathParam("conversationId"), replyToId, ctx.header("Authorization"), activity, id,
                updatedId);
        all.add(sent);
        inbox.add(sent);
        ctx.contentType("application/json").result("{\"id\":\"" + id + "\"}");
    }

    @Override
    public void close() {
        server.stop();
    }
}
