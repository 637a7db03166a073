package io.collectivepulse.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for Slack's Web API: it checks the bot token on every call, answers {@code auth.test}
 * and records every call it receives.
 */
public final class FakeSlackApi implements AutoCloseable {
    public static final String TEAM_ID = "T0PULSE01";

    private final String botToken;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Javalin server;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Web API call as received. */
    public record Call(String method, String authorization, String body) {
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
        calls.add(new Call(method, ctx.header("Authorization"), ctx.body()));
        ctx.contentType("application/json");
        if (!("Bearer " + botToken).equals(ctx.header("Authorization"))) {
            ctx.result("{\"ok\":false,\"error\":\"invalid_auth\"}");
            return;
        }
        JsonNode answer = switch (method) {
            case "auth.test" -> JSON.readTree("""
                    {"ok":true,"url":"https://pulse-test.slack.com/","team":"Pulse test","user":"pulse",
                     "team_id":"%s","user_id":"U0BOT0001","bot_id":"B0BOT0001","is_enterprise_install":false}
                    """.formatted(TEAM_ID));
            default -> JSON.readTree("{\"ok\":false,\"error\":\"unknown_method\"}");
        };
        ctx.result(JSON.writeValueAsString(answer));
    }

    @Override
    public void close() {
        server.stop();
    }
}
