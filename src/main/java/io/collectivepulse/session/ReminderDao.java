package io.collectivepulse.session;

import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the sessions' reminders ({@code session_reminder}) and when each community's members are reminded. */
final class ReminderDao {
    private static final RowMapper<Reminder> REMINDER = (rs, ctx) -> new Reminder(rs.getLong("id"),
            rs.getLong("session_id"), ReminderOffset.parse(rs.getString("offset_code")).orElseThrow(),
            Rows.instant(rs, "due_at"), rs.getInt("sequence"), Rows.instant(rs, "sent_at"));

    private final Jdbi jdbi;

    ReminderDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Adds the session's reminders for its current date; those already there are kept. */
    List<Reminder> addReminders(Session session, List<Reminder> planned) {
        return jdbi.withHandle(h -> {
            for (Reminder reminder : planned) {
                h.createUpdate("""
                                INSERT INTO session_reminder (session_id, offset_code, due_at, sequence)
                                VALUES (:sessionId, :code, :due, :sequence)
                                ON CONFLICT (session_id, offset_code, sequence) DO NOTHING
                                """)
                        .bind("sessionId", session.id()).bind("code", reminder.offset().code())
                        .bind("due", reminder.dueAt()).bind("sequence", session.sequence())
                        .execute();
            }
            return h.createQuery("SELECT * FROM session_reminder WHERE session_id = :id AND sequence = :sequence")
                    .bind("id", session.id()).bind("sequence", session.sequence()).map(REMINDER).list();
        });
    }

    /** Removes the reminders of the session not sent yet; returns their ids (their triggers go too). */
    List<Long> removePendingReminders(long sessionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        DELETE FROM session_reminder WHERE session_id = :id AND sent_at IS NULL RETURNING id
                        """)
                .bind("id", sessionId).mapTo(Long.class).list());
    }

    Optional<Reminder> reminder(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session_reminder WHERE id = :id")
                .bind("id", id).map(REMINDER).findOne());
    }

    /** Marks the reminder done, once: false when another replica or an earlier firing did. */
    boolean markDone(long id, String outcome, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE session_reminder SET sent_at = :now, outcome = :outcome
                        WHERE id = :id AND sent_at IS NULL
                        """)
                .bind("id", id).bind("outcome", outcome).bind("now", now).execute() > 0);
    }

    /** The reminders still to send, for the start: each must have its trigger. */
    List<Reminder> pendingReminders() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session_reminder WHERE sent_at IS NULL ORDER BY id")
                .map(REMINDER).list());
    }

    /** When the community's members are reminded; empty when a facilitator turned reminders off. */
    Optional<List<ReminderOffset>> reminderSettings(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT reminders FROM session_settings WHERE community_id = :c")
                .bind("c", communityId)
                .map((rs, ctx) -> Rows.strings(rs, "reminders").stream()
                        .map(code -> ReminderOffset.parse(code).orElseThrow()).toList())
                .findOne());
    }

    void saveReminderSettings(long communityId, List<ReminderOffset> offsets, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO session_settings (community_id, reminders, updated_at)
                        VALUES (:c, :reminders, :now)
                        ON CONFLICT (community_id) DO UPDATE SET reminders = EXCLUDED.reminders, updated_at = :now
                        """)
                .bind("c", communityId).bind("reminders", offsets.stream().map(ReminderOffset::code)
                        .toArray(String[]::new))
                .bind("now", now).execute());
    }
}
