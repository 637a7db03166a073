package io.collectivepulse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import io.collectivepulse.Config;
import io.collectivepulse.support.FakeIdentityPlatform;
import java.net.URI;
import io.collectivepulse.support.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bot's own token for the Bot Connector: the client-credentials grant, its cache and its endpoints. */
class TeamsTokenTest {
    private static final String APP_ID = "cd59cf47-aca1-41e0-8441-387faee8331e";
    private static final String APP_PASSWORD = "test-password";

    private static FakeIdentityPlatform identity;

    @BeforeAll
    static void start() {
        identity = new FakeIdentityPlatform(APP_ID, APP_PASSWORD);
    }

    @AfterAll
    static void stop() {
        identity.close();
    }

    private static Config.Teams config(Map<String, String> env) {
        return Config.fromEnv(env).teams();
    }

    private static String token(ClientCredentialsAuthenticator authenticator) {
        return authenticator.acquireToken().join().accessToken();
    }

    @Test
    void theTokenIsReusedUntilFiveMinutesBeforeItExpires() {
        var clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        var authenticator = new ClientCredentialsAuthenticator(
                URI.create(identity.url() + "/botframework.com/oauth2/v2.0/token"), APP_ID, APP_PASSWORD,
                FakeIdentityPlatform.BOT_CONNECTOR_SCOPE, clock);
        int before = identity.requests().size();

        String first = token(authenticator);
        clock.advance(Duration.ofSeconds(FakeIdentityPlatform.EXPIRES_IN_SECONDS).minus(Duration.ofMinutes(5))
                .minusSeconds(1));
        assertThat(token(authenticator)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        String second = token(authenticator);

        assertThat(second).isNotEqualTo(first);
        assertThat(identity.issued("Bearer " + second)).isTrue();
        assertThat(identity.requests()).hasSize(before + 2);
    }

    @Test
    void aRefusedSecretFailsWithoutEchoingItAndIsAskedAgainNextTime() {
        var authenticator = new ClientCredentialsAuthenticator(
                URI.create(identity.url() + "/botframework.com/oauth2/v2.0/token"), APP_ID, "wrong-password",
                FakeIdentityPlatform.BOT_CONNECTOR_SCOPE, Clock.systemUTC());
        int before = identity.requests().size();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> token(authenticator))
                    .hasMessageContaining("401 invalid_client")
                    .hasMessageNotContaining("wrong-password");
        }
        assertThat(identity.requests()).hasSize(before + 2).last()
                .satisfies(request -> assertThat(request.status()).isEqualTo(401));
    }

    @Test
    void theCredentialsAskTheConfiguredLoginForTheBotConnectorScopeInTheAppsTenant() {
        var credentials = new BotAppCredentials(config(Map.of("MICROSOFT_APP_ID", APP_ID,
                "MICROSOFT_APP_PASSWORD", APP_PASSWORD, "MICROSOFT_APP_TENANT_ID", "contoso.onmicrosoft.com",
                "MICROSOFT_LOGIN_URL", identity.url() + "/")), Clock.systemUTC());

        String token = credentials.getToken().join();

        assertThat(identity.issued("Bearer " + token)).isTrue();
        assertThat(identity.requests()).last().satisfies(request -> {
            assertThat(request.tenant()).isEqualTo("contoso.onmicrosoft.com");
            assertThat(request.scope()).isEqualTo(FakeIdentityPlatform.BOT_CONNECTOR_SCOPE);
        });
    }

    @Test
    void theDefaultsAreTheSdksOwnEndpoints() {
        Config.Teams defaults = config(Map.of());
        assertThat(defaults.openIdMetadataUrl())
                .isEqualTo(AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL);
        var credentials = new BotAppCredentials(config(Map.of("MICROSOFT_APP_ID", APP_ID,
                "MICROSOFT_APP_PASSWORD", APP_PASSWORD)), Clock.systemUTC());
        assertThat(credentials.oAuthEndpoint()).isEqualTo(String.format(
                AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_TEMPLATE,
                AuthenticationConstants.DEFAULT_CHANNEL_AUTH_TENANT));
        assertThat(credentials.oAuthScope()).isEqualTo(FakeIdentityPlatform.BOT_CONNECTOR_SCOPE);
    }

    /** A clock the test moves forward, to cross a token's expiry without waiting for it. */
}
