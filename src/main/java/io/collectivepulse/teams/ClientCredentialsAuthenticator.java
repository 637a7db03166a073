package io.collectivepulse.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.bot.connector.authentication.Authenticator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Gets the bot's access token with the OAuth 2.0 client-credentials grant from a Microsoft identity platform
 * v2.0 token endpoint, and reuses it until five minutes before it expires.
 *
 * <p>This replaces the SDK's MSAL-based authenticator because MSAL only accepts https authorities that it can
 * discover on Microsoft's cloud, so its token endpoint could never be configured.
 */
final class ClientCredentialsAuthenticator implements Authenticator {
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI tokenEndpoint;
    private final String form;
    private final String scope;
    private final Clock clock;
    private CompletableFuture<AccessToken> current;

    ClientCredentialsAuthenticator(URI tokenEndpoint, String clientId, String clientSecret, String scope,
                                   Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.scope = scope;
        this.clock = clock;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "client_credentials");
        fields.put("client_id", clientId);
        fields.put("client_secret", clientSecret);
        fields.put("scope", scope);
        this.form = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public synchronized CompletableFuture<IAuthenticationResult> acquireToken() {
        // Concurrent replies share one request; a failed request is retried by the next reply.
        if (current == null || current.isCompletedExceptionally() || (current.isDone() && expiring(current.join()))) {
            current = request();
        }
        return current.thenApply(token -> token);
    }

    private boolean expiring(AccessToken token) {
        return !clock.instant().isBefore(token.expiresOn().minus(REFRESH_MARGIN));
    }

    private CompletableFuture<AccessToken> request() {
        var request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::token);
    }

    private AccessToken token(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("The token endpoint " + tokenEndpoint + " answered " + response.statusCode()
                    + " without JSON", e);
        }
        String accessToken = body.path("access_token").asText("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (response.statusCode() != 200 || accessToken.isEmpty() || expiresIn <= 0) {
            // The error code only: the description can be long, and nothing here may echo the secret.
            throw new IllegalStateException("The token endpoint " + tokenEndpoint + " refused the bot's credentials: "
                    + response.statusCode() + " " + body.path("error").asText("no access_token"));
        }
        return new AccessToken(accessToken, scope, tokenEndpoint.getHost(),
                clock.instant().plusSeconds(expiresIn));
    }
}
