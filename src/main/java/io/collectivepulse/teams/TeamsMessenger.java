package io.collectivepulse.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Messenger;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts Adaptive Cards to Teams conversations proactively, from the conversation reference stored when the
 * bot last heard from there, and updates them in place. In a channel, a card starts a new post (its own
 * thread), whichever thread the bot last answered in.
 */
final class TeamsMessenger implements Messenger {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsMessenger.class);

    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final ConversationReferenceDao references;
    private final AdaptiveCardRenderer renderer;

    TeamsMessenger(BotFrameworkAdapter adapter, String appId, ConversationReferenceDao references,
                   AdaptiveCardRenderer renderer) {
        this.adapter = adapter;
        this.appId = appId;
        this.references = references;
        this.renderer = renderer;
    }

    @Override
    public Optional<String> post(ChannelRef channel, Card card) {
        Optional<ConversationReference> reference = reference(channel);
        if (reference.isEmpty()) {
            LOG.warn("Cannot post to {}: the bot has never been addressed there", channel);
            return Optional.empty();
        }
        var id = new AtomicReference<String>();
        try {
            adapter.continueConversation(appId, reference.get(), turn -> {
                // A new post, not a reply to the (synthetic) activity that starts a proactive turn.
                turn.onSendActivities((context, activities, next) -> {
                    activities.forEach(a -> a.setReplyToId(null));
                    return next.get();
                });
                return turn.sendActivity(activity(renderer, card))
                        .thenAccept(sent -> id.set(sent == null ? null : sent.getId()));
            }).join();
        } catch (CompletionException e) {
            LOG.warn("Could not post to {}: {}", channel, e.getCause() == null ? e : e.getCause().toString());
            return Optional.empty();
        }
        return Optional.ofNullable(id.get());
    }

    /** Teams has no message for one member only: the notice goes to the conversation. */
    @Override
    public void notify(ChannelRef channel, String userId, Card card) {
        post(channel, card);
    }

    @Override
    public boolean update(ChannelRef channel, String messageId, Card card) {
        Optional<ConversationReference> reference = reference(channel);
        if (reference.isEmpty()) {
            return false;
        }
        Activity replacement = activity(renderer, card);
        replacement.setId(messageId);
        try {
            adapter.continueConversation(appId, reference.get(),
                    turn -> turn.updateActivity(replacement).thenApply(updated -> null)).join();
            return true;
        } catch (CompletionException e) {
            LOG.warn("Could not update message {} in {}: {}", messageId, channel,
                    e.getCause() == null ? e : e.getCause().toString());
            return false;
        }
    }

    /** A message activity carrying the card as an Adaptive Card attachment. */
    static Activity activity(AdaptiveCardRenderer renderer, Card card) {
        return activity(AdaptiveCardRenderer.CONTENT_TYPE, renderer.render(card), card.fallbackText());
    }

    static Activity activity(String contentType, Object content, String summary) {
        var attachment = new Attachment();
        attachment.setContentType(contentType);
        attachment.setContent(content);
        Activity activity = MessageFactory.attachment(attachment);
        activity.setSummary(summary);
        return activity;
    }

    private Optional<ConversationReference> reference(ChannelRef channel) {
        return references.find(channel.workspaceId(), channel.channelId()).map(json -> {
            try {
                ConversationReference reference =
                        Serialization.treeToValue(Serialization.jsonToTree(json), ConversationReference.class);
                reference.getConversation().setId(channel.channelId());
                return reference;
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable conversation reference for " + channel, e);
            }
        });
    }
}
