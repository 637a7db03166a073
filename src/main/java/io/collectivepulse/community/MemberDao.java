package io.collectivepulse.community;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.db.Database;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for the members of a community. Its upsert is public so that another feature's DAO can run it in the
 * same statement as the write it goes with (a posted signal and its author's membership), in one round trip.
 */
public final class MemberDao {
    /**
     * Adds the member, or refreshes their display name; a facilitator stays one; an unchanged row is not
     * rewritten. Binds {@code :communityId :platform :workspaceId :userId :displayName :role :now}
     * ({@link #binds}).
     */
    public static final String UPSERT = """
            INSERT INTO member (community_id, platform, workspace_id, user_id, display_name, role, joined_at)
            VALUES (:communityId, :platform, :workspaceId, :userId, :displayName, :role, :now)
            ON CONFLICT (community_id, platform, workspace_id, user_id) DO UPDATE
              SET display_name = EXCLUDED.display_name,
                  role = CASE WHEN member.role = 'facilitator' THEN member.role ELSE EXCLUDED.role END
              WHERE member.display_name IS DISTINCT FROM EXCLUDED.display_name
                 OR (member.role <> 'facilitator' AND member.role IS DISTINCT FROM EXCLUDED.role)
            """;

    private final Jdbi jdbi;

    MemberDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** The values {@link #UPSERT} binds. */
    public static Map<String, Object> binds(long communityId, Actor actor, Role role, Instant now) {
        return Map.of("communityId", communityId, "platform", actor.platform().id(),
                "workspaceId", actor.workspaceId(), "userId", actor.userId(), "displayName", actor.displayName(),
                "role", role.id(), "now", now);
    }

    void upsert(long communityId, Actor actor, Role role, Instant now) {
        jdbi.useHandle(h -> h.createUpdate(UPSERT).bindMap(binds(communityId, actor, role, now)).execute());
    }

    Optional<Role> role(long communityId, Actor actor) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT role FROM member
                        WHERE community_id = :communityId AND platform = :platform AND workspace_id = :workspaceId
                          AND user_id = :userId
                        """)
                .bind("communityId", communityId).bind("platform", actor.platform().id())
                .bind("workspaceId", actor.workspaceId()).bind("userId", actor.userId())
                .mapTo(String.class).findOne()
                .map(id -> Role.valueOf(id.toUpperCase(java.util.Locale.ROOT))));
    }
}
