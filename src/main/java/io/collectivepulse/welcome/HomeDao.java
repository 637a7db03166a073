package io.collectivepulse.welcome;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.db.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * SQL for a member's home: read-only, across the tables of the features it sums up (communities, signals,
 * sessions, polls), so that none of them has to know the home exists.
 */
final class HomeDao {
    /** How many of each list the home shows. */
    static final int RECENT = 5;

    private final Jdbi jdbi;

    HomeDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** A community the member belongs to, and whether they facilitate it. */
    record Membership(long communityId, String name, boolean facilitator) {
    }

    /** The community's next session, and the member's answer to it (null when they did not answer). */
    record NextSession(int number, String title, Instant startsAt, String answer) {
    }

    /** An open poll of the community. */
    record OpenPoll(int number, String question) {
    }

    List<Membership> memberships(Actor member) {
        return jdbi.withHandle(h -> member(h.createQuery("""
                        SELECT c.id, c.name, m.role = 'facilitator' AS facilitator
                        FROM member m JOIN community c ON c.id = m.community_id
                        WHERE m.platform = :platform AND m.workspace_id = :workspace AND m.user_id = :user
                        ORDER BY c.name, c.id
                        """), member)
                .map((rs, ctx) -> new Membership(rs.getLong("id"), rs.getString("name"), rs.getBoolean("facilitator")))
                .list());
    }

    Optional<NextSession> nextSession(long communityId, Actor member, Instant now) {
        return jdbi.withHandle(h -> member(h.createQuery("""
                        SELECT s.number, s.title, s.starts_at, a.answer
                        FROM session s LEFT JOIN session_answer a ON a.session_id = s.id AND a.platform = :platform
                             AND a.workspace_id = :workspace AND a.user_id = :user
                        WHERE s.community_id = :community AND s.cancelled_at IS NULL AND s.starts_at > :now
                        ORDER BY s.starts_at, s.id LIMIT 1
                        """), member).bind("community", communityId).bind("now", now)
                .map((rs, ctx) -> new NextSession(rs.getInt("number"), rs.getString("title"),
                        rs.getTimestamp("starts_at").toInstant(), rs.getString("answer")))
                .findOne());
    }

    /** The member's latest signals and resources in the community, newest first. */
    List<String> recentSignals(long communityId, Actor member) {
        return jdbi.withHandle(h -> member(h.createQuery("""
                        SELECT CASE WHEN body = '' THEN link ELSE body END FROM signal
                        WHERE community_id = :community AND platform = :platform AND workspace_id = :workspace
                          AND author_id = :user
                        ORDER BY created_at DESC, id DESC LIMIT :limit
                        """), member).bind("community", communityId).bind("limit", RECENT)
                .mapTo(String.class).list());
    }

    /** What the member took up in the community: signals they claimed, then themes ({@code #theme}). */
    List<String> takenUp(long communityId, Actor member) {
        return jdbi.withHandle(h -> member(h.createQuery("""
                        (SELECT s.body AS topic, c.claimed_at FROM signal_claim c JOIN signal s ON s.id = c.signal_id
                         WHERE s.community_id = :community AND c.platform = :platform
                           AND c.workspace_id = :workspace AND c.user_id = :user AND s.body <> '')
                        UNION ALL
                        (SELECT '#' || theme, claimed_at FROM theme_claim
                         WHERE community_id = :community AND platform = :platform AND workspace_id = :workspace
                           AND user_id = :user)
                        ORDER BY claimed_at DESC LIMIT :limit
                        """), member).bind("community", communityId).bind("limit", RECENT)
                .mapTo(String.class).list());
    }

    List<OpenPoll> openPolls(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT number, question FROM poll WHERE community_id = :community AND closed_at IS NULL
                        ORDER BY created_at DESC, id DESC LIMIT :limit
                        """).bind("community", communityId).bind("limit", RECENT)
                .map((rs, ctx) -> new OpenPoll(rs.getInt("number"), rs.getString("question"))).list());
    }

    private static Query member(Query query, Actor member) {
        return query.bind("platform", member.platform().id()).bind("workspace", member.workspaceId())
                .bind("user", member.userId());
    }

}
