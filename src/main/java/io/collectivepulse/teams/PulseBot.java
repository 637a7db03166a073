package io.collectivepulse.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.fasterxml.jackson.databind.JsonNode;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.router.Router;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Teams bot: remembers every conversation it sees (to post there later), reads commands typed as
 * messages, with or without its @mention, and buttons pressed on its cards, and answers with an Adaptive Card.
 */
final class PulseBot extends ActivityHandler {
    private final Router router;
    private final AdaptiveCardRenderer renderer;
    private final ConversationReferenceDao references;
    private final DeliveredActivityDao delivered;
    private final Clock clock;

    PulseBot(Router router, AdaptiveCardRenderer renderer, ConversationReferenceDao references,
             DeliveredActivityDao delivered, Clock clock) {
        this.router = router;
        this.renderer = renderer;
        this.references = references;
        this.delivered = delivered;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        if (activity.getConversation() != null && activity.getServiceUrl() != null) {
            var channel = TeamsChannels.channel(activity);
            references.save(channel.workspaceId(), channel.channelId(),
                    Serialization.toStringSilent(activity.getConversationReference()), clock.instant());
        }
        return super.onTurn(turnContext);
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        if (activity.getId() != null
                && delivered.record(activity.getConversation().getId(), activity.getId(), clock.instant()) == 0) {
            // Delivered again by the Bot Connector: already handled, answered or not.
            return CompletableFuture.completedFuture(null);
        }
        Reply reply;
        if (activity.getValue() != null) {
            // An Action.Submit button on one of our cards: its data says which action, on what.
            JsonNode data = Serialization.objectToTree(activity.getValue());
            Map<String, String> fields = new HashMap<>();
            data.fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    fields.put(field.getKey(), field.getValue().asText());
                }
            });
            reply = router.press(new ButtonPress(TeamsChannels.actor(activity), TeamsChannels.channel(activity),
                    data.path(AdaptiveCardRenderer.ACTION).asText(""), data.path(AdaptiveCardRenderer.VALUE).asText(""),
                    fields));
        } else {
            String text = Activity.removeRecipientMentionImmutable(activity);
            if (text == null || text.isBlank()) {
                // An attachment or a reaction without text: nothing to answer.
                return CompletableFuture.completedFuture(null);
            }
            reply = router.handleMessage(TeamsChannels.actor(activity), TeamsChannels.channel(activity), text);
        }
        if (reply.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Activity answer = reply.form() != null
                ? TeamsMessenger.activity(AdaptiveCardRenderer.CONTENT_TYPE, renderer.render(reply.form()),
                        reply.form().title())
                : TeamsMessenger.activity(renderer, reply.card());
        return turnContext.sendActivity(answer).thenApply(sent -> null);
    }
}
