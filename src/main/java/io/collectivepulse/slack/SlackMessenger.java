package io.collectivepulse.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
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
 * updates them with {@code chat.update}, using the bot token.
 */
final class SlackMessenger implements Messenger {
    private static final Logger LOG = LoggerFactory.getLogger(SlackMessenger.class);

    private final Function<String, Optional<MethodsClient>> clients;
    private final BlockKitRenderer renderer;

    /** {@code clients}: the Web API client with the bot token of a workspace, if the app is installed there. */
    SlackMessenger(Function<String, Optional<MethodsClient>> clients, BlockKitRenderer renderer) {
        this.clients = clients;
        this.renderer = renderer;
    }

    @Override
    public Optional<String> post(ChannelRef channel, Card card) {
        Optional<MethodsClient> installed = clients.apply(channel.workspaceId());
        if (installed.isEmpty()) {
            LOG.warn("Cannot post to {}: the app is not installed in that workspace", channel);
            return Optional.empty();
        }
        MethodsClient client = installed.get();
        String first = null;
        String text = renderer.fallbackText(card);
        for (List<LayoutBlock> blocks : renderer.messages(card)) {
            try {
                var response = client.chatPostMessage(r -> r.channel(channel.channelId()).text(text).blocks(blocks)
                        .unfurlLinks(false).unfurlMedia(false));
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
        Optional<MethodsClient> installed = clients.apply(channel.workspaceId());
        if (installed.isEmpty()) {
            return;
        }
        try {
            var response = installed.get().chatPostEphemeral(r -> r.channel(channel.channelId()).user(userId)
                    .text(renderer.fallbackText(card)).blocks(renderer.blocks(card)));
            if (!response.isOk()) {
                LOG.warn("Slack refused a notice in {}: {}", channel, response.getError());
            }
        } catch (IOException | SlackApiException e) {
            LOG.warn("Could not send a notice in {}: {}", channel, e.getMessage());
        }
    }

    @Override
    public boolean update(ChannelRef channel, String messageId, Card card) {
        Optional<MethodsClient> installed = clients.apply(channel.workspaceId());
        if (installed.isEmpty()) {
            return false;
        }
        MethodsClient client = installed.get();
        try {
            var response = client.chatUpdate(r -> r.channel(channel.channelId()).ts(messageId)
                    .text(renderer.fallbackText(card)).blocks(renderer.blocks(card)));
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
