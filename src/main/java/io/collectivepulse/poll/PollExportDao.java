package io.collectivepulse.poll;

import io.collectivepulse.db.Database;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for the one-time links to polls' CSV files: each known only by the SHA-256 of its token. */
final class PollExportDao {
    private final Jdbi jdbi;

    PollExportDao(Database database) {
        this.jdbi = database.jdbi();
    }

    void insert(byte[] tokenHash, long pollId, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO poll_export (token_hash, poll_id, expires_at) VALUES (:hash, :poll, :expires)
                        """)
                .bind("hash", tokenHash).bind("poll", pollId).bind("expires", expiresAt).execute());
    }

    /**
     * Marks the link used if it is unused and unexpired, in one statement: of two requests at the same moment, one
     * gets the poll and the other nothing. The poll's id, or empty for a link unknown, used or expired.
     */
    Optional<Long> redeem(byte[] tokenHash, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE poll_export SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                        RETURNING poll_id
                        """)
                .bind("hash", tokenHash).bind("now", now).mapTo(Long.class).findOne());
    }

    /** Deletes the links expired before {@code now}, used or not; how many went. */
    int forgetExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM poll_export WHERE expires_at <= :now")
                .bind("now", now).execute());
    }
}
