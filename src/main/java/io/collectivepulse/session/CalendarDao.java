package io.collectivepulse.session;

import io.collectivepulse.db.Database;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for the token of each community's calendar feed ({@code session_settings.calendar_token}). */
final class CalendarDao {
    private final Jdbi jdbi;

    CalendarDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** The community whose calendar feed has this token. */
    Optional<Long> communityOfFeed(String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT community_id FROM session_settings WHERE calendar_token = :t")
                .bind("t", token).mapTo(Long.class).findOne());
    }

    Optional<String> feedToken(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT calendar_token FROM session_settings WHERE community_id = :c")
                .bind("c", communityId).mapTo(String.class).findOne());
    }

    /** Gives the community's feed a new token (the old one, if any, stops working). */
    void saveFeedToken(long communityId, String token, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO session_settings (community_id, reminders, calendar_token, updated_at)
                        VALUES (:c, :reminders, :token, :now)
                        ON CONFLICT (community_id) DO UPDATE SET calendar_token = :token, updated_at = :now
                        """)
                .bind("c", communityId).bind("token", token).bind("now", now)
                .bind("reminders", ReminderOffset.DEFAULT.stream().map(ReminderOffset::code).toArray(String[]::new))
                .execute());
    }
}
