package io.collectivepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for Slack's Web API: it checks the bot token on every call, answers {@code auth.test},
 * {@code chat.postMessage}, {@code chat.postEphemeral} and {@code chat.update} (refusing messages that break the
 * Block Kit limits, updates of unknown messages, and calls over the published rate limits with 429, as Slack
 * does), and records every call it receives.
 */
public final class FakeSlackApi implements AutoCloseable {
    public static final String TEAM_ID = "T0PULSE01";

    private final String botToken;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Call> posted = new LinkedBlockingQueue<>();
    private final List<Call> refused = new CopyOnWriteArrayList<>();
    private final Map<String, Call> messages = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    private final RateLimits limits = new RateLimits();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> throttles =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Javalin server;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Web API call as received, with its form parameters decoded. */
    public record Call(String method, String authorization, String body, Map<String, String> params) {
        /** The message as Slack would store it: {@code text} and {@code blocks}. */
        public JsonNode message() {
            try {
                ObjectNode message = JSON.createObjectNode().put("text", params.getOrDefault("text", ""));
                message.set("blocks", JSON.readTree(params.getOrDefault("blocks", "[]")));
                return message;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public FakeSlackApi(String botToken) {
        this.botToken = botToken;
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/api/{method}", this::handle);
        }).start("127.0.0.1", 0);
    }

    /** The value for SLACK_API_URL. */
    public String url() {
        return "http://127.0.0.1:" + server.port() + "/api/";
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    private void handle(Context ctx) throws Exception {
        String method = ctx.pathParam("method");
        Map<String, String> params = new HashMap<>();
        ctx.formParamMap().forEach((name, values) -> params.put(name, values.get(0)));
        var call = new Call(method, ctx.header("Authorization"), ctx.body(), params);
        calls.add(call);
        ctx.contentType("application/json");
        if (!("Bearer " + botToken).equals(ctx.header("Authorization"))) {
            ctx.result("{\"ok\":false,\"error\":\"invalid_auth\"}");
            return;
        }
        if (!limits.allow(method, params.get("channel")) || throttled(method)) {
            refused.add(call);
            ctx.status(429).header("Retry-After", "1").result("{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        JsonNode answer = switch (method) {
            case "auth.test" -> JSON.readTree("""
                    {"ok":true,"url":"https://pulse-test.slack.com/","team":"Pulse test","user":"pulse",
                     "team_id":"%s","user_id":"U0BOT0001","bot_id":"B0BOT0001","is_enterprise_install":false}
                    """.formatted(TEAM_ID));
            case "chat.postMessage", "chat.postEphemeral" -> post(call);
            case "chat.update" -> update(call);
            case "views.open" -> openView(call);
            default -> JSON.readTree("{\"ok\":false,\"error\":\"unknown_method\"}");
        };
        ctx.result(JSON.writeValueAsString(answer));
        if (method.startsWith("chat.")) {
            posted.add(call);
        }
    }

    /** Refuses, as Slack does, a message that breaks the Block Kit limits. */
    private JsonNode post(Call call) {
        List<String> problems = BlockKitLimits.violations(call.message());
        if (!problems.isEmpty()) {
            refused.add(call);
            return JSON.createObjectNode().put("ok", false).put("error", "invalid_blocks")
                    .set("response_metadata", JSON.createObjectNode().set("messages", JSON.valueToTree(problems)));
        }
        String ts = String.format("%d.%06d", System.currentTimeMillis() / 1000, sequence.incrementAndGet());
        messages.put(call.params().get("channel") + "/" + ts, call);
        return JSON.createObjectNode().put("ok", true).put("channel", call.params().get("channel")).put("ts", ts);
    }

    /** chat.update: only a message this server accepted before, and within the Block Kit limits. */
    private JsonNode update(Call call) {
        if (!messages.containsKey(call.params().get("channel") + "/" + call.params().get("ts"))) {
            refused.add(call);
            return JSON.createObjectNode().put("ok", false).put("error", "message_not_found");
        }
        List<String> problems = BlockKitLimits.violations(call.message());
        if (!problems.isEmpty()) {
            refused.add(call);
            return JSON.createObjectNode().put("ok", false).put("error", "invalid_blocks");
        }
        return JSON.createObjectNode().put("ok", true).put("channel", call.params().get("channel"))
                .put("ts", call.params().get("ts"));
    }

    /** views.open: a trigger id is required, and the modal must keep Slack's published limits. */
    private JsonNode openView(Call call) {
        List<String> problems = new java.util.ArrayList<>();
        if (call.params().getOrDefault("trigger_id", "").isEmpty()) {
            problems.add("missing trigger_id");
        }
        try {
            JsonNode view = JSON.readTree(call.params().getOrDefault("view", "{}"));
            problems.addAll(BlockKitLimits.modalViolations(view));
        } catch (IOException e) {
            problems.add("view is not JSON");
        }
        if (!problems.isEmpty()) {
            refused.add(call);
            return JSON.createObjectNode().put("ok", false).put("error", "invalid_arguments")
                    .set("response_metadata", JSON.createObjectNode().set("messages", JSON.valueToTree(problems)));
        }
        return JSON.createObjectNode().put("ok", true).set("view", JSON.createObjectNode().put("id", "V0PULSE"));
    }

    /** The views the service opened, as sent. */
    public List<JsonNode> openedViews() {
        return calls("views.open").stream().map(c -> {
            try {
                return JSON.readTree(c.params().get("view"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** Answers the next {@code count} calls of {@code method} with 429, as Slack does under load. */
    public void throttleNext(String method, int count) {
        throttles.put(method, new java.util.concurrent.atomic.AtomicInteger(count));
    }

    private boolean throttled(String method) {
        var left = throttles.get(method);
        return left != null && left.getAndDecrement() > 0;
    }

    /** Calls refused for breaking a published limit: Block Kit sizes, rate limits, unknown messages. */
    public List<Call> refused() {
        return List.copyOf(refused);
    }

    /** Same, without the calls a test asked to throttle. */
    public List<Call> refusedUnexpectedly() {
        return refused.stream().filter(c -> !c.method().equals("chat.update") || throttles.isEmpty()).toList();
    }

    /** Waits for a chat.* call matching {@code test} among all received, however many came before it. */
    public Call await(java.util.function.Predicate<Call> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Call call : calls) {
                if ((call.method().startsWith("chat.") || call.method().startsWith("views.")) && test.test(call)) {
                    return call;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Slack received no matching call within " + timeout + "; it received "
                + calls.stream().filter(c -> c.method().startsWith("chat."))
                        .map(c -> c.method() + " " + c.params().get("channel") + " " + c.message()).toList());
    }

    /** Waits for the next chat.* message the service posts. */
    public Call nextPost(Duration timeout) throws InterruptedException {
        Call call = posted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (call == null) {
            throw new AssertionError("The service posted nothing to Slack within " + timeout);
        }
        return call;
    }

    @Override
    public void close() {
        server.stop();
    }
}
