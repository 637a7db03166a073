package io.collectivepulse.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.command.CommandDispatcher;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * The Teams bot: remembers every conversation it sees (to post there later), reads commands typed as
 * messages, with or without its @mention, and answers with an Adaptive Card.
 */
final class PulseBot extends ActivityHandler {
    private final CommandDispatcher dispatcher;
    private final AdaptiveCardRenderer renderer;
    private final ConversationReferenceDao references;
    private final Clock clock;

    PulseBot(CommandDispatcher dispatcher, AdaptiveCardRenderer renderer, ConversationReferenceDao references,
             Clock clock) {
        this.dispatcher = dispatcher;
        this.renderer = renderer;
        this.references = references;
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
        String text = Activity.removeRecipientMentionImmutable(activity);
        if (text == null || text.isBlank()) {
            // A card submission or an attachment without text: nothing to answer yet.
            return CompletableFuture.completedFuture(null);
        }
        Reply reply = dispatcher.handleMessage(TeamsChannels.actor(activity), TeamsChannels.channel(activity), text);
        return turnContext.sendActivity(answer(reply)).thenApply(sent -> null);
    }

    private Activity answer(Reply reply) {
        var attachment = new Attachment();
        attachment.setContentType(AdaptiveCardRenderer.CONTENT_TYPE);
        attachment.setContent(renderer.render(reply.card()));
        return MessageFactory.attachment(attachment);
    }
}
