package io.collectivepulse.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppMentionEvent;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.router.Router;
import java.util.regex.Pattern;

/**
 * {@code @Collective Pulse signal …} in a channel: the Events API delivers an {@code app_mention}; the command runs
 * before the ack (database work only) and its answer goes through the outbox, in the thread (or only to the author,
 * for private replies), once per event.
 */
final class SlackMentions {
    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>\\s*");

    private final Router router;
    private final Outbox outbox;
    private final SlackNames names;

    SlackMentions(Router router, Outbox outbox, SlackNames names) {
        this.router = router;
        this.outbox = outbox;
        this.names = names;
    }

    void register(App app) {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent event = payload.getEvent();
            answer(payload.getTeamId(), payload.getEventId(), event);
            return ctx.ack();
        });
    }

    private void answer(String workspace, String eventId, AppMentionEvent event) {
        String text = SlackText.unescape(LEADING_MENTION.matcher(event.getText()).replaceFirst(""));
        Actor actor = names.actor(workspace, event.getUser(), null);
        var channel = new ChannelRef(Platform.SLACK, workspace, event.getChannel());
        Reply reply = router.handleMessage(actor, channel, text);
        if (reply.isEmpty()) {
            return;
        }
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        String key = "mention:" + workspace + ":" + eventId;
        if (reply.privately()) {
            outbox.replyPrivately(channel, event.getUser(), thread, reply.card(), key);
        } else {
            outbox.reply(channel, thread, reply.card(), key);
        }
    }
}
