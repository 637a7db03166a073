package io.collectivepulse.slack;

import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** SQL for the names of Slack members kept by their id ({@code member_name}, platform {@code slack}). */
final class MemberNameDao {
    private static final String PLATFORM = "slack";

    /** A name and when Slack gave it. */
    record Kept(String name, Instant fetchedAt) {
    }

    private final Jdbi jdbi;

    MemberNameDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** The names kept for {@code userIds} of the workspace, by user id. */
    Map<String, Kept> find(String workspaceId, Set<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> {
            Map<String, Kept> found = new HashMap<>();
            h.createQuery("""
                            SELECT user_id, name, fetched_at FROM member_name
                            WHERE platform = :platform AND workspace_id = :workspaceId AND user_id = ANY(:userIds)
                            """)
                    .bind("platform", PLATFORM).bind("workspaceId", workspaceId)
                    .bindArray("userIds", String.class, List.copyOf(userIds))
                    .map((rs, ctx) -> Map.entry(rs.getString("user_id"),
                            new Kept(rs.getString("name"), Rows.instant(rs, "fetched_at"))))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
            return found;
        });
    }

    /** Keeps {@code name} for the member, fetched at {@code at}, unless a newer one is kept already. */
    void save(String workspaceId, String userId, String name, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO member_name (platform, workspace_id, user_id, name, fetched_at)
                        VALUES (:platform, :workspaceId, :userId, :name, :at)
                        ON CONFLICT (platform, workspace_id, user_id) DO UPDATE
                            SET name = EXCLUDED.name, fetched_at = EXCLUDED.fetched_at
                            WHERE member_name.fetched_at <= EXCLUDED.fetched_at
                        """)
                .bind("platform", PLATFORM).bind("workspaceId", workspaceId).bind("userId", userId)
                .bind("name", name).bind("at", at).execute());
    }

    /** Forgets the names of a workspace that removed the app. */
    int forgetWorkspace(String workspaceId) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM member_name WHERE platform = :platform AND workspace_id = :workspaceId")
                .bind("platform", PLATFORM).bind("workspaceId", workspaceId).execute());
    }
}
