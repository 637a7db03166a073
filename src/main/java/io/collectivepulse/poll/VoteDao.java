package io.collectivepulse.poll;

import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** SQL for members' votes: one row per voter and option chosen, under the voter's key ({@link Voter}). */
final class VoteDao {
    private final Jdbi jdbi;

    VoteDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Until the transaction ends, this voter's other votes on the poll wait (a double click on two replicas). */
    void lockVoter(long pollId, String voter) {
        jdbi.useHandle(h -> h.createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", pollId + ":" + voter).mapTo(String.class).one());
    }

    /** What choosing an option did: whether the poll offers it, and whether the voter's ballot changed. */
    record Choice(boolean offered, boolean changed) {
    }

    /**
     * Chooses option {@code position} for the voter, unless the poll does not offer it; in a single-choice poll
     * ({@code only}) instead of the voter's other choices. One statement: a vote's round trips are what 1,000
     * votes a second wait on.
     */
    Choice choose(long pollId, int position, Voter voter, boolean only) {
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH offered AS (SELECT 1 FROM poll_option WHERE poll_id = :p AND position = :n),
                        removed AS (
                            DELETE FROM poll_vote
                            WHERE :only AND poll_id = :p AND voter = :voter AND position <> :n
                              AND EXISTS (SELECT 1 FROM offered)
                            RETURNING 1),
                        added AS (
                            INSERT INTO poll_vote (poll_id, position, voter, platform, workspace_id, user_id,
                                                   display_name)
                            SELECT :p, :n, :voter, :platform, :workspace, :user, :name FROM offered
                            ON CONFLICT DO NOTHING
                            RETURNING 1)
                        SELECT EXISTS (SELECT 1 FROM offered) AS offered,
                               (SELECT count(*) FROM removed) + (SELECT count(*) FROM added) > 0 AS changed
                        """)
                .bind("p", pollId).bind("n", position).bind("voter", voter.key()).bind("only", only)
                .bind("platform", voter.named() ? voter.actor().platform().id() : null)
                .bind("workspace", voter.named() ? voter.actor().workspaceId() : null)
                .bind("user", voter.named() ? voter.actor().userId() : null)
                .bind("name", voter.named() ? voter.actor().displayName() : null)
                .map((rs, ctx) -> new Choice(rs.getBoolean("offered"), rs.getBoolean("changed"))).one());
    }

    /** Removes the voter's votes for other options than {@code keep} (all of them for 0); how many went. */
    int removeOthers(long pollId, String voter, int keep) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM poll_vote WHERE poll_id = :p AND voter = :voter AND position <> :keep
                        """)
                .bind("p", pollId).bind("voter", voter).bind("keep", keep).execute());
    }

    /** Removes the voter's vote for one option; true when there was one. */
    boolean remove(long pollId, String voter, int position) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM poll_vote WHERE poll_id = :p AND voter = :voter AND position = :n
                        """)
                .bind("p", pollId).bind("voter", voter).bind("n", position).execute() > 0);
    }

    /** The options the voter chose. */
    Set<Integer> chosen(long pollId, String voter) {
        return jdbi.withHandle(h -> Set.copyOf(h.createQuery("""
                        SELECT position FROM poll_vote WHERE poll_id = :p AND voter = :voter
                        """)
                .bind("p", pollId).bind("voter", voter).mapTo(Integer.class).list()));
    }

    /** Who chose each option of a poll that is not anonymous, by option position, names in alphabetical order. */
    Map<Integer, List<String>> names(long pollId) {
        return jdbi.withHandle(h -> {
            Map<Integer, List<String>> names = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT position, array_agg(display_name ORDER BY lower(display_name)) AS names
                            FROM poll_vote WHERE poll_id = :p AND display_name IS NOT NULL
                            GROUP BY position ORDER BY position
                            """)
                    .bind("p", pollId)
                    .map((rs, ctx) -> Map.entry(rs.getInt("position"), Rows.strings(rs, "names")))
                    .forEach(e -> names.put(e.getKey(), e.getValue()));
            return names;
        });
    }
}
