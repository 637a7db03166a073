package io.collectivepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A local stand-in for the Bot Connector service that a Teams activity's {@code serviceUrl} points to:
 * it records every activity the bot sends and answers like the real service, refusing (400) Adaptive Cards that
 * break the 1.5 schema and messages over Teams' size limit. Built with a check of the
 * Authorization header, it refuses (401) what the check rejects, as the real service refuses a request without
 * a token the Microsoft identity platform issued to the bot. It keeps Teams' published limits per conversation
 * (7 messages a second, 8 per 2 s, 60 per 30 s) and per tenant (50 requests a second) with 429 and a
 * Retry-After, opens members' private chats ({@code POST /v3/conversations}), and plays outages and conversations
 * that refuse the bot (403) when a test asks.
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
    private final Outage outage = new Outage();
    private final Map<String, String> refusedConversations = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> arrivals = new ConcurrentHashMap<>();
    private final List<String> rateLimited = new CopyOnWriteArrayList<>();
    private final Set<String> notInstalled = ConcurrentHashMap.newKeySet();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private volatile boolean validating = true;
    private volatile Duration latency = Duration.ZERO;
    /** Teams: 50 requests a second per app and tenant, whatever the conversation. */
    private static final int[][] TENANT_WINDOWS = {{50, 1}};
    /** Teams: {count, seconds} per conversation. */
    private static final int[][] WINDOWS = {{7, 1}, {8, 2}, {60, 30}};

    /**
     * An activity the bot sent, with the conversation it targets and the Authorization header it carried.
     * {@code updatedId} is the id of the activity it replaces, for an update (PUT), and null for a new one.
     */
    public record Sent(String conversationId, String replyToId, String authorization, JsonNode activity,
                       String id, String updatedId, long arrivedNanos) {
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
            config.routes.post("/v3/conversations", this::createConversation);
            config.routes.post("/v3/conversations/{conversationId}/activities", ctx -> record(ctx, null, null));
            config.routes.post("/v3/conversations/{conversationId}/activities/{activityId}",
                    ctx -> record(ctx, ctx.pathParam("activityId"), null));
            config.routes.put("/v3/conversations/{conversationId}/activities/{activityId}",
                    ctx -> record(ctx, null, ctx.pathParam("activityId")));
            config.routes.after(ctx -> Latency.pause(latency));
        }).start("127.0.0.1", 0);
    }

    /**
     * From now on, every answer leaves {@code latency} after the request arrived, as the real service's come back
     * over the internet (for benchmarks; the limits count each request on arrival, as before).
     */
    public FakeBotConnector withLatency(Duration latency) {
        this.latency = latency;
        return this;
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
        String conversation = ctx.pathParam("conversationId").split(";")[0];
        outage.arrived(conversation);
        Outage.Phase phase = outage.now();
        if (phase != null) {
            if (phase.status() == 429) {
                outage.limited(conversation, phase.retryAfterSeconds());
                ctx.header("Retry-After", Integer.toString(phase.retryAfterSeconds()));
            }
            ctx.status(phase.status()).contentType("application/json")
                    .result("{\"error\":{\"code\":\"ServiceError\",\"message\":\"Try again later\"}}");
            return;
        }
        String refusal = refusedConversations.get(conversation);
        if (refusal != null) {
            ctx.status(403).contentType("application/json")
                    .result("{\"error\":{\"code\":\"" + refusal + "\",\"message\":\"Refused\"}}");
            return;
        }
        JsonNode activity = JSON.readTree(ctx.body());
        if (!withinLimits(conversation, tenant(activity))) {
            throttle(ctx, conversation);
            return;
        }
        List<String> problems = new java.util.ArrayList<>(validating ? AdaptiveCardSchema.violations(activity)
                : List.of());
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
                updatedId, System.nanoTime());
        all.add(sent);
        inbox.add(sent);
        ctx.contentType("application/json").result("{\"id\":\"" + id + "\"}");
    }

    /**
     * {@code POST /v3/conversations}: opens a member's private chat with the bot, as Teams does, only for members
     * the app is installed for (403 for those {@link #notInstalledFor}); the same conversation id for the same
     * member every time.
     */
    private void createConversation(Context ctx) throws Exception {
        if (!authorized.test(ctx.header("Authorization"))) {
            refused.add(String.valueOf(ctx.header("Authorization")));
            ctx.status(401).contentType("application/json")
                    .result("{\"message\":\"Authorization has been denied for this request.\"}");
            return;
        }
        JsonNode parameters = JSON.readTree(ctx.body());
        JsonNode members = parameters.path("members");
        String tenant = parameters.path("tenantId").asText(parameters.path("channelData").path("tenant").path("id")
                .asText(""));
        if (parameters.path("isGroup").asBoolean(false) || members.size() != 1
                || members.get(0).path("id").asText("").isEmpty() || tenant.isEmpty()
                || parameters.path("bot").path("id").asText("").isEmpty()) {
            invalid.add("conversation parameters: " + ctx.body());
            ctx.status(400).contentType("application/json")
                    .result("{\"error\":{\"code\":\"BadArgument\",\"message\":\"Invalid conversation\"}}");
            return;
        }
        String member = members.get(0).path("id").asText();
        if (!withinLimits(null, tenant)) {
            throttle(ctx, "tenant:" + tenant);
            return;
        }
        created.add(member);
        if (notInstalled.contains(member)) {
            ctx.status(403).contentType("application/json")
                    .result("{\"error\":{\"code\":\"Forbidden\",\"message\":\"The bot is not installed for the user\"}}");
            return;
        }
        ctx.status(201).contentType("application/json")
                .result(JSON.createObjectNode().put("id", personalConversation(member)).toString());
    }

    /** 429 with a Retry-After of a second, for going over a window of {@code scope}. */
    private void throttle(Context ctx, String scope) {
        rateLimited.add(scope);
        outage.limited(scope, 1);
        ctx.status(429).header("Retry-After", "1").contentType("application/json")
                .result("{\"error\":{\"code\":\"Throttled\",\"message\":\"Too many requests\"}}");
    }

    /**
     * From now on, cards are not checked against the Adaptive Card schema (a benchmark sending thousands of cards
     * already checked by the tests).
     */
    public FakeBotConnector withoutValidation() {
        validating = false;
        return this;
    }

    /** The id of a member's private chat with the bot, as this connector opens it. */
    public static String personalConversation(String member) {
        return "a:personal-" + member;
    }

    /** From now on, the app is not installed for these members: their private chats cannot be opened (403). */
    public void notInstalledFor(String... members) {
        notInstalled.addAll(List.of(members));
    }

    /** The members whose private chats the bot asked to open, in order, refused or not. */
    public List<String> conversationsOpened() {
        return List.copyOf(created);
    }

    /**
     * Teams' windows per conversation and per tenant, counted on arrival; a refused call counts in none.
     * {@code tenant} may be empty (an activity that names none).
     */
    private synchronized boolean withinLimits(String conversation, String tenant) {
        long now = System.nanoTime();
        Deque<Long> inConversation = conversation == null ? null
                : arrivals.computeIfAbsent("conversation:" + conversation, c -> new ArrayDeque<>());
        Deque<Long> inTenant = tenant.isEmpty() ? null : arrivals.computeIfAbsent("tenant:" + tenant,
                t -> new ArrayDeque<>());
        if (!fits(inConversation, WINDOWS, now) || !fits(inTenant, TENANT_WINDOWS, now)) {
            return false;
        }
        for (Deque<Long> times : java.util.Arrays.asList(inConversation, inTenant)) {
            if (times != null) {
                times.addLast(now);
                while (times.size() > 100) {
                    times.removeFirst();
                }
            }
        }
        return true;
    }

    private static boolean fits(Deque<Long> times, int[][] windows, long now) {
        if (times == null) {
            return true;
        }
        for (int[] window : windows) {
            long since = now - Duration.ofSeconds(window[1]).toNanos();
            if (times.stream().filter(t -> t > since).count() >= window[0]) {
                return false;
            }
        }
        return true;
    }

    /** The tenant an activity or a conversation's parameters name, or empty. */
    private static String tenant(JsonNode json) {
        String tenant = json.path("conversation").path("tenantId").asText("");
        if (tenant.isEmpty()) {
            tenant = json.path("tenantId").asText("");
        }
        return tenant.isEmpty() ? json.path("channelData").path("tenant").path("id").asText("") : tenant;
    }

    /** From now on, answers every call as each phase says (429 with its Retry-After, 502…), then normally. */
    public void outage(Outage.Phase... phases) {
        outage.start(phases);
    }

    /** Calls that arrived for a conversation inside a Retry-After this server gave for it. */
    public List<String> callsInsideRetryAfter() {
        return outage.early();
    }

    /** Answers every call for the conversation with 403 and {@code code} (BotNotInConversationRoster…). */
    public void refuse(String conversationId, String code) {
        refusedConversations.put(conversationId, code);
    }

    /** The conversations of the calls answered 429 for going over Teams' published limits. */
    public List<String> rateLimited() {
        return List.copyOf(rateLimited);
    }

    @Override
    public void close() {
        server.stop();
    }
}
