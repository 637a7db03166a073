package io.collectivepulse.teams;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the message activities already handled, so that a redelivered one is not handled twice. */
public interface DeliveredActivityDao {

    /** Records the activity; 0 when it was recorded before (a redelivery). */
    @SqlUpdate("""
            INSERT INTO teams_activity (conversation_id, activity_id, received_at)
            VALUES (:conversationId, :activityId, :now)
            ON CONFLICT DO NOTHING
            """)
    int record(@Bind("conversationId") String conversationId, @Bind("activityId") String activityId,
               @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM teams_activity WHERE received_at < :before")
    int forgetBefore(@Bind("before") Instant before);
}
