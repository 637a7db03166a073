package io.collectivepulse.signal;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.community.MemberDao;
import io.collectivepulse.community.Role;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.OutboxDao;
import io.collectivepulse.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for signals and resources, their +1s, claims and flags. Every query is scoped to one community.
 *
 * <p>Statements are built with Jdbi's fluent API on a handle borrowed for the call, or the one of the
 * transaction open on this thread ({@code Database.inTransaction}): attaching a SQL Object on every call cost
 * more CPU than the SQL itself on the ack path.
 */
final class SignalDao {
    /** The columns of {@link Signal}, counts included, for a query on {@code signal s}. */
    private static final String COLUMNS = """
            s.id, s.community_id, s.kind, s.platform, s.workspace_id, s.channel_id, s.author_id,
            s.author_name, s.body, s.link, s.themes, s.created_at, s.flagged_at,
            (SELECT count(*) FROM signal_vote v WHERE v.signal_id = s.id) AS votes,
            ARRAY(SELECT c.display_name FROM signal_claim c WHERE c.signal_id = s.id
                  ORDER BY c.claimed_at, c.user_id) AS claimants,
            ARRAY(SELECT concat_ws(E'\t', c.platform, c.workspace_id, c.user_id) FROM signal_claim c
                  WHERE c.signal_id = s.id ORDER BY c.claimed_at, c.user_id) AS claimant_ids
            """;

    private static final RowMapper<Signal> SIGNAL = (rs, ctx) -> new Signal(rs.getLong("id"),
            rs.getLong("community_id"), Signal.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
            rs.getString("platform"), rs.getString("workspace_id"), rs.getString("channel_id"),
            rs.getString("author_id"), rs.getString("author_name"), rs.getString("body"), rs.getString("link"),
            Rows.strings(rs, "themes"), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "flagged_at"), rs.getInt("votes"), Rows.strings(rs, "claimants"),
            claimedBy(Rows.strings(rs, "claimant_ids"), Rows.strings(rs, "claimants")));

    private static final RowMapper<ThemeCount> THEME = (rs, ctx) -> new ThemeCount(rs.getString("name"),
            rs.getInt("count"), Rows.strings(rs, "claimants"));

    private final Jdbi jdbi;

    /** The claimants as members: {@code platform<TAB>workspace<TAB>user} of each, with the name stored. */
    private static List<Actor> claimedBy(List<String> ids, List<String> names) {
        List<Actor> members = new java.util.ArrayList<>(ids.size());
        for (int i = 0; i < ids.size() && i < names.size(); i++) {
            String[] id = ids.get(i).split("\t", 3);
            members.add(new Actor(io.collectivepulse.chat.Platform.fromId(id[0]), id[1], id[2], names.get(i)));
        }
        return members;
    }

    SignalDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** What a member posts: everything of a signal that is not counted or changed later. */
    record NewSignal(long communityId, Signal.Kind kind, String platform, String workspaceId,
                            String channelId, String authorId, String authorName, String body, String link,
                            List<String> themes, Instant createdAt) {
    }

    /**
     * Stores the signal, records its author as a member of the community (a facilitator stays one) and writes the
     * outbox row of its card, in one statement: all or nothing, in one round trip. Returns the signal's id.
     *
     * @param card what {@code Outbox.postBinds} gives for the card's kind and channel
     */
    long insert(NewSignal s, Actor author, Map<String, Object> card) {
        return jdbi.withHandle(h -> h.createQuery("WITH author AS (" + MemberDao.UPSERT + """
                        ), stored AS (
                            INSERT INTO signal (community_id, kind, platform, workspace_id, channel_id, author_id,
                                                author_name, body, link, themes, created_at)
                            VALUES (:communityId, :kind, :platform, :workspaceId, :channelId, :authorId, :authorName,
                                    :body, :link, :themes, :now)
                            RETURNING id
                        ), card AS (""" + OutboxDao.postAfter("stored") + """
                        )
                        SELECT id FROM stored
                        """)
                .bindMap(MemberDao.binds(s.communityId(), author, Role.MEMBER, s.createdAt()))
                .bindMap(card)
                .bind("communityId", s.communityId())
                .bind("kind", s.kind().name().toLowerCase(Locale.ROOT))
                .bind("platform", s.platform())
                .bind("workspaceId", s.workspaceId())
                .bind("channelId", s.channelId())
                .bind("authorId", s.authorId())
                .bind("authorName", s.authorName())
                .bind("body", s.body())
                .bind("link", s.link())
                .bind("themes", s.themes().toArray(String[]::new))
                .bind("now", s.createdAt())
                .mapTo(Long.class).one());
    }

    Optional<Signal> find(long communityId, long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM signal s WHERE s.id = :id AND s.community_id = :communityId")
                .bind("communityId", communityId).bind("id", id).map(SIGNAL).findOne());
    }

    /** A signal whatever its community: for redrawing a card whose signal id came from our own queue. */
    Optional<Signal> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM signal s WHERE s.id = :id")
                .bind("id", id).map(SIGNAL).findOne());
    }

    /** The latest signals or resources, newest first, optionally only those carrying {@code theme}. */
    List<Signal> latest(long communityId, Signal.Kind kind, String theme, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM signal s
                        WHERE s.community_id = :communityId AND s.kind = :kind
                          AND (CAST(:theme AS TEXT) IS NULL OR :theme = ANY (s.themes))
                        ORDER BY s.created_at DESC, s.id DESC
                        LIMIT :limit
                        """)
                .bind("communityId", communityId).bind("kind", kind.name().toLowerCase(Locale.ROOT))
                .bind("theme", theme).bind("limit", limit)
                .map(SIGNAL).list());
    }

    /** Everything posted in {@code [from, to)}, plus whatever is flagged or claimed since {@code agendaFrom}. */
    List<Signal> forDigest(long communityId, Instant from, Instant to, Instant agendaFrom) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM signal s
                        WHERE s.community_id = :communityId AND s.created_at < :to
                          AND (s.created_at >= :from
                               OR (s.created_at >= :agendaFrom
                                   AND (s.flagged_at IS NOT NULL
                                        OR EXISTS (SELECT 1 FROM signal_claim c WHERE c.signal_id = s.id))))
                        ORDER BY s.created_at, s.id
                        """)
                .bind("communityId", communityId).bind("from", from).bind("to", to).bind("agendaFrom", agendaFrom)
                .map(SIGNAL).list());
    }

    /** The themes of the signals posted since {@code since}, most used first, with who took each up. */
    List<ThemeCount> themes(long communityId, Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.theme AS name, count(*) AS count,
                               ARRAY(SELECT c.display_name FROM theme_claim c
                                     WHERE c.community_id = :communityId AND c.theme = t.theme
                                     ORDER BY c.claimed_at, c.user_id) AS claimants
                        FROM signal s CROSS JOIN LATERAL unnest(s.themes) AS t(theme)
                        WHERE s.community_id = :communityId AND s.created_at >= :since
                        GROUP BY t.theme
                        ORDER BY count(*) DESC, t.theme
                        LIMIT :limit
                        """)
                .bind("communityId", communityId).bind("since", since).bind("limit", limit)
                .map(THEME).list());
    }

    /** Themes taken up since {@code since}, in the order they were first taken up. */
    List<ThemeCount> claimedThemes(long communityId, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.theme AS name, 0 AS count,
                               array_agg(c.display_name ORDER BY c.claimed_at, c.user_id) AS claimants
                        FROM theme_claim c
                        WHERE c.community_id = :communityId AND c.claimed_at >= :since
                        GROUP BY c.theme
                        ORDER BY min(c.claimed_at), c.theme
                        """)
                .bind("communityId", communityId).bind("since", since)
                .map(THEME).list());
    }

    int update(long communityId, long id, String body, List<String> themes, String link) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE signal SET body = :body, themes = :themes, link = :link
                        WHERE id = :id AND community_id = :communityId
                        """)
                .bind("communityId", communityId).bind("id", id).bind("body", body)
                .bind("themes", themes.toArray(String[]::new)).bind("link", link)
                .execute());
    }

    /** Flags the signal for the next session, or clears the flag; 0 if the community has no such signal. */
    int toggleFlag(long communityId, long id, String by, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE signal SET flagged_at = CASE WHEN flagged_at IS NULL THEN CAST(:now AS TIMESTAMPTZ) END,
                                          flagged_by = CASE WHEN flagged_at IS NULL THEN :by END
                        WHERE id = :id AND community_id = :communityId
                        """)
                .bind("communityId", communityId).bind("id", id).bind("by", by).bind("now", now)
                .execute());
    }

    int delete(long communityId, long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM signal WHERE id = :id AND community_id = :communityId")
                .bind("communityId", communityId).bind("id", id).execute());
    }

    /** Takes up a theme for the actor, or lets it go if they had; true when it is now taken up. */
    boolean toggleThemeClaim(long communityId, String theme, Actor actor, Instant now) {
        return jdbi.inTransaction(h -> {
            int deleted = h.createUpdate("""
                            DELETE FROM theme_claim
                            WHERE community_id = :communityId AND theme = :theme AND platform = :platform
                              AND workspace_id = :workspaceId AND user_id = :userId
                            """)
                    .bind("communityId", communityId).bind("theme", theme)
                    .bindMap(member(actor)).execute();
            if (deleted > 0) {
                return false;
            }
            h.createUpdate("""
                            INSERT INTO theme_claim (community_id, theme, platform, workspace_id, user_id,
                                                     display_name, claimed_at)
                            VALUES (:communityId, :theme, :platform, :workspaceId, :userId, :displayName, :now)
                            ON CONFLICT DO NOTHING
                            """)
                    .bind("communityId", communityId).bind("theme", theme).bind("now", now)
                    .bind("displayName", actor.displayName()).bindMap(member(actor)).execute();
            return true;
        });
    }

    /**
     * Adds the actor's +1 to the signal, or takes it back if it was there. Concurrent toggles on one signal run
     * one after the other (the signal's row is locked), so every click counts exactly once.
     *
     * @return true if the +1 is now there, false if it was taken back, empty if the community has no such signal
     */
    Optional<Boolean> toggleVote(long communityId, long id, Actor actor, Instant now) {
        return toggle("signal_vote", "voted_at", communityId, id, actor, now);
    }

    /** Same as {@link #toggleVote}, for "Je m'en empare" (the claim keeps the member's name for the cards). */
    Optional<Boolean> toggleClaim(long communityId, long id, Actor actor, Instant now) {
        return toggle("signal_claim", "claimed_at", communityId, id, actor, now);
    }

    /** {@code table} is one of our two constant table names, never member input. */
    private Optional<Boolean> toggle(String table, String timeColumn, long communityId, long id, Actor actor,
                                     Instant now) {
        return jdbi.inTransaction(h -> {
            if (lock(h, communityId, id).isEmpty()) {
                return Optional.empty();
            }
            int deleted = h.createUpdate("DELETE FROM " + table + """
                             WHERE signal_id = :id AND platform = :platform AND workspace_id = :workspaceId
                               AND user_id = :userId
                            """)
                    .bind("id", id).bindMap(member(actor)).execute();
            if (deleted > 0) {
                return Optional.of(false);
            }
            boolean named = table.equals("signal_claim");
            var insert = h.createUpdate("INSERT INTO " + table + " (signal_id, platform, workspace_id, user_id, "
                            + (named ? "display_name, " : "") + timeColumn + ") VALUES (:id, :platform, :workspaceId, "
                            + ":userId, " + (named ? ":displayName, " : "") + ":now)")
                    .bind("id", id).bind("now", now).bindMap(member(actor));
            if (named) {
                insert.bind("displayName", actor.displayName());
            }
            insert.execute();
            return Optional.of(true);
        });
    }

    private static Optional<Long> lock(Handle h, long communityId, long id) {
        return h.createQuery("SELECT id FROM signal WHERE id = :id AND community_id = :communityId FOR UPDATE")
                .bind("communityId", communityId).bind("id", id).mapTo(Long.class).findOne();
    }

    /** The columns naming a member in a vote or a claim. */
    private static Map<String, Object> member(Actor actor) {
        return Map.of("platform", actor.platform().id(), "workspaceId", actor.workspaceId(),
                "userId", actor.userId());
    }
}
