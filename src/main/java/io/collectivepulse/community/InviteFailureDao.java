package io.collectivepulse.community;

import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** SQL for the invitation codes refused in each channel ({@code invite_failure}), read by {@link InvitationTries}. */
final class InviteFailureDao {
    private final Jdbi jdbi;

    InviteFailureDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * Until the transaction ends, the other tries in the channel's workspace wait, on every replica: the count read
     * next and the refusal written after it cannot be overtaken by a burst of concurrent guesses.
     */
    void lockWorkspace(ChannelRef channel) {
        jdbi.useHandle(h -> h.createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "invite-failure:" + channel.platform().id() + ":" + channel.workspaceId())
                .mapTo(String.class).one());
    }

    /**
     * When the {@code channelLimit}-th latest refusal in the channel and the {@code workspaceLimit}-th latest in
     * its workspace, since {@code since}, happened; null where there were fewer.
     */
    Latest latest(ChannelRef channel, int channelLimit, int workspaceLimit, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT
                          (SELECT tried_at FROM invite_failure
                           WHERE platform = :platform AND workspace_id = :workspaceId AND channel_id = :channelId
                             AND tried_at > :since
                           ORDER BY tried_at DESC OFFSET :channelLimit - 1 LIMIT 1) AS channel,
                          (SELECT tried_at FROM invite_failure
                           WHERE platform = :platform AND workspace_id = :workspaceId AND tried_at > :since
                           ORDER BY tried_at DESC OFFSET :workspaceLimit - 1 LIMIT 1) AS workspace
                        """)
                .bind("platform", channel.platform().id()).bind("workspaceId", channel.workspaceId())
                .bind("channelId", channel.channelId()).bind("since", since)
                .bind("channelLimit", channelLimit).bind("workspaceLimit", workspaceLimit)
                .map((rs, ctx) -> new Latest(Rows.instant(rs, "channel"), Rows.instant(rs, "workspace")))
                .one());
    }

    /** The refusals at the limits, as read by {@link #latest}; null where a limit is not reached. */
    record Latest(Instant channel, Instant workspace) {
    }

    void record(ChannelRef channel, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO invite_failure (platform, workspace_id, channel_id, tried_at)
                        VALUES (:platform, :workspaceId, :channelId, :now)
                        """)
                .bind("platform", channel.platform().id()).bind("workspaceId", channel.workspaceId())
                .bind("channelId", channel.channelId()).bind("now", now)
                .execute());
    }

    /** Forgets the refusals before {@code before}; returns how many. */
    int forgetBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM invite_failure WHERE tried_at < :before")
                .bind("before", before).execute());
    }
}
