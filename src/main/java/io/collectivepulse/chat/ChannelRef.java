package io.collectivepulse.chat;

import java.util.Objects;

/**
 * Where something happens: a Slack channel in a workspace, or a Teams conversation in a tenant.
 * The triple is the key of every row that belongs to a chat space.
 */
public record ChannelRef(Platform platform, String workspaceId, String channelId) {
    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(channelId, "channelId");
    }
}
