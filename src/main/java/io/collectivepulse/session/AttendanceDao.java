package io.collectivepulse.session;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** SQL for who came to each session, as facilitators recorded it. */
final class AttendanceDao {
    private final Jdbi jdbi;

    AttendanceDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** A member's presence at a session, as recorded. */
    record Presence(Actor member, boolean present) {
    }

    /** The attendance recorded for the session; empty when no facilitator recorded it. */
    List<Presence> of(long sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM session_attendance WHERE session_id = :id")
                .bind("id", sessionId)
                .map((rs, ctx) -> new Presence(new Actor(Platform.fromId(rs.getString("platform")),
                        rs.getString("workspace_id"), rs.getString("member_id"), rs.getString("display_name")),
                        rs.getBoolean("present")))
                .list());
    }

    /** Records each member's presence at the session, replacing what was recorded for them before. */
    void record(long sessionId, List<Presence> presences, String by, Instant now) {
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO session_attendance (session_id, platform, workspace_id, member_id, display_name,
                                                    present, recorded_by, recorded_at)
                    VALUES (:id, :platform, :workspaceId, :memberId, :displayName, :present, :by, :now)
                    ON CONFLICT (session_id, platform, workspace_id, member_id) DO UPDATE
                      SET display_name = EXCLUDED.display_name, present = EXCLUDED.present,
                          recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
                    """);
            for (Presence presence : presences) {
                Actor member = presence.member();
                batch.bind("id", sessionId).bind("platform", member.platform().id())
                        .bind("workspaceId", member.workspaceId()).bind("memberId", member.userId())
                        .bind("displayName", member.displayName()).bind("present", presence.present())
                        .bind("by", by).bind("now", now).add();
            }
            if (!presences.isEmpty()) {
                batch.execute();
            }
        });
    }

    /** For each session of the community whose attendance was recorded: the names of who came (maybe none). */
    Map<Long, List<String>> came(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.session_id,
                               coalesce(array_agg(a.display_name ORDER BY a.display_name, a.member_id)
                                        FILTER (WHERE a.present), '{}') AS came
                        FROM session_attendance a JOIN session s ON s.id = a.session_id
                        WHERE s.community_id = :c
                        GROUP BY a.session_id
                        """)
                .bind("c", communityId)
                .map((rs, ctx) -> Map.entry(rs.getLong("session_id"), Rows.strings(rs, "came")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
