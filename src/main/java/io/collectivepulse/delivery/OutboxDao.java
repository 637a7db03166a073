package io.collectivepulse.delivery;

import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.db.Database;
import io.collectivepulse.db.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the outbox and the messages it sent. Writes made inside a service's transaction join it. */
public final class OutboxDao {
    private static final RowMapper<Delivery> DELIVERY = (rs, ctx) -> new Delivery(rs.getLong("id"),
            rs.getString("idem_key"), Delivery.Op.valueOf(rs.getString("op").toUpperCase(Locale.ROOT)),
            rs.getString("kind"), rs.getLong("subject_id"),
            new ChannelRef(Platform.fromId(rs.getString("platform")), rs.getString("workspace_id"),
                    rs.getString("channel_id")),
            rs.getString("member_id"), rs.getString("reply_to"), rs.getString("card"), Rows.instant(rs, "as_of"),
            Rows.instant(rs, "due_at"), Rows.instant(rs, "give_up_at"), rs.getInt("version"), rs.getInt("attempts"),
            rs.getBoolean("uncertain"));

    private static final String COLUMNS = """
            idem_key, op, kind, subject_id, platform, workspace_id, channel_id, member_id, reply_to, card, as_of,
            due_at, give_up_at, created_at""";

    private final Jdbi jdbi;
    private final Runnable written;

    /** {@code written}: told when rows were added (it waits for their transaction to commit). */
    OutboxDao(Database database, Runnable written) {
        this.jdbi = database.jdbi();
        this.written = written;
    }

    /**
     * The post of a card whose subject another statement inserts: append it to that statement as a data-modifying
     * CTE, after the CTE {@code cte} that returns the subject's {@code id}, so that the row and its card are written
     * in one round trip. Binds what {@link Outbox#postBinds} gives.
     */
    public static String postAfter(String cte) {
        return "INSERT INTO outbox (" + COLUMNS + """
                )
                SELECT 'post:' || :outboxKind || ':' || c.id || ':' || :platform || ':' || :workspaceId || ':'
                           || :channelId,
                       'post', :outboxKind, c.id, :platform, :workspaceId, :channelId, NULL, NULL, NULL::jsonb, :now, :now,
                       :outboxGiveUpAt, :now
                FROM\s""" + cte + " c";
    }

    /** Adds a row unless one with the same key exists; true when added. */
    boolean insert(String key, Delivery.Op op, String kind, long subjectId, ChannelRef channel, String memberId,
                   String replyTo, String card, Instant asOf, Instant due, Instant giveUpAt) {
        return jdbi.withHandle(h -> {
            int added = h.createUpdate("INSERT INTO outbox (" + COLUMNS + """
                            ) VALUES (:key, :op, :kind, :subjectId, :platform, :workspaceId, :channelId, :memberId,
                                      :replyTo, CAST(:card AS JSONB), :asOf, :due, :giveUpAt, :asOf)
                            ON CONFLICT (idem_key) DO NOTHING
                            """)
                    .bind("key", key).bind("op", op.name().toLowerCase(Locale.ROOT)).bind("kind", kind)
                    .bind("subjectId", subjectId).bindMap(channel(channel)).bind("memberId", memberId)
                    .bind("replyTo", replyTo).bind("card", card).bind("asOf", asOf).bind("due", due)
                    .bind("giveUpAt", giveUpAt)
                    .execute();
            written.run();
            return added > 0;
        });
    }

    /**
     * Asks for a redraw of the subject's card in the channel: a new row, or the pending one again (a burst of
     * clicks is one redraw); a row being sent right now gets a new version and goes out once more afterwards.
     */
    void redraw(String kind, long subjectId, ChannelRef channel, Instant now, Instant due, Instant giveUpAt) {
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO outbox (" + COLUMNS + """
                        ) VALUES (:key, 'update', :kind, :subjectId, :platform, :workspaceId, :channelId, NULL, NULL,
                                  NULL, :now, :due, :giveUpAt, :now)
                        ON CONFLICT (idem_key) DO UPDATE
                          SET version = outbox.version + 1, as_of = EXCLUDED.as_of, give_up_at = EXCLUDED.give_up_at,
                              due_at = CASE WHEN outbox.state = 'pending' THEN outbox.due_at ELSE EXCLUDED.due_at END,
                              state = 'pending', attempts = 0, outcome = NULL, done_at = NULL
                        """)
                .bind("key", "update:" + kind + ":" + subjectId + ":" + key(channel)).bind("kind", kind)
                .bind("subjectId", subjectId).bindMap(channel(channel)).bind("now", now).bind("due", due)
                .bind("giveUpAt", giveUpAt)
                .execute();
            written.run();
        });
    }

    /**
     * Claims due rows for {@code owner}: at most {@code perChannel} of a channel, none of a channel whose rows are
     * held (by another replica, so that one replica paces each channel; or by this one, whose lane takes the next
     * batch once it has sent this one), skipping rows locked by a concurrent claim.
     */
    List<Delivery> claim(String owner, Instant now, Instant leaseUntil, int limit, int perChannel) {
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH held AS MATERIALIZED (
                            SELECT DISTINCT platform, workspace_id, channel_id FROM outbox
                            WHERE state = 'pending' AND lease_until >= :now
                        ), candidates AS (
                            SELECT o.id, row_number() OVER (PARTITION BY o.platform, o.workspace_id, o.channel_id
                                                            ORDER BY o.due_at, o.id) AS rank
                            FROM outbox o
                            WHERE o.state = 'pending' AND o.due_at <= :now
                              AND (o.lease_until IS NULL OR o.lease_until < :now)
                              AND NOT EXISTS (
                                  SELECT 1 FROM held h
                                  WHERE h.platform = o.platform AND h.workspace_id = o.workspace_id
                                    AND h.channel_id = o.channel_id)
                            ORDER BY o.due_at, o.id
                            LIMIT :scan
                        ), locked AS (
                            SELECT o.id, o.claimed_by AS previous FROM outbox o JOIN candidates c ON c.id = o.id
                            -- Checked again on the row as locked: a concurrent claim may have taken it meanwhile.
                            WHERE c.rank <= :perChannel AND o.state = 'pending'
                              AND (o.lease_until IS NULL OR o.lease_until < :now)
                            ORDER BY o.due_at, o.id
                            LIMIT :limit
                            FOR UPDATE OF o SKIP LOCKED
                        )
                        UPDATE outbox o SET claimed_by = :owner, lease_until = :leaseUntil, attempts = o.attempts + 1
                        FROM locked l
                        WHERE o.id = l.id AND o.state = 'pending'
                        RETURNING o.*, l.previous IS NOT NULL AS uncertain
                        """)
                .bind("owner", owner).bind("now", now).bind("leaseUntil", leaseUntil).bind("scan", limit * 4)
                .bind("limit", limit).bind("perChannel", perChannel)
                .map(DELIVERY).list());
    }

    /** Keeps the claims of rows still waiting in this replica's lanes. */
    void renew(String owner, List<Long> ids, Instant leaseUntil) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox SET lease_until = :leaseUntil
                        WHERE id = ANY(:ids) AND claimed_by = :owner AND state = 'pending'
                        """)
                .bind("owner", owner).bind("ids", ids.toArray(Long[]::new)).bind("leaseUntil", leaseUntil)
                .execute());
    }

    /** Gives rows back, due now, for whichever replica claims next. */
    void release(String owner, List<Long> ids) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox SET claimed_by = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0)
                        WHERE id = ANY(:ids) AND claimed_by = :owner AND state = 'pending'
                        """)
                .bind("owner", owner).bind("ids", ids.toArray(Long[]::new)).execute());
    }

    /** The parts of a post already sent, in order. */
    int sentParts(long outboxId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM sent_message WHERE outbox_id = :id")
                .bind("id", outboxId).mapTo(Integer.class).one());
    }

    void recordPart(Delivery row, int part, String messageId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sent_message (outbox_id, part, kind, subject_id, platform, workspace_id,
                                                  channel_id, message_id, sent_at)
                        VALUES (:id, :part, :kind, :subjectId, :platform, :workspaceId, :channelId, :messageId, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("id", row.id()).bind("part", part).bind("kind", row.kind()).bind("subjectId", row.subjectId())
                .bindMap(channel(row.channel())).bind("messageId", messageId).bind("now", now)
                .execute());
    }

    /** The id of the first message of the subject's latest card in the channel, if it was posted. */
    Optional<String> messageId(String kind, long subjectId, ChannelRef channel) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT message_id FROM sent_message
                        WHERE kind = :kind AND subject_id = :subjectId AND platform = :platform
                          AND workspace_id = :workspaceId AND channel_id = :channelId
                        ORDER BY outbox_id DESC, part
                        LIMIT 1
                        """)
                .bind("kind", kind).bind("subjectId", subjectId).bindMap(channel(channel))
                .mapTo(String.class).findOne());
    }

    /** True when the subject's post in the channel is still to be sent (a redraw before it has nothing to do). */
    boolean postPending(String kind, long subjectId, ChannelRef channel) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM outbox WHERE op = 'post' AND kind = :kind AND subject_id = :subjectId
                                         AND platform = :platform AND workspace_id = :workspaceId
                                         AND channel_id = :channelId AND state = 'pending')
                        """)
                .bind("kind", kind).bind("subjectId", subjectId).bindMap(channel(channel))
                .mapTo(Boolean.class).one());
    }

    /** Done: sent, unless the row was asked again meanwhile (a newer redraw), which then stays due now. */
    void finish(Delivery row, String state, String outcome, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox
                        SET state = CASE WHEN version = :version THEN :state ELSE 'pending' END,
                            outcome = :outcome, done_at = CASE WHEN version = :version THEN CAST(:now AS TIMESTAMPTZ) END,
                            claimed_by = NULL, lease_until = NULL,
                            attempts = CASE WHEN version = :version THEN attempts ELSE 0 END
                        WHERE id = :id
                        """)
                .bind("id", row.id()).bind("version", row.version()).bind("state", state).bind("outcome", outcome)
                .bind("now", now)
                .execute());
    }

    /** Not this time: due again at {@code due}, for whichever replica claims it then. */
    void retry(Delivery row, Instant due, String outcome) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox SET due_at = :due, outcome = :outcome, claimed_by = NULL, lease_until = NULL
                        WHERE id = :id AND state = 'pending'
                        """)
                .bind("id", row.id()).bind("due", due).bind("outcome", outcome).execute());
    }

    /** Forgets what was done long ago (the platform ids of sent messages stay, for redraws). */
    int forgetBefore(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM outbox WHERE state <> 'pending' AND done_at < :before")
                .bind("before", before).execute());
    }

    /** A channel's deliveries: the last one sent, how many wait, and each permanent failure, most recent first. */
    ChannelStatus status(ChannelRef channel) {
        return jdbi.withHandle(h -> {
            Optional<Instant> last = h.createQuery("""
                            SELECT max(done_at) AS last FROM outbox
                            WHERE platform = :platform AND workspace_id = :workspaceId AND channel_id = :channelId
                              AND state = 'sent'
                            """)
                    .bindMap(channel(channel)).map((rs, ctx) -> Rows.instant(rs, "last")).findOne();
            int waiting = h.createQuery("""
                            SELECT count(*) FROM outbox
                            WHERE platform = :platform AND workspace_id = :workspaceId AND channel_id = :channelId
                              AND state = 'pending'
                            """)
                    .bindMap(channel(channel)).mapTo(Integer.class).one();
            List<ChannelStatus.Failure> failures = h.createQuery("""
                            SELECT outcome, count(*) AS count, max(done_at) AS last FROM outbox
                            WHERE platform = :platform AND workspace_id = :workspaceId AND channel_id = :channelId
                              AND state = 'failed'
                            GROUP BY outcome ORDER BY max(done_at) DESC
                            """)
                    .bindMap(channel(channel))
                    .map((rs, ctx) -> ChannelStatus.Failure.parse(rs.getString("outcome"), rs.getInt("count"),
                            Rows.instant(rs, "last")))
                    .list();
            return new ChannelStatus(channel, last.orElse(null), waiting, failures);
        });
    }

    static String key(ChannelRef channel) {
        return channel.platform().id() + ":" + channel.workspaceId() + ":" + channel.channelId();
    }

    private static Map<String, Object> channel(ChannelRef channel) {
        return Map.of("platform", channel.platform().id(), "workspaceId", channel.workspaceId(),
                "channelId", channel.channelId());
    }
}
