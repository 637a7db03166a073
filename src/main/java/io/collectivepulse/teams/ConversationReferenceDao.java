package io.collectivepulse.teams;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the Bot Framework conversation references the bot needs to post proactively. */
public interface ConversationReferenceDao {

    @SqlUpdate("""
            INSERT INTO conversation_reference (platform, workspace_id, channel_id, reference, updated_at)
            VALUES ('teams', :tenantId, :conversationId, CAST(:reference AS jsonb), :now)
            ON CONFLICT (platform, workspace_id, channel_id) DO UPDATE
              SET reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at
              WHERE conversation_reference.reference IS DISTINCT FROM EXCLUDED.reference
            """)
    void save(@Bind("tenantId") String tenantId, @Bind("conversationId") String conversationId,
              @Bind("reference") String referenceJson, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT reference::text FROM conversation_reference
            WHERE platform = 'teams' AND workspace_id = :tenantId AND channel_id = :conversationId
            """)
    Optional<String> find(@Bind("tenantId") String tenantId, @Bind("conversationId") String conversationId);
}
