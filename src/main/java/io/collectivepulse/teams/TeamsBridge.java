package io.collectivepulse.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import io.collectivepulse.db.Unavailable;
import java.util.Optional;
import java.util.concurrent.CompletionException;
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
    private final Router router;
    private final ApologyPoster apologies;

    public TeamsBridge(Config.Teams config, Router router, Database database, Outbox outbox,
                       ConversationReferenceDao references, DeliveredActivityDao delivered, Clock clock) {
        this.authenticated = config.authenticated();
        ChannelValidation.setOpenIdMetaDataUrl(config.openIdMetadataUrl());
        this.adapter = authenticated
                ? new TeamsAdapter(new BotAppCredentials(config, clock), new AuthenticationConfiguration())
                : new TeamsAdapter(new SimpleCredentialProvider("", ""));
        var renderer = new AdaptiveCardRenderer();
        this.bot = new PulseBot(router, database, outbox, references, delivered, clock);
        var connector = new BotConnector(adapter.credentials());
        this.sender = new TeamsSender(connector, references, renderer, clock);
        this.router = router;
        this.apologies = new ApologyPoster(connector, renderer);
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
        Activity activity = parse(ctx.body());
        if (activity == null) {
            LOG.warn("Teams activity refused: not an activity in JSON");
            ctx.status(400).result("Malformed activity");
            return;
        }
        ClaimsIdentity identity = authenticated ? identity(ctx, activity) : null;
        if (authenticated && identity == null) {
            ctx.status(401).result("Unauthorized");
            return;
        }
        Optional<String> problem = TeamsActivityShape.problem(activity);
        if (problem.isPresent()) {
            LOG.warn("Teams activity ignored: {}", problem.get());
            boolean invoke = TeamsActivityShape.isInvoke(activity);
            ctx.status(invoke ? 400 : 200).result(invoke ? "Malformed invoke" : "");
            return;
        }
        if (identity == null) {
            identity = identity(ctx, activity);
        }
        try {
            InvokeResponse response = adapter.processActivity(identity, activity, bot::onTurn).join();
            if (response == null) {
                ctx.status(200);
            } else {
                ctx.status(response.getStatus()).contentType("application/json")
                        .result(Serialization.toStringSilent(response.getBody()));
            }
        } catch (RuntimeException e) {
            failed(ctx, activity, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * Answers an activity whose handling failed, with nothing kept (its transaction rolled back): 200, and the
     * apology sent to the conversation ("try again in a moment" when the database did not answer); for a card's
     * button, the apology in the invoke's answer, which Teams shows to the member who pressed it.
     */
    private void failed(Context ctx, Activity activity, Throwable failure) {
        if (Unavailable.isCause(failure)) {
            LOG.warn("Teams {} not handled: the database did not answer ({})", activity.getType(), failure.toString());
        } else {
            LOG.error("Teams {} failed", activity.getType(), failure);
        }
        var apology = router.apology(TeamsChannels.channel(activity), failure).card();
        if (TeamsActivityShape.isInvoke(activity)) {
            ctx.status(200).contentType("application/json")
                    .result(Serialization.toStringSilent(PulseBot.message(apology.fallbackText())));
            return;
        }
        if (ActivityTypes.MESSAGE.equals(activity.getType())) {
            apologies.apologise(activity.getServiceUrl(), activity.getConversation().getId(), activity.getId(),
                    apology);
        }
        ctx.status(200);
    }

    /** The activity in the body, or null when the body is not one. */
    private static Activity parse(String body) {
        try {
            JsonNode tree = Serialization.jsonToTree(body);
            if (tree == null || !tree.isObject()) {
                return null;
            }
            Activity activity = Serialization.treeToValue(tree, Activity.class);
            return activity == null || activity.getType() == null || activity.getType().isBlank() ? null : activity;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The identity the Bot Connector's token proves, or null when it proves none. */
    private ClaimsIdentity identity(Context ctx, Activity activity) {
        try {
            return adapter.authenticate(ctx.header("Authorization"), activity).join();
        } catch (RuntimeException e) {
            if (!causedBy(e, AuthenticationException.class) && !causedBy(e, JWTVerificationException.class)) {
                LOG.warn("Teams activity not authenticated: {}", e.toString());
            }
            return null;
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
