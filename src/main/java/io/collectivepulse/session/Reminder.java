package io.collectivepulse.session;

import java.time.Instant;

/** A reminder planned for one date of a session ({@code sequence}); {@code sentAt} once done (sent or dropped). */
record Reminder(long id, long sessionId, ReminderOffset offset, Instant dueAt, int sequence, Instant sentAt) {
    Reminder(ReminderOffset offset, Instant dueAt) {
        this(0, 0, offset, dueAt, 0, null);
    }
}
