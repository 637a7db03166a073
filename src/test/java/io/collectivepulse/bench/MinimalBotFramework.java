package io.collectivepulse.bench;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Serialization;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.concurrent.CompletableFuture;

/**
 * Baseline: the smallest Bot Framework bot behind the same kind of Javalin bridge as {@code TeamsBridge}
 * (Emulator mode, no credentials): it answers every message with a constant text through the Bot
 * Connector, as a Teams bot must answer to be seen, and stores nothing.
 */
final class MinimalBotFramework implements Handler {
    private final BotFrameworkAdapter adapter = new BotFrameworkAdapter(new SimpleCredentialProvider("", ""));

    @Override
    public void handle(Context ctx) throws Exception {
        Activity activity = Serialization.treeToValue(Serialization.jsonToTree(ctx.body()), Activity.class);
        InvokeResponse response = adapter.processActivity(ctx.header("Authorization"), activity, this::onTurn).join();
        if (response == null) {
            ctx.status(200);
        } else {
            ctx.status(response.getStatus()).contentType("application/json")
                    .result(Serialization.toStringSilent(response.getBody()));
        }
    }

    private CompletableFuture<Void> onTurn(TurnContext turn) {
        if (!ActivityTypes.MESSAGE.equals(turn.getActivity().getType())) {
            return CompletableFuture.completedFuture(null);
        }
        return turn.sendActivity(MessageFactory.text("ok")).thenApply(sent -> null);
    }
}
