package io.collectivepulse.support;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the Microsoft identity platform's v2.0 token endpoint
 * ({@code /{tenant}/oauth2/v2.0/token}): it grants the client-credentials flow to one app, for the Bot
 * Connector scope only, and remembers the tokens it issued so the fake Bot Connector can check them.
 */
public final class FakeIdentityPlatform implements AutoCloseable {
    public static final String BOT_CONNECTOR_SCOPE = "https://api.botframework.com/.default";
    public static final long EXPIRES_IN_SECONDS = 3599;

    private final String clientId;
    private final String clientSecret;
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Javalin server;

    /** A token request as received; the secret is kept out on purpose. */
    public record TokenRequest(String tenant, String grantType, String clientId, String scope, int status) {
    }

    public FakeIdentityPlatform(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/{tenant}/oauth2/v2.0/token", this::token);
        }).start("127.0.0.1", 0);
    }

    /** The value for MICROSOFT_LOGIN_URL. */
    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    /** Whether an Authorization header carries a token this platform issued. */
    public boolean issued(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ")
                && issued.contains(authorization.substring("Bearer ".length()));
    }

    private void token(Context ctx) {
        String grantType = ctx.formParam("grant_type");
        String scope = ctx.formParam("scope");
        int status;
        String body;
        if (!"client_credentials".equals(grantType)) {
            status = 400;
            body = "{\"error\":\"unsupported_grant_type\"}";
        } else if (!clientId.equals(ctx.formParam("client_id"))
                || !clientSecret.equals(ctx.formParam("client_secret"))) {
            status = 401;
            body = "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret.\"}";
        } else if (!BOT_CONNECTOR_SCOPE.equals(scope)) {
            status = 400;
            body = "{\"error\":\"invalid_scope\"}";
        } else {
            String token = "fake-access-token-" + UUID.randomUUID();
            issued.add(token);
            status = 200;
            body = """
                    {"token_type":"Bearer","expires_in":%d,"ext_expires_in":%d,"access_token":"%s"}
                    """.formatted(EXPIRES_IN_SECONDS, EXPIRES_IN_SECONDS, token);
        }
        requests.add(new TokenRequest(ctx.pathParam("tenant"), grantType, ctx.formParam("client_id"), scope, status));
        ctx.status(status).contentType("application/json").result(body);
    }

    @Override
    public void close() {
        server.stop();
    }
}
