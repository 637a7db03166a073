package io.collectivepulse.teams;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL for the Bot Framework conversation references the bot needs to post proactively. */
public final class ConversationReferenceDao {
    private final Jdbi jdbi;

    public ConversationReferenceDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the reference; the row is only written when the reference changed. */
    public void save(String tenantId, String conversationId, String referenceJson, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO conversation_reference (platform, workspace_id, channel_id, reference, updated_at)
                        VALUES ('teams', :tenantId, :conversationId, CAST(:reference AS jsonb), :now)
                        ON CONFLICT (platform, workspace_id, channel_id) DO UPDATE
                          SET reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at
                          WHERE conversation_reference.reference IS DISTINCT FROM EXCLUDED.reference
                        """)
                .bind("tenantId", tenantId).bind("conversationId", conversationId)
                .bind("reference", referenceJson).bind("now", now)
                .execute());
    }

    public Optional<String> find(String tenantId, String conversationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT reference::text FROM conversation_reference
                        WHERE platform = 'teams' AND workspace_id = :tenantId AND channel_id = :conversationId
                        """)
                .bind("tenantId", tenantId).bind("conversationId", conversationId)
                .mapTo(String.class).findOne());
    }
}
