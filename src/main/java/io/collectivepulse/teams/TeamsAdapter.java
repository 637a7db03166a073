package io.collectivepulse.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;

/**
 * The Bot Framework adapter, with the Bot Connector clients we want: a connect and a read time-out on every call,
 * and no retries of the SDK's own (it retries 5xx three times with back-offs of up to 30 s, holding the thread and
 * ignoring Retry-After); the outbox retries, paced, instead. One client per service URL and app id, reused.
 */
final class TeamsAdapter extends BotFrameworkAdapter {
    private static final long CONNECT_TIMEOUT_SECONDS = 5;
    private static final long READ_TIMEOUT_SECONDS = 10;
    private static final RetryStrategy NO_RETRY = new RetryStrategy("outbox-retries", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };

    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
    /** The bot's credentials; null in Emulator mode, where calls carry no token. */
    private final AppCredentials credentials;
    private final CredentialProvider provider;
    private final AuthenticationConfiguration authentication;

    TeamsAdapter(AppCredentials credentials, AuthenticationConfiguration authentication) {
        super(credentials, authentication, null, NO_RETRY, null);
        this.credentials = credentials;
        this.provider = new SimpleCredentialProvider(credentials.getAppId(), "");
        this.authentication = authentication;
    }

    TeamsAdapter(CredentialProvider credentials) {
        super(credentials, null, NO_RETRY, null);
        this.credentials = null;
        this.provider = credentials;
        this.authentication = new AuthenticationConfiguration();
    }

    /**
     * Checks the Bot Connector's token on {@code activity}, as {@link #processActivity(String, Activity,
     * com.microsoft.bot.builder.BotCallbackHandler)} does before its turn: the identity it gives is then handed to
     * {@link #processActivity(ClaimsIdentity, Activity, com.microsoft.bot.builder.BotCallbackHandler)}, once the
     * activity's shape was checked. Anonymous in Emulator mode.
     */
    CompletableFuture<ClaimsIdentity> authenticate(String authorization, Activity activity) {
        return JwtTokenValidation.authenticateRequest(activity, authorization, provider, null, authentication);
    }

    /** The bot's credentials, for the calls the outbox makes ({@link BotConnector}); null in Emulator mode. */
    AppCredentials credentials() {
        return credentials;
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                            AppCredentials credentials) {
        AppCredentials using = credentials != null ? credentials : MicrosoftAppCredentials.empty();
        return CompletableFuture.completedFuture(clients.computeIfAbsent(serviceUrl + "|" + using.getAppId(),
                key -> new RestConnectorClient(RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, using)
                        .withRetryStrategy(NO_RETRY)
                        .withConnectionTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .withReadTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .build())));
    }
}
