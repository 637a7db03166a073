package io.collectivepulse.session;

import io.collectivepulse.chat.Card;
import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for the private reminders that could not reach their members ({@code session_reminder_miss}). */
final class ReminderMissDao {
    private final Jdbi jdbi;

    ReminderMissDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Records the miss; empty if it was recorded already (the same reminder, the same member). */
    Optional<Long> record(long reminderId, Miss miss, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO session_reminder_miss
                          (reminder_id, platform, workspace_id, user_id, display_name, advice, missed_at)
                        VALUES (:reminderId, :platform, :workspaceId, :userId, :name, :advice, :now)
                        ON CONFLICT (reminder_id, platform, workspace_id, user_id) DO NOTHING
                        RETURNING id
                        """)
                .bind("reminderId", reminderId).bind("platform", miss.platform()).bind("workspaceId", miss.workspaceId())
                .bind("userId", miss.userId()).bind("name", miss.name()).bind("advice", miss.advice())
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).findOne());
    }

    /** The reminder a miss belongs to. */
    Optional<Long> reminderOf(long missId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT reminder_id FROM session_reminder_miss WHERE id = :id")
                .bind("id", missId).mapTo(Long.class).findOne());
    }

    /**
     * The members the post of miss {@code missId} names: every member of its platform and workspace the reminder
     * missed and no other post names yet. The same members (and any missed since) when drawn again, for a post
     * tried again; none for the post of a miss that another post has taken.
     */
    List<Card.Mention> takeMentions(long missId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH leader AS (
                          SELECT reminder_id, platform, workspace_id FROM session_reminder_miss WHERE id = :id
                        )
                        UPDATE session_reminder_miss m SET included_in = :id
                        FROM leader
                        WHERE m.reminder_id = leader.reminder_id AND m.platform = leader.platform
                          AND m.workspace_id = leader.workspace_id
                          AND (m.included_in IS NULL OR m.included_in = :id)
                        RETURNING m.user_id, m.display_name, m.id
                        """)
                .bind("id", missId)
                .map((rs, ctx) -> new Card.Mention(rs.getString("user_id"), rs.getString("display_name")))
                .list());
    }

    /** The members of the community's sessions that private reminders missed since {@code since}, latest first. */
    List<Missed> since(long communityId, Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT m.platform, m.workspace_id, m.user_id, max(m.display_name) AS name,
                               count(*) AS count, max(m.missed_at) AS last
                        FROM session_reminder_miss m
                        JOIN session_reminder r ON r.id = m.reminder_id
                        JOIN session s ON s.id = r.session_id
                        WHERE s.community_id = :communityId AND m.missed_at >= :since
                        GROUP BY m.platform, m.workspace_id, m.user_id
                        ORDER BY max(m.missed_at) DESC
                        LIMIT :limit
                        """)
                .bind("communityId", communityId).bind("since", since).bind("limit", limit)
                .map((rs, ctx) -> new Missed(rs.getString("name"), rs.getInt("count"), Rows.instant(rs, "last")))
                .list());
    }

    /** Who a reminder missed, and what the platform said. */
    record Miss(String platform, String workspaceId, String userId, String name, String advice) {
    }

    /** A member reminders missed: how many times, the last one when. */
    record Missed(String name, int count, Instant last) {
    }
}
