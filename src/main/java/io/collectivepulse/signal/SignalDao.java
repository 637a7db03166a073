package io.collectivepulse.signal;

import io.collectivepulse.chat.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** SQL for signals and resources, their +1s, claims and flags. Every query is scoped to one community. */
@RegisterConstructorMapper(Signal.class)
@RegisterConstructorMapper(ThemeCount.class)
public interface SignalDao {
    /** The columns of {@link Signal}, counts included, for a query on {@code signal s}. */
    String COLUMNS = """
            s.id, s.community_id, upper(s.kind) AS kind, s.platform, s.workspace_id, s.channel_id, s.author_id,
            s.author_name, s.body, s.link, s.themes, s.created_at, s.message_id, s.flagged_at,
            (SELECT count(*) FROM signal_vote v WHERE v.signal_id = s.id) AS votes,
            ARRAY(SELECT c.display_name FROM signal_claim c WHERE c.signal_id = s.id
                  ORDER BY c.claimed_at, c.user_id) AS claimants
            """;

    @SqlQuery("""
            INSERT INTO signal (community_id, kind, platform, workspace_id, channel_id, author_id, author_name, body,
                                link, themes, created_at)
            VALUES (:communityId, :kind, :platform, :workspaceId, :channelId, :authorId, :authorName, :body,
                    :link, :themes, :now)
            RETURNING id
            """)
    long insert(@Bind("communityId") long communityId, @Bind("kind") String kind, @Bind("platform") String platform,
                @Bind("workspaceId") String workspaceId, @Bind("channelId") String channelId,
                @Bind("authorId") String authorId, @Bind("authorName") String authorName, @Bind("body") String body,
                @Bind("link") String link, @Bind("themes") String[] themes, @Bind("now") Instant now);

    @SqlQuery("SELECT <columns> FROM signal s WHERE s.id = :id AND s.community_id = :communityId")
    Optional<Signal> find(@Define("columns") String columns, @Bind("communityId") long communityId,
                          @Bind("id") long id);

    @SqlQuery("SELECT <columns> FROM signal s WHERE s.id = :id")
    Optional<Signal> findById(@Define("columns") String columns, @Bind("id") long id);

    default Optional<Signal> find(long communityId, long id) {
        return find(COLUMNS, communityId, id);
    }

    @SqlQuery("""
            SELECT <columns> FROM signal s
            WHERE s.community_id = :communityId AND s.kind = :kind
              AND (CAST(:theme AS TEXT) IS NULL OR :theme = ANY (s.themes))
            ORDER BY s.created_at DESC, s.id DESC
            LIMIT :limit
            """)
    List<Signal> latest(@Define("columns") String columns, @Bind("communityId") long communityId,
                        @Bind("kind") String kind, @Bind("theme") String theme, @Bind("limit") int limit);

    /** Everything posted in {@code [from, to)}, plus whatever is flagged or claimed since {@code agendaFrom}. */
    @SqlQuery("""
            SELECT <columns> FROM signal s
            WHERE s.community_id = :communityId AND s.created_at < :to
              AND (s.created_at >= :from
                   OR (s.created_at >= :agendaFrom
                       AND (s.flagged_at IS NOT NULL
                            OR EXISTS (SELECT 1 FROM signal_claim c WHERE c.signal_id = s.id))))
            ORDER BY s.created_at, s.id
            """)
    List<Signal> forDigest(@Define("columns") String columns, @Bind("communityId") long communityId,
                           @Bind("from") Instant from, @Bind("to") Instant to, @Bind("agendaFrom") Instant agendaFrom);

    @SqlQuery("""
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
    List<ThemeCount> themes(@Bind("communityId") long communityId, @Bind("since") Instant since,
                            @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE signal SET body = :body, themes = :themes, link = :link
            WHERE id = :id AND community_id = :communityId
            """)
    int update(@Bind("communityId") long communityId, @Bind("id") long id, @Bind("body") String body,
               @Bind("themes") String[] themes, @Bind("link") String link);

    @SqlUpdate("UPDATE signal SET message_id = :messageId WHERE id = :id")
    void setMessageId(@Bind("id") long id, @Bind("messageId") String messageId);

    @SqlQuery("SELECT id FROM signal WHERE id = :id AND community_id = :communityId FOR UPDATE")
    Optional<Long> lock(@Bind("communityId") long communityId, @Bind("id") long id);

    @SqlUpdate("""
            DELETE FROM signal_vote
            WHERE signal_id = :id AND platform = :platform AND workspace_id = :workspaceId AND user_id = :userId
            """)
    int deleteVote(@Bind("id") long id, @Bind("platform") String platform, @Bind("workspaceId") String workspaceId,
                   @Bind("userId") String userId);

    @SqlUpdate("""
            INSERT INTO signal_vote (signal_id, platform, workspace_id, user_id, voted_at)
            VALUES (:id, :platform, :workspaceId, :userId, :now)
            """)
    void insertVote(@Bind("id") long id, @Bind("platform") String platform, @Bind("workspaceId") String workspaceId,
                    @Bind("userId") String userId, @Bind("now") Instant now);

    @SqlUpdate("""
            DELETE FROM signal_claim
            WHERE signal_id = :id AND platform = :platform AND workspace_id = :workspaceId AND user_id = :userId
            """)
    int deleteClaim(@Bind("id") long id, @Bind("platform") String platform, @Bind("workspaceId") String workspaceId,
                    @Bind("userId") String userId);

    @SqlUpdate("""
            INSERT INTO signal_claim (signal_id, platform, workspace_id, user_id, display_name, claimed_at)
            VALUES (:id, :platform, :workspaceId, :userId, :displayName, :now)
            """)
    void insertClaim(@Bind("id") long id, @Bind("platform") String platform, @Bind("workspaceId") String workspaceId,
                     @Bind("userId") String userId, @Bind("displayName") String displayName, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE signal SET flagged_at = CASE WHEN flagged_at IS NULL THEN CAST(:now AS TIMESTAMPTZ) END,
                              flagged_by = CASE WHEN flagged_at IS NULL THEN :by END
            WHERE id = :id AND community_id = :communityId
            """)
    int toggleFlag(@Bind("communityId") long communityId, @Bind("id") long id, @Bind("by") String by,
                   @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM signal WHERE id = :id AND community_id = :communityId")
    int delete(@Bind("communityId") long communityId, @Bind("id") long id);

    @SqlQuery("""
            SELECT c.theme AS name, 0 AS count, array_agg(c.display_name ORDER BY c.claimed_at, c.user_id) AS claimants
            FROM theme_claim c
            WHERE c.community_id = :communityId AND c.claimed_at >= :since
            GROUP BY c.theme
            ORDER BY min(c.claimed_at), c.theme
            """)
    List<ThemeCount> claimedThemes(@Bind("communityId") long communityId, @Bind("since") Instant since);

    @SqlUpdate("""
            DELETE FROM theme_claim
            WHERE community_id = :communityId AND theme = :theme AND platform = :platform
              AND workspace_id = :workspaceId AND user_id = :userId
            """)
    int deleteThemeClaim(@Bind("communityId") long communityId, @Bind("theme") String theme,
                         @Bind("platform") String platform, @Bind("workspaceId") String workspaceId,
                         @Bind("userId") String userId);

    @SqlUpdate("""
            INSERT INTO theme_claim (community_id, theme, platform, workspace_id, user_id, display_name, claimed_at)
            VALUES (:communityId, :theme, :platform, :workspaceId, :userId, :displayName, :now)
            ON CONFLICT DO NOTHING
            """)
    void insertThemeClaim(@Bind("communityId") long communityId, @Bind("theme") String theme,
                          @Bind("platform") String platform, @Bind("workspaceId") String workspaceId,
                          @Bind("userId") String userId, @Bind("displayName") String displayName,
                          @Bind("now") Instant now);

    /** Takes up a theme for the actor, or lets it go if they had; true when it is now taken up. */
    @Transaction
    default boolean toggleThemeClaim(long communityId, String theme, Actor actor, Instant now) {
        if (deleteThemeClaim(communityId, theme, actor.platform().id(), actor.workspaceId(), actor.userId()) > 0) {
            return false;
        }
        insertThemeClaim(communityId, theme, actor.platform().id(), actor.workspaceId(), actor.userId(),
                actor.displayName(), now);
        return true;
    }

    /**
     * Adds the actor's +1 to the signal, or takes it back if it was there. Concurrent toggles on one signal run
     * one after the other (the signal's row is locked), so every click counts exactly once.
     *
     * @return true if the +1 is now there, false if it was taken back, empty if the community has no such signal
     */
    @Transaction
    default Optional<Boolean> toggleVote(long communityId, long id, Actor actor, Instant now) {
        if (lock(communityId, id).isEmpty()) {
            return Optional.empty();
        }
        if (deleteVote(id, actor.platform().id(), actor.workspaceId(), actor.userId()) > 0) {
            return Optional.of(false);
        }
        insertVote(id, actor.platform().id(), actor.workspaceId(), actor.userId(), now);
        return Optional.of(true);
    }

    /** Same as {@link #toggleVote}, for "Je m'en empare". */
    @Transaction
    default Optional<Boolean> toggleClaim(long communityId, long id, Actor actor, Instant now) {
        if (lock(communityId, id).isEmpty()) {
            return Optional.empty();
        }
        if (deleteClaim(id, actor.platform().id(), actor.workspaceId(), actor.userId()) > 0) {
            return Optional.of(false);
        }
        insertClaim(id, actor.platform().id(), actor.workspaceId(), actor.userId(), actor.displayName(), now);
        return Optional.of(true);
    }
}
