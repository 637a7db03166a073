package io.collectivepulse.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import io.collectivepulse.Config;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.delivery.Sender;
import io.collectivepulse.router.Router;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST /api/messages}: hands the Activity and its Authorization header to the Bot Framework
 * adapter, which validates the JWT when app credentials are configured and runs the {@link PulseBot}.
 * Without credentials (Emulator mode) only loopback callers are served.
 *
 * <p>The keys that sign the Bot Connector's tokens are read from the configured OpenID metadata URL. The SDK
 * keeps that URL in a JVM-wide setting, as its own {@code BotOpenIdMetadata} setting does, so the last
 * bridge built in a JVM decides it.
 */
public final class TeamsBridge implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsBridge.class);

    private final TeamsAdapter adapter;
    private final PulseBot bot;
    private final boolean authenticated;
    private final TeamsSender sender;

    public TeamsBridge(Config.Teams config, Router router, Database database, Outbox outbox,
                       ConversationReferenceDao references, DeliveredActivityDao delivered, Clock clock) {
        this.authenticated = config.authenticated();
        ChannelValidation.setOpenIdMetaDataUrl(config.openIdMetadataUrl());
        this.adapter = authenticated
                ? new TeamsAdapter(new BotAppCredentials(config, clock), new AuthenticationConfiguration())
                : new TeamsAdapter(new SimpleCredentialProvider("", ""));
        var renderer = new AdaptiveCardRenderer();
        this.bot = new PulseBot(router, database, outbox, references, delivered, clock);
        this.sender = new TeamsSender(new BotConnector(adapter.credentials()), references, renderer, clock);
    }

    /** Sends the outbox's messages to the Teams conversations the bot has been addressed in. */
    public Sender sender() {
        return sender;
    }

    @Override
    public void handle(Context ctx) {
        if (!authenticated && !isLoopback(ctx.ip())) {
            ctx.status(401).result("Bot Framework authentication is not configured: only local callers are served");
            return;
        }
        Activity activity;
        try {
            activity = Serialization.treeToValue(Serialization.jsonToTree(ctx.body()), Activity.class);
        } catch (IOException | IllegalArgumentException e) {
            ctx.status(400).result("Malformed activity");
            return;
        }
        if (activity == null || activity.getType() == null) {
            ctx.status(400).result("Malformed activity");
            return;
        }
        try {
            InvokeResponse response = adapter.processActivity(ctx.header("Authorization"), activity, bot::onTurn).join();
            if (response == null) {
                ctx.status(200);
            } else {
                ctx.status(response.getStatus()).contentType("application/json")
                        .result(Serialization.toStringSilent(response.getBody()));
            }
        } catch (RuntimeException e) {
            // A malformed token fails inside the SDK before validation proper, as a JWT decoding error.
            if (causedBy(e, AuthenticationException.class) || causedBy(e, JWTVerificationException.class)) {
                ctx.status(401).result("Unauthorized");
                return;
            }
            LOG.error("Teams activity {} failed", activity.getType(), e);
            ctx.status(500).result("Internal error");
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
