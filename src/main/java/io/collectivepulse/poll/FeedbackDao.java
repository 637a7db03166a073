package io.collectivepulse.poll;

import io.collectivepulse.db.Database;
import org.jdbi.v3.core.Jdbi;

/** SQL for what polls do per community: whether a feedback poll follows each session. */
final class FeedbackDao {
    private final Jdbi jdbi;

    FeedbackDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Whether a feedback poll follows each of the community's sessions: yes, unless its facilitators said no. */
    boolean sessionFeedback(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT session_feedback FROM poll_settings WHERE community_id = :c
                        """)
                .bind("c", communityId).mapTo(Boolean.class).findOne().orElse(true));
    }

    void setSessionFeedback(long communityId, boolean on) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO poll_settings (community_id, session_feedback) VALUES (:c, :on)
                        ON CONFLICT (community_id) DO UPDATE SET session_feedback = excluded.session_feedback
                        """)
                .bind("c", communityId).bind("on", on).execute());
    }
}
