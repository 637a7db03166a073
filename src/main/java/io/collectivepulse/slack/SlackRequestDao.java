package io.collectivepulse.slack;

import io.collectivepulse.db.Database;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for the Slack requests already handled and their answers (see {@link SlackReplays}). */
final class SlackRequestDao {
    /** An answer as it was given: its content type and body. */
    record Answer(String contentType, String body) {
    }

    private final Jdbi jdbi;

    SlackRequestDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * Remembers the request under {@code key} with its answer; if it was handled before, returns that earlier
     * answer instead (a concurrent first handling is waited for).
     */
    Optional<Answer> remember(String key, Answer answer, Instant now) {
        return jdbi.withHandle(h -> {
            int added = h.createUpdate("""
                            INSERT INTO slack_request (request_key, content_type, body, received_at)
                            VALUES (:key, :contentType, :body, :now)
                            ON CONFLICT (request_key) DO NOTHING
                            """)
                    .bind("key", key).bind("contentType", answer.contentType()).bind("body", answer.body())
                    .bind("now", now).execute();
            if (added > 0) {
                return Optional.empty();
            }
            return Optional.of(h.createQuery("SELECT content_type, body FROM slack_request WHERE request_key = :key")
                    .bind("key", key)
                    .map((rs, ctx) -> new Answer(rs.getString("content_type"), rs.getString("body")))
                    .findOne().orElse(new Answer(null, "")));
        });
    }

    int forgetBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM slack_request WHERE received_at < :before")
                .bind("before", before).execute());
    }
}
