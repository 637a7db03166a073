package io.collectivepulse.session;

import io.collectivepulse.db.Database;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** SQL for the items facilitators took off a session's agenda. */
final class AgendaDao {
    private final Jdbi jdbi;

    AgendaDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** The items taken off the session's agenda. */
    Set<AgendaItem> removed(long sessionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT item_kind, item_key FROM session_agenda_removal WHERE session_id = :id
                        """)
                .bind("id", sessionId)
                .map((rs, ctx) -> new AgendaItem(AgendaItem.Kind.valueOf(rs.getString("item_kind")
                        .toUpperCase(Locale.ROOT)), rs.getString("item_key")))
                .collect(Collectors.toSet()));
    }

    /** Takes the item off the session's agenda; false when it already was. */
    boolean remove(long sessionId, AgendaItem item, String by, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO session_agenda_removal (session_id, item_kind, item_key, removed_by, removed_at)
                        VALUES (:id, :kind, :key, :by, :now)
                        ON CONFLICT (session_id, item_kind, item_key) DO NOTHING
                        """)
                .bind("id", sessionId).bind("kind", item.kind().id()).bind("key", item.key()).bind("by", by)
                .bind("now", now)
                .execute() > 0);
    }

    /** Puts the item back on the session's agenda; false when it was not off. */
    boolean restore(long sessionId, AgendaItem item) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM session_agenda_removal
                        WHERE session_id = :id AND item_kind = :kind AND item_key = :key
                        """)
                .bind("id", sessionId).bind("kind", item.kind().id()).bind("key", item.key())
                .execute() > 0);
    }
}
