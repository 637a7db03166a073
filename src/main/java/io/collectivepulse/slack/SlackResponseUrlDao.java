package io.collectivepulse.slack;

import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.db.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for the latest {@code response_url} of each member's command or press in a channel: the one way to write to
 * a member in a channel the bot is not in (see {@link SlackSender#notify}).
 */
final class SlackResponseUrlDao {
    private final Jdbi jdbi;

    SlackResponseUrlDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Remembers the member's latest response_url in the channel; joins the request's transaction. */
    void record(ChannelRef channel, String userId, String url, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO slack_response_url (workspace_id, channel_id, user_id, url, received_at)
                        VALUES (:workspaceId, :channelId, :userId, :url, :now)
                        ON CONFLICT (workspace_id, channel_id, user_id) DO UPDATE
                          SET url = EXCLUDED.url, received_at = EXCLUDED.received_at, told_at = NULL
                        """)
                .bind("workspaceId", channel.workspaceId()).bind("channelId", channel.channelId())
                .bind("userId", userId).bind("url", url).bind("now", now)
                .execute());
    }

    /** The member's latest response_url in the channel, if it came after {@code since}. */
    Optional<String> find(ChannelRef channel, String userId, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT url FROM slack_response_url
                        WHERE workspace_id = :workspaceId AND channel_id = :channelId AND user_id = :userId
                          AND received_at >= :since
                        """)
                .bind("workspaceId", channel.workspaceId()).bind("channelId", channel.channelId())
                .bind("userId", userId).bind("since", since)
                .mapTo(String.class).findOne());
    }

    /**
     * The response_urls of the members who used a command or a button in the channel since {@code since} and were
     * not told yet that it cannot be written to; marked as told, so that each is told once.
     */
    List<String> untold(ChannelRef channel, Instant since, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE slack_response_url SET told_at = :now
                        WHERE workspace_id = :workspaceId AND channel_id = :channelId AND received_at >= :since
                          AND told_at IS NULL
                        RETURNING url
                        """)
                .bind("workspaceId", channel.workspaceId()).bind("channelId", channel.channelId())
                .bind("since", since).bind("now", now)
                .mapTo(String.class).list());
    }

    int forgetBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM slack_response_url WHERE received_at < :before")
                .bind("before", before).execute());
    }
}
