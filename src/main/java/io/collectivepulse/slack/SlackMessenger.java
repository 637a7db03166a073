package io.collectivepulse.slack;

import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.RequestFormBuilder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.model.block.LayoutBlock;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Messenger;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts cards with {@code chat.postMessage} (several messages when a card needs more than 50 blocks) and
 * updates them with {@code chat.update}, using the bot token of the channel's workspace. Answers are read as
 * {@link SlackAnswer}s.
 */
final class SlackMessenger implements Messenger {
    private static final Logger LOG = LoggerFactory.getLogger(SlackMessenger.class);

    private final MethodsClient client;
    private final Function<String, Optional<String>> tokens;
    private final BlockKitRenderer renderer;

    /** {@code tokens}: the bot token of a workspace, if the app is installed there. */
    SlackMessenger(MethodsClient client, Function<String, Optional<String>> tokens, BlockKitRenderer renderer) {
        this.client = client;
        this.tokens = tokens;
        this.renderer = renderer;
    }

    @Override
    public Optional<String> post(ChannelRef channel, Card card) {
        return post(channel, null, card);
    }

    /**
     * Answers a mention in its thread ({@code threadTs}): for everyone, or only for {@code userId} when
     * {@code privately}.
     */
    void answerInThread(ChannelRef channel, String threadTs, String userId, Card card, boolean privately) {
        if (privately) {
            ephemeral(channel, threadTs, userId, card);
        } else {
            post(channel, threadTs, card);
        }
    }

    /** Posts the card as one message or more, in the thread {@code threadTs} if not null; the first one's ts. */
    private Optional<String> post(ChannelRef channel, String threadTs, Card card) {
        Optional<String> token = tokens.apply(channel.workspaceId());
        if (token.isEmpty()) {
            LOG.warn("Cannot post to {}: the app is not installed in that workspace", channel);
            return Optional.empty();
        }
        String first = null;
        String text = renderer.fallbackText(card);
        for (List<LayoutBlock> blocks : renderer.messages(card)) {
            try {
                var request = ChatPostMessageRequest.builder().channel(channel.channelId()).threadTs(threadTs)
                        .text(text).blocks(blocks).unfurlLinks(false).unfurlMedia(false).build();
                var response = client.postFormWithTokenAndParseResponse(form -> RequestFormBuilder.toForm(request),
                        Methods.CHAT_POST_MESSAGE, token.get(), SlackAnswer.class);
                if (!response.isOk()) {
                    LOG.warn("Slack refused a message for {}: {}", channel, response.getError());
                    return Optional.ofNullable(first);
                }
                first = first == null ? response.getTs() : first;
            } catch (IOException | SlackApiException e) {
                LOG.warn("Could not post to {}: {}", channel, e.getMessage());
                return Optional.ofNullable(first);
            }
        }
        return Optional.ofNullable(first);
    }

    @Override
    public void notify(ChannelRef channel, String userId, Card card) {
        ephemeral(channel, null, userId, card);
    }

    private void ephemeral(ChannelRef channel, String threadTs, String userId, Card card) {
        Optional<String> token = tokens.apply(channel.workspaceId());
        if (token.isEmpty()) {
            return;
        }
        try {
            var request = ChatPostEphemeralRequest.builder().channel(channel.channelId()).user(userId)
                    .threadTs(threadTs).text(renderer.fallbackText(card)).blocks(renderer.blocks(card)).build();
            var response = client.postFormWithTokenAndParseResponse(form -> RequestFormBuilder.toForm(request),
                    Methods.CHAT_POST_EPHEMERAL, token.get(), SlackAnswer.class);
            if (!response.isOk()) {
                LOG.warn("Slack refused a notice in {}: {}", channel, response.getError());
            }
        } catch (IOException | SlackApiException e) {
            LOG.warn("Could not send a notice in {}: {}", channel, e.getMessage());
        }
    }

    @Override
    public boolean update(ChannelRef channel, String messageId, Card card) {
        Optional<String> token = tokens.apply(channel.workspaceId());
        if (token.isEmpty()) {
            return false;
        }
        try {
            var request = ChatUpdateRequest.builder().channel(channel.channelId()).ts(messageId)
                    .text(renderer.fallbackText(card)).blocks(renderer.blocks(card)).build();
            var response = client.postFormWithTokenAndParseResponse(form -> RequestFormBuilder.toForm(request),
                    Methods.CHAT_UPDATE, token.get(), SlackAnswer.class);
            if (!response.isOk()) {
                LOG.warn("Slack refused to update message {} in {}: {}", messageId, channel, response.getError());
            }
            return response.isOk();
        } catch (IOException | SlackApiException e) {
            LOG.warn("Could not update message {} in {}: {}", messageId, channel, e.getMessage());
            return false;
        }
    }
}
