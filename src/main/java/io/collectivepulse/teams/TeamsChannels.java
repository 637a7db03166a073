package io.collectivepulse.teams;

import com.microsoft.bot.schema.Activity;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;

/** Where a Teams activity comes from, in the platform-neutral vocabulary. */
final class TeamsChannels {
    private TeamsChannels() {
    }

    /**
     * The tenant, or the channel id (such as {@code emulator}) for activities that come from outside a
     * Microsoft 365 tenant.
     */
    static String workspace(Activity activity) {
        String tenant = activity.getConversation() == null ? null : activity.getConversation().getTenantId();
        if (isBlank(tenant) && activity.getChannelData() != null) {
            var data = activity.teamsGetChannelData();
            tenant = data == null || data.getTenant() == null ? null : data.getTenant().getId();
        }
        return isBlank(tenant) ? "channel:" + activity.getChannelId() : tenant;
    }

    /** The conversation, without the {@code ;messageid=} suffix Teams adds to replies in a channel thread. */
    static ChannelRef channel(Activity activity) {
        String id = activity.getConversation().getId();
        int thread = id.indexOf(";messageid=");
        return new ChannelRef(Platform.TEAMS, workspace(activity), thread >= 0 ? id.substring(0, thread) : id);
    }

    static Actor actor(Activity activity) {
        var from = activity.getFrom();
        String id = from.getAadObjectId() != null ? from.getAadObjectId() : from.getId();
        return new Actor(Platform.TEAMS, workspace(activity), id, from.getName());
    }

    /**
     * True for a member's private chat with the bot (Teams' {@code personal} conversations), and for a conversation
     * that says neither its type nor that it is a group (the Bot Framework Emulator's).
     */
    static boolean isPersonal(Activity activity) {
        var conversation = activity.getConversation();
        String type = conversation.getConversationType();
        return type == null ? !conversation.isGroup() : "personal".equals(type);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
