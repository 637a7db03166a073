package io.collectivepulse.session;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for sessions and their answers. */
final class SessionDao {
    private static final RowMapper<Session> SESSION = (rs, ctx) -> new Session(rs.getLong("id"),
            rs.getLong("community_id"), rs.getInt("number"), rs.getString("title"), Rows.instant(rs, "starts_at"),
            Duration.ofMinutes(rs.getInt("duration_minutes")), rs.getString("place"), rs.getString("link"),
            rs.getString("guest"), rs.getString("notes"), rs.getInt("sequence"), rs.getTimestamp("cancelled_at") != null,
            rs.getString("public_id"), Rows.instant(rs, "updated_at"));

    private static final RowMapper<Answer> ANSWER = (rs, ctx) -> new Answer(
            new Actor(Platform.fromId(rs.getString("platform")), rs.getString("workspace_id"), rs.getString("user_id"),
                    rs.getString("display_name")),
            Answer.Choice.valueOf(rs.getString("answer").toUpperCase(Locale.ROOT)), Rows.instant(rs, "answered_at"));

    private final Jdbi jdbi;

    SessionDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Locks the community's sessions until the transaction ends: numbers are given one planner at a time. */
    void lock(long communityId) {
        jdbi.useHandle(h -> h.createQuery("SELECT id FROM community WHERE id = :id FOR UPDATE")
                .bind("id", communityId).mapTo(Long.class).findOne());
    }

    /** Adds a session with the next number of the community's cycle. */
    Session insert(long communityId, Draft draft, String publicId, String createdBy, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO session (community_id, number, title, starts_at, duration_minutes, place, link,
                                             guest, notes, public_id, created_by, created_at, updated_at)
                        SELECT :communityId, coalesce(max(number), 0) + 1, :title, :startsAt, :minutes, :place, :link,
                               :guest, :notes, :publicId, :createdBy, :now, :now
                        FROM session WHERE community_id = :communityId
                        RETURNING *
                        """)
                .bind("communityId", communityId).bind("title", draft.title()).bind("startsAt", draft.startsAt())
                .bind("minutes", (int) draft.duration().toMinutes()).bind("place", draft.place())
                .bind("link", draft.link()).bind("guest", draft.guest()).bind("notes", draft.notes())
                .bind("publicId", publicId).bind("createdBy", createdBy).bind("now", now)
                .map(SESSION).one());
    }

    Optional<Session> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session WHERE id = :id")
                .bind("id", id).map(SESSION).findOne());
    }

    /** The session reminder {@code reminderId} is for, unless the session was moved since or cancelled. */
    Optional<Session> owing(long reminderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.* FROM session_reminder r JOIN session s ON s.id = r.session_id
                        WHERE r.id = :id AND s.sequence = r.sequence AND s.cancelled_at IS NULL
                        """)
                .bind("id", reminderId).map(SESSION).findOne());
    }

    Optional<Session> byNumber(long communityId, int number) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session WHERE community_id = :c AND number = :n")
                .bind("c", communityId).bind("n", number).map(SESSION).findOne());
    }

    /** Every session of the community, cancelled ones included, in order of their numbers. */
    List<Session> all(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session WHERE community_id = :c ORDER BY number")
                .bind("c", communityId).map(SESSION).list());
    }

    /** The sessions not cancelled that have not ended, soonest first. */
    List<Session> upcoming(long communityId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM session
                        WHERE community_id = :c AND cancelled_at IS NULL
                          AND starts_at + duration_minutes * interval '1 minute' > :now
                        ORDER BY starts_at
                        """)
                .bind("c", communityId).bind("now", now).map(SESSION).list());
    }

    /** The session planned at another moment: its sequence goes up (calendars take the new time). */
    Session move(long id, Instant startsAt, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE session SET starts_at = :startsAt, sequence = sequence + 1, updated_at = :now
                        WHERE id = :id RETURNING *
                        """)
                .bind("id", id).bind("startsAt", startsAt).bind("now", now).map(SESSION).one());
    }

    /** The session as the facilitators changed it: its sequence goes up (calendars take the new version). */
    Session update(long id, Draft draft, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE session SET title = :title, starts_at = :startsAt, duration_minutes = :minutes,
                                           place = :place, link = :link, guest = :guest, notes = :notes,
                                           sequence = sequence + 1, updated_at = :now
                        WHERE id = :id RETURNING *
                        """)
                .bind("id", id).bind("title", draft.title()).bind("startsAt", draft.startsAt())
                .bind("minutes", (int) draft.duration().toMinutes()).bind("place", draft.place())
                .bind("link", draft.link()).bind("guest", draft.guest()).bind("notes", draft.notes()).bind("now", now)
                .map(SESSION).one());
    }

    /** Cancels the session, unless it was already: the session as cancelled now, or empty. */
    Optional<Session> cancel(long id, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE session SET cancelled_at = :now, sequence = sequence + 1, updated_at = :now
                        WHERE id = :id AND cancelled_at IS NULL RETURNING *
                        """)
                .bind("id", id).bind("now", now).map(SESSION).findOne());
    }

    /** Marks the session's end followed up; false when it already was (another replica's trigger, a re-run). */
    boolean markFollowedUp(long id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE session SET followed_up_at = :now
                        WHERE id = :id AND followed_up_at IS NULL AND cancelled_at IS NULL
                        """)
                .bind("id", id).bind("now", now).execute()) == 1;
    }

    /** The sessions not cancelled whose end has not been followed up, ending after {@code after}. */
    List<Session> toFollowUp(Instant after) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM session
                        WHERE followed_up_at IS NULL AND cancelled_at IS NULL
                          AND starts_at + duration_minutes * INTERVAL '1 minute' > :after
                        """)
                .bind("after", after).map(SESSION).list());
    }

    /** Records the member's answer (one per member and session); true when it changed. */
    boolean answer(long sessionId, Actor actor, Answer.Choice choice, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO session_answer (session_id, platform, workspace_id, user_id, display_name, answer,
                                                    answered_at)
                        VALUES (:sessionId, :platform, :workspaceId, :userId, :displayName, :answer, :now)
                        ON CONFLICT (session_id, platform, workspace_id, user_id) DO UPDATE
                          SET answer = EXCLUDED.answer, display_name = EXCLUDED.display_name,
                              answered_at = EXCLUDED.answered_at
                          WHERE session_answer.answer <> EXCLUDED.answer
                        """)
                .bind("sessionId", sessionId).bind("platform", actor.platform().id())
                .bind("workspaceId", actor.workspaceId()).bind("userId", actor.userId())
                .bind("displayName", actor.displayName()).bind("answer", choice.name().toLowerCase(Locale.ROOT))
                .bind("now", now)
                .execute() > 0);
    }

    /** The answers to the session, earliest first. */
    List<Answer> answers(long sessionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM session_answer WHERE session_id = :id ORDER BY answered_at, user_id
                        """)
                .bind("id", sessionId).map(ANSWER).list());
    }

    Optional<Answer> answerOf(long sessionId, Actor actor) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM session_answer
                        WHERE session_id = :id AND platform = :platform AND workspace_id = :workspaceId
                          AND user_id = :userId
                        """)
                .bind("id", sessionId).bind("platform", actor.platform().id())
                .bind("workspaceId", actor.workspaceId()).bind("userId", actor.userId())
                .map(ANSWER).findOne());
    }

    Optional<Session> byPublicId(String publicId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session WHERE public_id = :p")
                .bind("p", publicId).map(SESSION).findOne());
    }

    /** Per session of the community, in order: the counts of each answer and who said yes. */
    List<Tally> tallies(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.id,
                               count(a.answer) FILTER (WHERE a.answer = 'yes') AS yes,
                               count(a.answer) FILTER (WHERE a.answer = 'maybe') AS maybe,
                               count(a.answer) FILTER (WHERE a.answer = 'no') AS no,
                               coalesce(array_agg(a.display_name ORDER BY a.answered_at)
                                        FILTER (WHERE a.answer = 'yes'), '{}') AS coming
                        FROM session s LEFT JOIN session_answer a ON a.session_id = s.id
                        WHERE s.community_id = :c
                        GROUP BY s.id, s.number ORDER BY s.number
                        """)
                .bind("c", communityId)
                .map((rs, ctx) -> new Tally(rs.getLong("id"), rs.getInt("yes"), rs.getInt("maybe"), rs.getInt("no"),
                        Rows.strings(rs, "coming")))
                .list());
    }

    /** The answers to one session: how many said yes, maybe and no, and the names of those who said yes. */
    record Tally(long sessionId, int yes, int maybe, int no, List<String> coming) {
    }
}
