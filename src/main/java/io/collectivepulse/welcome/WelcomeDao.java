package io.collectivepulse.welcome;

import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.db.Database;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** SQL for introductions: when each channel was welcomed, and whether a community greets its new members. */
final class WelcomeDao {
    private final Jdbi jdbi;

    WelcomeDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * Records that the channel is welcomed {@code now}, unless it was since {@code since}; true when it was recorded,
     * and the welcome is to be sent. The row's lock makes two replicas handling the same arrival agree.
     */
    boolean welcome(ChannelRef channel, Instant now, Instant since) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO welcomed_channel (platform, workspace_id, channel_id, welcomed_at)
                        VALUES (:platform, :workspace, :channel, :now)
                        ON CONFLICT (platform, workspace_id, channel_id)
                        DO UPDATE SET welcomed_at = excluded.welcomed_at
                        WHERE welcomed_channel.welcomed_at < :since
                        """)
                .bind("platform", channel.platform().id()).bind("workspace", channel.workspaceId())
                .bind("channel", channel.channelId()).bind("now", now).bind("since", since)
                .execute()) == 1;
    }

    /** Whether the community greets the members who join its channels: yes, unless its facilitators said no. */
    boolean welcomesMembers(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT welcome_members FROM welcome_settings WHERE community_id = :c
                        """)
                .bind("c", communityId).mapTo(Boolean.class).findOne().orElse(true));
    }

    void setWelcomesMembers(long communityId, boolean on) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO welcome_settings (community_id, welcome_members) VALUES (:c, :on)
                        ON CONFLICT (community_id) DO UPDATE SET welcome_members = excluded.welcome_members
                        """)
                .bind("c", communityId).bind("on", on).execute());
    }
}
