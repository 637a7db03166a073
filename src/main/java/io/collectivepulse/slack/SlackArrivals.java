package io.collectivepulse.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.router.ArrivalHandler.Arrival;
import io.collectivepulse.router.ArrivalHandler.Kind;
import io.collectivepulse.router.Router;

/**
 * Who arrives, as the Events API tells it: {@code member_joined_channel} (the bot itself when the joining user is
 * the bot user that {@code auth.test} names, a member otherwise) and {@code app_home_opened} on the Home tab. Each
 * becomes a neutral {@link Arrival} for the router, before the ack: the features only write rows (the outbox's
 * among them), so nothing slow runs on the request path.
 */
final class SlackArrivals {
    private final Router router;
    private final SlackNames names;

    SlackArrivals(Router router, SlackNames names) {
        this.router = router;
        this.names = names;
    }

    void register(App app) {
        app.event(MemberJoinedChannelEvent.class, (payload, ctx) -> {
            MemberJoinedChannelEvent event = payload.getEvent();
            String workspace = payload.getTeamId();
            var channel = new ChannelRef(Platform.SLACK, workspace, event.getChannel());
            boolean bot = event.getUser().equals(ctx.getBotUserId());
            router.arrived(bot ? new Arrival(Kind.BOT_ADDED, channel, null)
                    : new Arrival(Kind.MEMBER_JOINED, channel, names.actor(workspace, event.getUser(), null)));
            return ctx.ack();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent event = payload.getEvent();
            // The Messages tab opens the same conversation: only the Home tab has a view to draw.
            if (event.getTab() == null || "home".equals(event.getTab())) {
                Actor member = names.actor(payload.getTeamId(), event.getUser(), null);
                router.arrived(new Arrival(Kind.HOME, ChannelRef.direct(member), member));
            }
            return ctx.ack();
        });
    }
}
