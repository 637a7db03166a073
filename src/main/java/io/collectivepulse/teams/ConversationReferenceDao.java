package io.collectivepulse.teams;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.collectivepulse.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for the Bot Framework conversation references the bot needs to post proactively.
 *
 * <p>Every activity carries its conversation's reference and every card posted needs it, so the last one read or
 * written for each conversation is also kept in memory for a few minutes: an unchanged reference costs no
 * database round trip. Another instance of the service may store a newer one meanwhile (the Bot Connector's
 * address of a conversation rarely changes); this instance reads it once its copy expires.
 */
public final class ConversationReferenceDao {
    static final Duration KEPT = Duration.ofMinutes(10);

    private final Jdbi jdbi;
    private final Cache<String, String> recent = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(KEPT)
            .build();
    private final Cache<String, String> accounts = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(KEPT)
            .build();
    /** Members whose account id is not known, asked again a minute later at most (their object id serves). */
    private final Cache<String, Boolean> noAccount = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    /** A tenant's latest reference, to open private conversations: read once a minute at most. */
    private final Cache<String, Optional<String>> tenants = Caffeine.newBuilder()
            .maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    public ConversationReferenceDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Stores the reference, unless it is the one this instance last read or wrote for that conversation. */
    public void save(String tenantId, String conversationId, String referenceJson, Instant now) {
        String key = key(tenantId, conversationId);
        if (referenceJson.equals(recent.getIfPresent(key))) {
            return;
        }
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
        recent.put(key, referenceJson);
        tenants.asMap().computeIfPresent(tenantId, (tenant, latest) -> latest.isEmpty() ? null : latest);
    }

    public Optional<String> find(String tenantId, String conversationId) {
        String key = key(tenantId, conversationId);
        String known = recent.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> stored = jdbi.withHandle(h -> h.createQuery("""
                        SELECT reference::text FROM conversation_reference
                        WHERE platform = 'teams' AND workspace_id = :tenantId AND channel_id = :conversationId
                        """)
                .bind("tenantId", tenantId).bind("conversationId", conversationId)
                .mapTo(String.class).findOne());
        stored.ifPresent(json -> recent.put(key, json));
        return stored;
    }

    /**
     * The latest reference stored for any conversation of the tenant: its Bot Connector address and the bot's
     * account, to open a new conversation there.
     */
    public Optional<String> anyIn(String tenantId) {
        return tenants.get(tenantId, tenant -> jdbi.withHandle(h -> h.createQuery("""
                        SELECT reference::text FROM conversation_reference
                        WHERE platform = 'teams' AND workspace_id = :tenantId
                        ORDER BY updated_at DESC LIMIT 1
                        """)
                .bind("tenantId", tenant).mapTo(String.class).findOne()));
    }

    /**
     * Remembers a member's Teams account id ({@code 29:…}) by their Entra ID object id, unless this instance last
     * read or wrote the same.
     */
    public void saveAccount(String tenantId, String aadObjectId, String accountId, Instant now) {
        String key = key(tenantId, aadObjectId);
        if (accountId.equals(accounts.getIfPresent(key))) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO teams_account (tenant_id, aad_object_id, account_id, updated_at)
                        VALUES (:tenantId, :aadObjectId, :accountId, :now)
                        ON CONFLICT (tenant_id, aad_object_id) DO UPDATE
                          SET account_id = EXCLUDED.account_id, updated_at = EXCLUDED.updated_at
                          WHERE teams_account.account_id <> EXCLUDED.account_id
                        """)
                .bind("tenantId", tenantId).bind("aadObjectId", aadObjectId).bind("accountId", accountId)
                .bind("now", now)
                .execute());
        accounts.put(key, accountId);
        noAccount.invalidate(key);
    }

    /**
     * The member's Teams account id, by their Entra ID object id, if the bot heard from them; a member it never
     * heard from is not asked of the database again for a minute (a reminder opens hundreds of private chats).
     */
    public Optional<String> account(String tenantId, String aadObjectId) {
        String key = key(tenantId, aadObjectId);
        String known = accounts.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        if (noAccount.getIfPresent(key) != null) {
            return Optional.empty();
        }
        Optional<String> stored = jdbi.withHandle(h -> h.createQuery("""
                        SELECT account_id FROM teams_account WHERE tenant_id = :tenantId AND aad_object_id = :aadObjectId
                        """)
                .bind("tenantId", tenantId).bind("aadObjectId", aadObjectId).mapTo(String.class).findOne());
        stored.ifPresentOrElse(id -> accounts.put(key, id), () -> noAccount.put(key, true));
        return stored;
    }

    private static String key(String tenantId, String conversationId) {
        return tenantId + '\n' + conversationId;
    }
}
