package io.collectivepulse.teams;

import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import io.collectivepulse.Config;
import java.net.URI;
import java.time.Clock;

/**
 * The bot's Microsoft App credentials, with tokens for the Bot Connector taken from the configured Microsoft
 * identity platform ({@code MICROSOFT_LOGIN_URL}) by a {@link ClientCredentialsAuthenticator}.
 * The tenant is the app's own when set (single-tenant bot), botframework.com otherwise, as in the SDK.
 */
final class BotAppCredentials extends MicrosoftAppCredentials {
    private final String loginUrl;
    private final Clock clock;

    BotAppCredentials(Config.Teams config, Clock clock) {
        super(config.appId(), config.appPassword(), config.tenantId());
        this.loginUrl = config.loginUrl();
        this.clock = clock;
    }

    @Override
    public String oAuthEndpoint() {
        return loginUrl + "/" + getChannelAuthTenant();
    }

    @Override
    protected Authenticator buildAuthenticator() {
        return new ClientCredentialsAuthenticator(URI.create(oAuthEndpoint() + "/oauth2/v2.0/token"), getAppId(),
                getAppPassword(), oAuthScope(), clock);
    }
}
