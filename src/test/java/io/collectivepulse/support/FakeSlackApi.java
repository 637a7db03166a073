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
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for Slack's Web API: it checks the bot token on every call, answers {@code auth.test},
 * {@code chat.postMessage}, {@code chat.postEphemeral}, {@code chat.update} and {@code users.info} (refusing messages that break the
 * Block Kit limits, updates of unknown messages, and calls over the published rate limits with 429, as Slack
 * does), and records every call it receives.
 */
public final class FakeSlackApi implements AutoCloseable {
    public static final String TEAM_ID = "T0PULSE01";
    /** chat.postMessage in one channel: about one a second, short bursts allowed (here 20). */
    public static final int POST_BURST = 20;
    public static final double POST_PER_SECOND = 1.0;

    private final String botToken;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final LinkedBlockingQueue<Call> posted = new LinkedBlockingQueue<>();
    private final List<Call> refused = new CopyOnWriteArrayList<>();
    /** {@code channel/ts} of every message posted, for {@code chat.update}'s {@code message_not_found}. */
    private final Set<String> messages = ConcurrentHashMap.newKeySet();
    private volatile boolean recording = true;
    private volatile java.time.Duration latency = java.time.Duration.ZERO;
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    private final RateLimits limits = new RateLimits();
    private volatile boolean rateLimited = true;
    private final Map<String, String> installedTokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map.Entry<String, String>> pendingCodes = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String clientId;
    private volatile String clientSecret;
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> throttles =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Javalin server;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The methods we call that Slack documents as taking a JSON body. */
    private static final Set<String> JSON_METHODS = Set.of("chat.postMessage", "chat.postEphemeral", "chat.update",
            "chat.delete", "views.publish", "views.open", "views.update");
    private final Outage outage = new Outage();
    private final Map<String, String> refusedChannels = new ConcurrentHashMap<>();
    private final Queue<Call> accepted = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<Stored>> histories = new ConcurrentHashMap<>();
    private volatile String viewRefusal;
    /** The members users.info knows, by user id: their profile as Slack gives it. */
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private volatile String usersInfoRefusal;
    /** While set, users.info answers only once it is opened (a slow Slack), at most ten seconds later. */
    private volatile java.util.concurrent.CountDownLatch usersInfoHold;

    /** A member of the workspace as users.info describes them. */
    public record Member(String id, String handle, String displayName, String realName, boolean deleted) {
    }

    /** One Web API call as received, with its form parameters decoded, and when it arrived ({@code nanoTime}). */
    public record Call(String method, String authorization, String body, Map<String, String> params,
                       long arrivedNanos) {
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
            config.routes.after(ctx -> Latency.pause(latency));
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
        Map<String, String> params = arguments(ctx, method);
        ctx.contentType("application/json");
        if (params == null) {
            ctx.result("{\"ok\":false,\"error\":\"invalid_json\"}");
            return;
        }
        var call = new Call(method, ctx.header("Authorization"), ctx.body(), params, System.nanoTime());
        if (recording) {
            calls.add(call);
        }
        if (method.equals("oauth.v2.access")) {
            ctx.result(JSON.writeValueAsString(oauthAccess(ctx, params)));
            return;
        }
        String team = teamOf(ctx.header("Authorization"));
        if (team == null) {
            ctx.result("{\"ok\":false,\"error\":\"invalid_auth\"}");
            return;
        }
        String scope = method + "/" + team;
        outage.arrived(scope);
        Outage.Phase phase = method.startsWith("chat.") ? outage.now() : null;
        if (phase != null) {
            if (phase.status() == 429) {
                outage.limited(scope, phase.retryAfterSeconds());
                ctx.header("Retry-After", Integer.toString(phase.retryAfterSeconds()));
            }
            ctx.status(phase.status()).result("{\"ok\":false,\"error\":\""
                    + (phase.status() == 429 ? "ratelimited" : "internal_error") + "\"}");
            return;
        }
        if ((rateLimited && !limits.allow(method, params.get("channel"))) || throttled(method)) {
            refused.add(call);
            outage.limited(scope, 1);
            ctx.status(429).header("Retry-After", "1").result("{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        String refusal = method.startsWith("chat.") ? refusedChannels.get(params.getOrDefault("channel", "")) : null;
        if (refusal != null) {
            ctx.result(JSON.writeValueAsString(JSON.createObjectNode().put("ok", false).put("error", refusal)));
            return;
        }
        JsonNode answer = switch (method) {
            case "auth.test" -> JSON.readTree("""
                    {"ok":true,"url":"https://pulse-test.slack.com/","team":"Pulse test","user":"pulse",
                     "team_id":"%s","user_id":"U0BOT0001","bot_id":"B0BOT0001","is_enterprise_install":false}
                    """.formatted(team));
            case "chat.postMessage", "chat.postEphemeral" -> post(call);
            case "chat.update" -> update(call);
            case "conversations.history" -> history(call);
            case "views.open" -> openView(call);
            case "views.publish" -> publishView(call);
            case "users.info" -> usersInfo(call, team);
            default -> JSON.readTree("{\"ok\":false,\"error\":\"unknown_method\"}");
        };
        ctx.result(JSON.writeValueAsString(answer));
        if (method.startsWith("chat.")) {
            posted.add(call);
            if (answer.path("ok").asBoolean()) {
                accepted.add(call);
            }
        }
    }

    /**
     * users.info: the member's object in the shape Slack gives it (java-slack-sdk's json-logs sample), with the names
     * set by {@link #member}; {@code user_not_found} for anyone else, or the refusal set by {@link #refuseUsersInfo}.
     */
    private JsonNode usersInfo(Call call, String team) throws InterruptedException {
        var hold = usersInfoHold;
        if (hold != null) {
            hold.await(10, TimeUnit.SECONDS);
        }
        String refusal = usersInfoRefusal;
        if (refusal != null) {
            return JSON.createObjectNode().put("ok", false).put("error", refusal);
        }
        Member member = members.get(call.params().getOrDefault("user", ""));
        if (member == null) {
            return JSON.createObjectNode().put("ok", false).put("error", "user_not_found");
        }
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        ObjectNode user = answer.putObject("user").put("id", member.id()).put("team_id", team)
                .put("name", member.handle()).put("deleted", member.deleted()).put("color", "9f69e7")
                .put("real_name", member.realName()).put("tz", "Europe/Paris").put("tz_label", "Central European Time")
                .put("tz_offset", 3600);
        user.putObject("profile").put("title", "").put("phone", "").put("skype", "")
                .put("real_name", member.realName()).put("real_name_normalized", member.realName())
                .put("display_name", member.displayName()).put("display_name_normalized", member.displayName())
                .put("status_text", "").put("status_emoji", "").put("avatar_hash", "ge3b51ca72de")
                .put("first_name", "").put("last_name", "").put("team", team);
        user.put("is_admin", false).put("is_owner", false).put("is_primary_owner", false).put("is_restricted", false)
                .put("is_ultra_restricted", false).put("is_bot", false).put("is_app_user", false)
                .put("updated", 1_700_000_000L).put("is_email_confirmed", true);
        return answer;
    }

    /** Declares a member users.info describes: their handle ({@code name}), display name and real name. */
    public void member(String id, String handle, String displayName, String realName) {
        members.put(id, new Member(id, handle, displayName, realName, false));
    }

    /**
     * Holds every users.info call until the returned action runs, as a slow Slack would (ten seconds at most); the
     * calls held are recorded as they arrive.
     */
    public Runnable holdUsersInfo() {
        var hold = new java.util.concurrent.CountDownLatch(1);
        usersInfoHold = hold;
        return () -> {
            usersInfoHold = null;
            hold.countDown();
        };
    }

    /** Answers every users.info call with {@code ok: false} and {@code error} (null: answers again). */
    public void refuseUsersInfo(String error) {
        usersInfoRefusal = error;
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
        messages.add(call.params().get("channel") + "/" + ts);
        if (call.method().equals("chat.postMessage")) {
            histories.computeIfAbsent(call.params().get("channel"), c -> new ConcurrentLinkedQueue<>())
                    .add(new Stored(ts, call.params().getOrDefault("text", ""), call.params().get("metadata")));
        }
        return JSON.createObjectNode().put("ok", true).put("channel", call.params().get("channel")).put("ts", ts);
    }

    /** A message as the channel keeps it, for conversations.history. */
    private record Stored(String ts, String text, String metadata) {
    }

    /** conversations.history: the channel's messages since {@code oldest}, newest first, metadata included. */
    private JsonNode history(Call call) throws IOException {
        double oldest = Double.parseDouble(call.params().getOrDefault("oldest", "0"));
        var messages = JSON.createArrayNode();
        List<Stored> stored = new java.util.ArrayList<>(histories.getOrDefault(call.params().get("channel"),
                new ConcurrentLinkedQueue<>()));
        java.util.Collections.reverse(stored);
        for (Stored message : stored) {
            if (Double.parseDouble(message.ts()) >= oldest) {
                ObjectNode node = messages.addObject().put("type", "message").put("ts", message.ts())
                        .put("text", message.text());
                if (message.metadata() != null
                        && List.of("true", "1").contains(call.params().get("include_all_metadata"))) {
                    node.set("metadata", JSON.readTree(message.metadata()));
                }
            }
        }
        ObjectNode answer = JSON.createObjectNode().put("ok", true).put("has_more", false);
        answer.set("messages", messages);
        return answer;
    }

    /** chat.update: only a message this server accepted before, and within the Block Kit limits. */
    private JsonNode update(Call call) {
        if (!messages.contains(call.params().get("channel") + "/" + call.params().get("ts"))) {
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

    /**
     * A call's arguments: the form's fields, or the top-level fields of a JSON body, which Slack takes for its write
     * methods only, with the token in the Authorization header (strings as they are, objects and arrays as the JSON
     * text a form would carry); the tests' response_urls ({@code respond.*}) take JSON too. Null for a JSON body
     * Slack would not read: not an object, or sent to a method that takes forms only.
     */
    private static Map<String, String> arguments(Context ctx, String method) throws IOException {
        Map<String, String> params = new HashMap<>();
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.startsWith("application/json")) {
            ctx.formParamMap().forEach((name, values) -> params.put(name, values.get(0)));
            return params;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            return null;
        }
        boolean responseUrl = method.startsWith("respond.");
        if (body == null || !body.isObject() || !(JSON_METHODS.contains(method) || responseUrl)) {
            return null;
        }
        body.fields().forEachRemaining(field -> params.put(field.getKey(),
                field.getValue().isContainerNode() ? field.getValue().toString() : field.getValue().asText()));
        return params;
    }

    /** The workspace whose bot token is in the Authorization header, or null for an unknown token. */
    private String teamOf(String authorization) {
        if (("Bearer " + botToken).equals(authorization)) {
            return TEAM_ID;
        }
        return authorization == null || !authorization.startsWith("Bearer ") ? null
                : installedTokens.get(authorization.substring("Bearer ".length()));
    }

    /** Accepts OAuth installations for this app: {@code code} will install the app in {@code team}. */
    public void acceptInstallation(String clientId, String clientSecret, String code, String team, String token) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        pendingCodes.put(code, Map.entry(team, token));
    }

    /** oauth.v2.access: the client's id and secret (form or HTTP Basic), then a code used once. */
    private JsonNode oauthAccess(Context ctx, Map<String, String> params) {
        String id = params.get("client_id");
        String secret = params.get("client_secret");
        String basic = ctx.header("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(java.util.Base64.getDecoder().decode(basic.substring(6)),
                    java.nio.charset.StandardCharsets.UTF_8).split(":", 2);
            id = pair[0];
            secret = pair.length > 1 ? pair[1] : "";
        }
        if (clientId == null || !clientId.equals(id) || !clientSecret.equals(secret)) {
            return JSON.createObjectNode().put("ok", false).put("error", "invalid_client_id");
        }
        var install = pendingCodes.remove(params.getOrDefault("code", ""));
        if (install == null) {
            return JSON.createObjectNode().put("ok", false).put("error", "invalid_code");
        }
        installedTokens.put(install.getValue(), install.getKey());
        ObjectNode answer = JSON.createObjectNode().put("ok", true).put("app_id", "A0PULSE")
                .put("access_token", install.getValue()).put("token_type", "bot")
                .put("scope", "app_mentions:read,commands,chat:write").put("bot_user_id", "U0BOT" + install.getKey())
                .put("is_enterprise_install", false);
        answer.putObject("team").put("id", install.getKey()).put("name", "Workspace " + install.getKey());
        answer.putNull("enterprise");
        answer.putObject("authed_user").put("id", "U0INSTALLER");
        return answer;
    }

    /** Answers the next views.open with {@code ok: false} and {@code error} (an expired trigger, for instance). */
    public void refuseNextView(String error) {
        viewRefusal = error;
    }

    /** views.open: a trigger id is required, and the modal must keep Slack's published limits. */
    private JsonNode openView(Call call) {
        String refusal = viewRefusal;
        if (refusal != null) {
            viewRefusal = null;
            return JSON.createObjectNode().put("ok", false).put("error", refusal);
        }
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

    /**
     * views.publish: a member's Home tab; the view must be of type home, with the Block Kit limits of a message
     * (100 blocks are allowed in a home, but ours keep to 50).
     */
    private JsonNode publishView(Call call) throws IOException {
        List<String> problems = new java.util.ArrayList<>();
        if (!call.params().getOrDefault("user_id", "").matches("[UW][A-Z0-9]{2,40}")) {
            problems.add("missing or invalid user_id");
        }
        JsonNode view = JSON.readTree(call.params().getOrDefault("view", "{}"));
        if (!"home".equals(view.path("type").asText())) {
            problems.add("a published view must be of type home");
        }
        problems.addAll(BlockKitLimits.violations(view));
        if (!problems.isEmpty()) {
            refused.add(call);
            return JSON.createObjectNode().put("ok", false).put("error", "invalid_arguments")
                    .set("response_metadata", JSON.createObjectNode().set("messages", JSON.valueToTree(problems)));
        }
        return JSON.createObjectNode().put("ok", true).set("view", JSON.createObjectNode().put("id", "V0HOME"));
    }

    /** The home views the service published, as sent, with the member each was for. */
    public List<Call> publishedHomes() {
        return calls("views.publish");
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

    /**
     * Lifts the per-channel and per-method rate limits, for benchmarks that push hundreds of signals a second into
     * one channel: they measure the service's own cost, not Slack's limits.
     */
    public FakeSlackApi withoutRateLimits() {
        rateLimited = false;
        return this;
    }

    /** Enforces the published rate limits again (on), or lifts them (off), from now on. */
    public void enforceRateLimits(boolean on) {
        rateLimited = on;
    }

    /**
     * Keeps no call, only the ids of the messages posted, for benchmarks that post hundreds of thousands: a
     * growing record made the fake slower and slower over a run, on the CPU the service is measured on.
     */
    /**
     * From now on, every answer leaves {@code latency} after the request arrived, as Slack's come back over the
     * internet (for benchmarks; the limits count each call on arrival, as before).
     */
    public FakeSlackApi withLatency(java.time.Duration latency) {
        this.latency = latency;
        return this;
    }

    public FakeSlackApi withoutRecording() {
        recording = false;
        return this;
    }

    /**
     * From now on, answers every {@code chat.*} call as each phase says, one after the other (429 with its
     * Retry-After, or a 5xx), then normally again.
     */
    public void outage(Outage.Phase... phases) {
        outage.start(phases);
    }

    /** Calls that arrived for a method and workspace inside a Retry-After this server gave for them. */
    public List<String> callsInsideRetryAfter() {
        return outage.early();
    }

    /** Answers every {@code chat.*} call for {@code channel} with {@code ok: false} and {@code error}. */
    public void refuse(String channel, String error) {
        refusedChannels.put(channel, error);
    }

    /** The {@code chat.*} calls of {@code method} this server accepted ({@code ok: true}), in order. */
    public List<Call> accepted(String method) {
        return accepted.stream().filter(c -> c.method().equals(method)).toList();
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

    /** Same, without the calls of the methods a test asked to throttle (and chat.update when it throttled any). */
    public List<Call> refusedUnexpectedly() {
        return refused.stream().filter(c -> !throttles.containsKey(c.method()))
                .filter(c -> !c.method().equals("chat.update") || throttles.isEmpty()).toList();
    }

    /** Waits for a chat.* call matching {@code test} among all received, however many came before it. */
    public Call await(java.util.function.Predicate<Call> test, Duration timeout) {
        return Awaits.until(() -> calls.stream()
                .filter(call -> call.method().startsWith("chat.") || call.method().startsWith("views."))
                .filter(test).findFirst(), timeout, () -> "Slack received no matching call; it received "
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
