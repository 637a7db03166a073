package io.collectivepulse.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.router.ArrivalHandler.Arrival;
import io.collectivepulse.router.ArrivalHandler.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Who arrives, as Teams tells it: a {@code conversationUpdate} whose {@code membersAdded} names the bot (its id is
 * the activity's recipient's) when the app is added to a team, a group chat or a personal chat, and names members who
 * join otherwise; an {@code installationUpdate} with action {@code add}, which Teams sends beside it for the same
 * installation (the welcome feature says hello once for both). In a personal chat, the member's home follows (from
 * the conversationUpdate only, so that it comes once).
 */
final class TeamsArrivals {
    private TeamsArrivals() {
    }

    /** The arrivals a conversationUpdate reports, the bot's first. */
    static List<Arrival> of(Activity activity) {
        List<Arrival> arrivals = new ArrayList<>();
        List<ChannelAccount> added = activity.getMembersAdded();
        if (added == null || added.isEmpty()) {
            return arrivals;
        }
        ChannelRef channel = TeamsChannels.channel(activity);
        String bot = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        if (added.stream().anyMatch(member -> member.getId() != null && member.getId().equals(bot))) {
            arrivals.add(new Arrival(Kind.BOT_ADDED, channel, null));
            if (activity.getConversation() != null
                    && "personal".equals(activity.getConversation().getConversationType())
                    && activity.getFrom() != null && activity.getFrom().getId() != null) {
                // The member opened a chat with the bot: their home follows the welcome there, as Slack's Home tab.
                Actor member = TeamsChannels.actor(activity);
                arrivals.add(new Arrival(Kind.HOME, ChannelRef.direct(member), member));
            }
        }
        for (ChannelAccount member : added) {
            if (member.getId() != null && !member.getId().equals(bot)) {
                String id = member.getAadObjectId() != null ? member.getAadObjectId() : member.getId();
                arrivals.add(new Arrival(Kind.MEMBER_JOINED, channel,
                        new Actor(Platform.TEAMS, channel.workspaceId(), id, member.getName())));
            }
        }
        return arrivals;
    }

    /** The bot's arrival an installationUpdate reports when the app is added; none when it is removed. */
    static List<Arrival> installed(Activity activity) {
        return "add".equals(activity.getAction())
                ? List.of(new Arrival(Kind.BOT_ADDED, TeamsChannels.channel(activity), null)) : List.of();
    }
}
