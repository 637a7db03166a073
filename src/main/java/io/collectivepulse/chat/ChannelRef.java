package io.collectivepulse.chat;

import java.util.Objects;

/**
 * Where something happens: a Slack channel in a workspace, or a Teams conversation in a tenant; or, made with
 * {@link #direct}, a member's private conversation with the bot, which the adapters find or open when they write
 * there. The triple is the key of every row that belongs to a chat space.
 */
public record ChannelRef(Platform platform, String workspaceId, String channelId) {
    /** Marks a member's private conversation: no channel or conversation id of either platform starts with it. */
    private static final String DIRECT = "@";

    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(channelId, "channelId");
    }

    /** The member's private conversation with the bot, wherever the platform keeps it. */
    public static ChannelRef direct(Actor member) {
        return new ChannelRef(member.platform(), member.workspaceId(), DIRECT + member.userId());
    }

    /** True for a member's private conversation made with {@link #direct}. */
    public boolean isDirect() {
        return channelId.startsWith(DIRECT);
    }

    /** The member of a private conversation made with {@link #direct}. */
    public String memberId() {
        if (!isDirect()) {
            throw new IllegalStateException(this + " is not a member's private conversation");
        }
        return channelId.substring(DIRECT.length());
    }
}
