package io.collectivepulse.teams;

import io.collectivepulse.db.Database;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** SQL for the message activities already handled, so that a redelivered one is not handled twice. */
public final class DeliveredActivityDao {
    private final Jdbi jdbi;

    public DeliveredActivityDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Records the activity; 0 when it was recorded before (a redelivery). */
    public int record(String conversationId, String activityId, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO teams_activity (conversation_id, activity_id, received_at)
                        VALUES (:conversationId, :activityId, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("conversationId", conversationId).bind("activityId", activityId).bind("now", now)
                .execute());
    }

    public int forgetBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM teams_activity WHERE received_at < :before")
                .bind("before", before).execute());
    }
}
