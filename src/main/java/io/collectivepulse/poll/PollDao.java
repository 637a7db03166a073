package io.collectivepulse.poll;

import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for polls, their options and votes. */
final class PollDao {
    /** The first key of the advisory locks that hold a poll against its close; the second is its id (as an int). */
    private static final int LOCKS = 0x504f4c4c;
    private static final RowMapper<Poll> POLL = (rs, ctx) -> new Poll(rs.getLong("id"), rs.getLong("community_id"),
            rs.getInt("number"), rs.getString("question"), rs.getBoolean("anonymous"), rs.getBoolean("multiple"),
            Rows.instant(rs, "ends_at"), Rows.instant(rs, "closed_at"));

    private final Jdbi jdbi;

    PollDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Locks the community until the transaction ends: polls are numbered one launcher at a time. */
    void lockCommunity(long communityId) {
        jdbi.useHandle(h -> h.createQuery("SELECT id FROM community WHERE id = :id FOR UPDATE")
                .bind("id", communityId).mapTo(Long.class).findOne());
    }

    /**
     * Adds the poll with the community's next n°, and its options in order; {@code sessionId} names the session a
     * feedback poll follows up (null for others). Empty when that session already has its poll.
     */
    Optional<Poll> insert(long communityId, PollDraft draft, byte[] secret, Instant now, Long sessionId) {
        return jdbi.withHandle(h -> {
            Optional<Poll> inserted = h.createQuery("""
                            INSERT INTO poll (community_id, number, question, anonymous, multiple, ends_at, secret,
                                              created_at, session_id)
                            SELECT :communityId, coalesce(max(number), 0) + 1, :question, :anonymous, :multiple,
                                   :endsAt, :secret, :now, :sessionId
                            FROM poll WHERE community_id = :communityId
                            ON CONFLICT (session_id) DO NOTHING
                            RETURNING *
                            """)
                    .bind("communityId", communityId).bind("question", draft.question())
                    .bind("anonymous", draft.anonymous()).bind("multiple", draft.multiple())
                    .bind("endsAt", draft.endsAt()).bind("secret", secret).bind("now", now)
                    .bind("sessionId", sessionId).map(POLL).findOne();
            inserted.ifPresent(poll -> {
                var batch = h.prepareBatch(
                        "INSERT INTO poll_option (poll_id, position, label) VALUES (:p, :n, :label)");
                for (int i = 0; i < draft.options().size(); i++) {
                    batch.bind("p", poll.id()).bind("n", i + 1).bind("label", draft.options().get(i)).add();
                }
                batch.execute();
            });
            return inserted;
        });
    }

    Optional<Poll> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM poll WHERE id = :id")
                .bind("id", id).map(POLL).findOne());
    }

    Optional<Poll> byNumber(long communityId, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM poll WHERE community_id = :c AND number = :n")
                .bind("c", communityId).bind("n", number).map(POLL).findOne());
    }

    /** The feedback poll that follows session {@code sessionId} up, if it has one. */
    Optional<Poll> bySession(long sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM poll WHERE session_id = :s")
                .bind("s", sessionId).map(POLL).findOne());
    }

    /** The community's open polls, oldest first. */
    List<Poll> open(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM poll WHERE community_id = :c AND closed_at IS NULL ORDER BY number
                        """)
                .bind("c", communityId).map(POLL).list());
    }

    /** Every open poll with a deadline, for the replica that plans their triggers at start. */
    List<Poll> openWithDeadline() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM poll WHERE closed_at IS NULL AND ends_at IS NOT NULL
                        """).map(POLL).list());
    }

    /**
     * The poll and its ballot key, held against its close until the transaction ends; empty when there is no such
     * poll. Votes share the hold, so they do not wait for one another: a transaction-scoped advisory lock in shared
     * mode, which lives in the lock table (a row locked FOR SHARE by hundreds of votes at once is rewritten with a
     * new multixact by each, and 1,000 votes a second queued behind it).
     */
    Optional<Locked> lockForVote(long id) {
        return jdbi.withHandle(h -> {
            h.createQuery("SELECT pg_advisory_xact_lock_shared(:space, :id)")
                    .bind("space", LOCKS).bind("id", (int) id).mapTo(String.class).one();
            return h.createQuery("SELECT * FROM poll WHERE id = :id")
                    .bind("id", id).map((rs, ctx) -> new Locked(POLL.map(rs, ctx), rs.getBytes("secret"))).findOne();
        });
    }

    /** A poll locked for a vote, with the key of its anonymous ballots (null when it is not anonymous). */
    record Locked(Poll poll, byte[] secret) {
    }

    /** The options with their counts (frozen ones once closed) and the number of voters. */
    Tally tally(long pollId) {
        return jdbi.withHandle(h -> {
            List<Tally.Option> options = h.createQuery("""
                            SELECT o.position, o.label,
                                   coalesce(o.votes, (SELECT count(*) FROM poll_vote v
                                                      WHERE v.poll_id = o.poll_id AND v.position = o.position)) AS votes
                            FROM poll_option o WHERE o.poll_id = :p ORDER BY o.position
                            """)
                    .bind("p", pollId)
                    .map((rs, ctx) -> new Tally.Option(rs.getInt("position"), rs.getString("label"),
                            rs.getInt("votes")))
                    .list();
            int voters = h.createQuery("""
                            SELECT coalesce(p.voters,
                                            (SELECT count(DISTINCT voter) FROM poll_vote v WHERE v.poll_id = p.id))
                            FROM poll p WHERE p.id = :p
                            """)
                    .bind("p", pollId).mapTo(Integer.class).one();
            return new Tally(options, voters);
        });
    }

    /** Closes the poll unless it is already, forgetting its ballot key: the poll as closed now, or empty. */
    Optional<Poll> close(long id, Instant now) {
        return jdbi.withHandle(h -> {
            // Waits for the votes under way, and holds the next ones until this transaction ends.
            h.createQuery("SELECT pg_advisory_xact_lock(:space, :id)")
                    .bind("space", LOCKS).bind("id", (int) id).mapTo(String.class).one();
            return h.createQuery("""
                        UPDATE poll SET closed_at = :now, secret = NULL WHERE id = :id AND closed_at IS NULL
                        RETURNING *
                        """)
                .bind("id", id).bind("now", now).map(POLL).findOne();
        });
    }

    /**
     * Freezes the counts of a poll just closed (in a statement after the close, which waited for the votes under
     * way: they are counted); an anonymous poll's ballots are deleted then, so nothing of its voters remains.
     */
    void freeze(Poll poll) {
        jdbi.useHandle(h -> {
            h.createUpdate("""
                            UPDATE poll_option o SET votes = (SELECT count(*) FROM poll_vote v
                                                              WHERE v.poll_id = o.poll_id AND v.position = o.position)
                            WHERE o.poll_id = :p
                            """).bind("p", poll.id()).execute();
            h.createUpdate("""
                            UPDATE poll SET voters = (SELECT count(DISTINCT voter) FROM poll_vote WHERE poll_id = :p)
                            WHERE id = :p
                            """).bind("p", poll.id()).execute();
            if (poll.anonymous()) {
                h.createUpdate("DELETE FROM poll_vote WHERE poll_id = :p").bind("p", poll.id()).execute();
            }
        });
    }
}
