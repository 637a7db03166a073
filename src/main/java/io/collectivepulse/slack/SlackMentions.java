package io.collectivepulse.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppMentionEvent;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.router.Router;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * {@code @Collective Pulse signal …} in a channel: the Events API delivers an {@code app_mention}, which is
 * acknowledged at once; the command runs afterwards and its answer is posted in the thread (or only to the
 * author, for private replies).
 */
final class SlackMentions {
    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>\\s*");

    private final Router router;
    private final SlackMessenger messenger;
    private final Executor afterAck;

    SlackMentions(Router router, SlackMessenger messenger, Executor afterAck) {
        this.router = router;
        this.messenger = messenger;
        this.afterAck = afterAck;
    }

    void register(App app) {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent event = payload.getEvent();
            String workspace = payload.getTeamId();
            afterAck.execute(() -> answer(workspace, event));
            return ctx.ack();
        });
    }

    private void answer(String workspace, AppMentionEvent event) {
        String text = SlackText.unescape(LEADING_MENTION.matcher(event.getText()).replaceFirst(""));
        var actor = new Actor(Platform.SLACK, workspace, event.getUser(), null);
        var channel = new ChannelRef(Platform.SLACK, workspace, event.getChannel());
        Reply reply = router.handleMessage(actor, channel, text);
        if (reply.isEmpty()) {
            return;
        }
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        messenger.answerInThread(channel, thread, event.getUser(), reply.card(), reply.privately());
    }
}
