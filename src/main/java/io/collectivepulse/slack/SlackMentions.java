package io.collectivepulse.slack;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.event.AppMentionEvent;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.command.CommandDispatcher;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code @Collective Pulse signal …} in a channel: the Events API delivers an {@code app_mention}, which is
 * acknowledged at once; the command runs afterwards and its answer is posted in the thread (or only to the
 * author, for private replies).
 */
final class SlackMentions {
    private static final Logger LOG = LoggerFactory.getLogger(SlackMentions.class);
    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>\\s*");

    private final CommandDispatcher dispatcher;
    private final BlockKitRenderer renderer;
    private final Executor afterAck;

    SlackMentions(CommandDispatcher dispatcher, BlockKitRenderer renderer, Executor afterAck) {
        this.dispatcher = dispatcher;
        this.renderer = renderer;
        this.afterAck = afterAck;
    }

    void register(App app) {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent event = payload.getEvent();
            String workspace = payload.getTeamId();
            MethodsClient client = ctx.client();
            afterAck.execute(() -> answer(client, workspace, event));
            return ctx.ack();
        });
    }

    private void answer(MethodsClient client, String workspace, AppMentionEvent event) {
        String text = SlackText.unescape(LEADING_MENTION.matcher(event.getText()).replaceFirst(""));
        var actor = new Actor(Platform.SLACK, workspace, event.getUser(), null);
        var channel = new ChannelRef(Platform.SLACK, workspace, event.getChannel());
        Reply reply = dispatcher.handleMessage(actor, channel, text);
        if (reply.isEmpty()) {
            return;
        }
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        try {
            var response = reply.privately()
                    ? client.chatPostEphemeral(r -> r.channel(event.getChannel()).user(event.getUser())
                            .threadTs(thread).text(renderer.fallbackText(reply.card()))
                            .blocks(renderer.blocks(reply.card())))
                    : client.chatPostMessage(r -> r.channel(event.getChannel()).threadTs(thread)
                            .text(renderer.fallbackText(reply.card())).blocks(renderer.blocks(reply.card())));
            if (!response.isOk()) {
                LOG.warn("Slack refused the answer to a mention in {}: {}", channel, response.getError());
            }
        } catch (IOException | SlackApiException e) {
            LOG.warn("Could not answer a mention in {}: {}", channel, e.getMessage());
        }
    }
}
