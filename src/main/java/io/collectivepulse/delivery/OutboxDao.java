package io.collectivepulse.delivery;

import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.db.Database;
import io.collectivepulse.db.PlannedEachTime;
import io.collectivepulse.db.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the outbox and the messages it sent. Writes made inside a service's transaction join it. */
public final class OutboxDao {
    private static final RowMapper<Delivery> DELIVERY = (rs, ctx) -> new Delivery(rs.getLong("id"),
            rs.getString("idem_key"), Delivery.Op.valueOf(rs.getString("op").toUpperCase(Locale.ROOT)),
            rs.getString("kind"), rs.getLong("subject_id"), channelRef(rs, ctx), rs.getString("member_id"),
            rs.getString("reply_to"), rs.getString("card"), Rows.instant(rs, "as_of"), Rows.instant(rs, "due_at"), Rows.instant(rs, "give_up_at"), rs.getInt("version"), rs.getInt("attempts"),
            rs.getBoolean("uncertain"), rs.getInt("parts_sent"), fallback(rs));

    private static final String COLUMNS = """
            idem_key, op, kind, subject_id, platform, workspace_id, channel_id, member_id, reply_to, card, as_of,
            due_at, give_up_at, created_at""";

    private final Jdbi jdbi;
    private final Consumer<ChannelRef> written;

    /**
     * {@code written}: told when rows were added, with their channel, or null for rows of any channel (it waits for
     * their transaction to commit).
     */
    OutboxDao(Database database, Consumer<ChannelRef> written) {
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
        return insert(key, op, kind, subjectId, channel, memberId, replyTo, card, asOf, due, giveUpAt, null);
    }

    /** The same, with where the answer goes if the platform refuses it for good ({@code fallback}, or null). */
    boolean insert(String key, Delivery.Op op, String kind, long subjectId, ChannelRef channel, String memberId,
                   String replyTo, String card, Instant asOf, Instant due, Instant giveUpAt,
                   Delivery.Fallback fallback) {
        return jdbi.withHandle(h -> {
            int added = h.createUpdate("INSERT INTO outbox (" + COLUMNS + """
                            , fallback_channel_id, fallback_reply_to, fallback_card
                            ) VALUES (:key, :op, :kind, :subjectId, :platform, :workspaceId, :channelId, :memberId,
                                      :replyTo, CAST(:card AS JSONB), :asOf, :due, :giveUpAt, :asOf,
                                      :fallbackChannelId, :fallbackReplyTo, CAST(:fallbackCard AS JSONB))
                            ON CONFLICT (idem_key) DO NOTHING
                            """)
                    .bind("fallbackChannelId", fallback == null ? null : fallback.channelId())
                    .bind("fallbackReplyTo", fallback == null ? null : fallback.replyTo())
                    .bind("fallbackCard", fallback == null ? null : fallback.card())
                    .bind("key", key).bind("op", op.name().toLowerCase(Locale.ROOT)).bind("kind", kind)
                    .bind("subjectId", subjectId).bindMap(channel(channel)).bind("memberId", memberId)
                    .bind("replyTo", replyTo).bind("card", card).bind("asOf", asOf).bind("due", due)
                    .bind("giveUpAt", giveUpAt)
                    .execute();
            written.accept(channel);
            return added > 0;
        });
    }

    /**
     * Asks for a redraw of the subject's card in the channel: a new row, or the pending one again (a burst of
     * clicks is one redraw); a row being sent right now gets a new version and goes out once more afterwards.
     */
    /**
     * Asks for the subject's card in each channel to be redrawn, in the caller's transaction: an appended row that
     * {@link #foldRedraws} turns into the redraw once it is committed.
     */
    void requestRedraws(String kind, long subjectId, List<ChannelRef> channels, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO outbox_redraw (kind, subject_id, platform, workspace_id, channel_id, requested_at)
                        SELECT :kind, :subjectId, c.platform, c.workspace_id, c.channel_id, :now
                        FROM unnest(:platforms, :workspaces, :channels) AS c (platform, workspace_id, channel_id)
                        """)
                .bind("kind", kind).bind("subjectId", subjectId).bind("now", now)
                .bind("platforms", channels.stream().map(c -> c.platform().id()).toArray(String[]::new))
                .bind("workspaces", channels.stream().map(ChannelRef::workspaceId).toArray(String[]::new))
                .bind("channels", channels.stream().map(ChannelRef::channelId).toArray(String[]::new))
                .execute());
        written.accept(null);
    }

    /** A redraw asked for: what to redraw where, from when. */
    record Redraw(String kind, long subjectId, ChannelRef channel, Instant requestedAt) {
    }

    /**
     * Takes up to {@code limit} committed redraw requests (skipping those another replica is taking) and, in the same
     * transaction, bumps the redraw row of each card and channel they name ({@code redraw}, once per card and
     * channel, with the earliest request's time); returns how many requests were taken.
     */
    int foldRedraws(int limit, Consumer<Redraw> redraw) {
        return jdbi.inTransaction(h -> {
            List<Redraw> taken = h.createQuery("""
                            DELETE FROM outbox_redraw WHERE id IN (
                                SELECT id FROM outbox_redraw ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                            RETURNING kind, subject_id, platform, workspace_id, channel_id, requested_at
                            """)
                    .bind("limit", limit)
                    .map((rs, ctx) -> new Redraw(rs.getString("kind"), rs.getLong("subject_id"), channelRef(rs, ctx),
                            Rows.instant(rs, "requested_at")))
                    .list();
            Map<List<Object>, Redraw> earliest = new LinkedHashMap<>();
            taken.forEach(r -> earliest.merge(List.of(r.kind(), r.subjectId(), r.channel()), r,
                    (a, b) -> a.requestedAt().isAfter(b.requestedAt()) ? b : a));
            earliest.values().forEach(redraw);
            return taken.size();
        });
    }

    /**
     * The card's one redraw row in the channel, bumped (the dispatcher folding requests calls it, and looks again
     * when it is due: no wake-up, which would only make it claim once more at once).
     */
    void redraw(String kind, long subjectId, ChannelRef channel, Instant now, Instant due, Instant giveUpAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO outbox (" + COLUMNS + """
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
                .execute());
    }

    /** The member's home row, added or due again now (see {@link Outbox#home}). */
    void home(String key, String kind, ChannelRef member, Instant now, Instant giveUpAt) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO outbox (" + COLUMNS + """
                        ) VALUES (:key, 'home', :kind, 0, :platform, :workspaceId, :channelId, :memberId, NULL, NULL,
                                  :now, :now, :giveUpAt, :now)
                        ON CONFLICT (idem_key) DO UPDATE
                          SET version = outbox.version + 1, as_of = EXCLUDED.as_of, give_up_at = EXCLUDED.give_up_at,
                              due_at = CASE WHEN outbox.state = 'pending' THEN outbox.due_at ELSE EXCLUDED.due_at END,
                              state = 'pending', attempts = 0, outcome = NULL, done_at = NULL
                        """)
                .bind("key", key).bind("kind", kind).bindMap(channel(member)).bind("memberId", member.memberId())
                .bind("now", now).bind("giveUpAt", giveUpAt)
                .execute());
        written.accept(null);
    }

    /**
     * Claims for {@code owner} up to {@code channels} channels whose next row is due and whose lease is free (a
     * channel is paced by one replica at a time), skipping channels locked by a concurrent claim, and each one's
     * first {@code perChannel} due rows. A channel claimed without a due row (its {@code next_due} was early) is
     * among {@link Claim#empty}, to be ended at once.
     *
     * <p>The channels are locked {@code FOR NO KEY UPDATE}: not skipped while commands add rows to them (those hold
     * {@code KEY SHARE} on the channel's row), skipped while another claim or a lease's end holds them.
     *
     * <p>The leases are committed before the rows are taken, in a statement of their own: a command that adds a row
     * due earlier than its channel's next one writes the channel's row, and waits for whoever holds it. Taken in one
     * transaction with a pick that took a second (a plan gone wrong: see {@link PlannedEachTime}), the leases held a
     * hundred channels for that second, and commands waited past their 1.8 s limit. A replica that dies between the
     * statements leaves leases that run out.
     */
    Claim claim(String owner, Instant now, Instant leaseUntil, int channels, int perChannel) {
        return jdbi.withHandle(h -> {
            List<ChannelRef> leased = h.createQuery("""
                            WITH chosen AS (
                                SELECT platform, workspace_id, channel_id FROM outbox_channel
                                WHERE next_due <= :now AND (lease_until IS NULL OR lease_until < :now)
                                ORDER BY next_due
                                LIMIT :channels
                                FOR NO KEY UPDATE SKIP LOCKED
                            )
                            UPDATE outbox_channel c SET claimed_by = :owner, lease_until = :leaseUntil
                            FROM chosen
                            WHERE c.platform = chosen.platform AND c.workspace_id = chosen.workspace_id
                              AND c.channel_id = chosen.channel_id
                            RETURNING c.platform, c.workspace_id, c.channel_id
                            """)
                    .bind("owner", owner).bind("now", now).bind("leaseUntil", leaseUntil).bind("channels", channels)
                    .map(OutboxDao::channelRef).list();
            if (leased.isEmpty()) {
                return new Claim(List.of(), List.of(), 0);
            }
            // The rows first, then their claim by id: in one statement, PostgreSQL could join them the wrong way
            // round and run the pick once per pending row (see PlannedEachTime).
            Map<Long, Boolean> previous = new LinkedHashMap<>();
            h.createQuery("""
                            SELECT o.id, o.claimed_by IS NOT NULL AS claimed
                            FROM unnest(:platforms, :workspaces, :channelIds) AS k(platform, workspace_id, channel_id)
                            CROSS JOIN LATERAL (
                                SELECT id, claimed_by FROM outbox
                                WHERE state = 'pending' AND platform = k.platform
                                  AND workspace_id = k.workspace_id AND channel_id = k.channel_id
                                  AND due_at <= :now
                                ORDER BY due_at, id
                                LIMIT :perChannel
                            ) o
                            """)
                    .addCustomizer(PlannedEachTime.INSTANCE)
                    .bind("now", now).bind("perChannel", perChannel)
                    .bind("platforms", leased.stream().map(c -> c.platform().id()).toArray(String[]::new))
                    .bind("workspaces", leased.stream().map(ChannelRef::workspaceId).toArray(String[]::new))
                    .bind("channelIds", leased.stream().map(ChannelRef::channelId).toArray(String[]::new))
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getBoolean("claimed")))
                    .forEach(row -> previous.put(row.getKey(), row.getValue()));
            List<Delivery> rows = previous.isEmpty() ? new ArrayList<>() : h.createQuery("""
                            UPDATE outbox o
                            SET claimed_by = :owner, lease_until = :leaseUntil, attempts = o.attempts + 1
                            WHERE o.id = ANY(:ids) AND o.state = 'pending'
                            RETURNING o.*, o.id = ANY(:uncertain) AS uncertain,
                                      (SELECT count(*) FROM sent_message s WHERE s.outbox_id = o.id) AS parts_sent
                            """)
                    .addCustomizer(PlannedEachTime.INSTANCE)
                    .bind("owner", owner).bind("leaseUntil", leaseUntil)
                    .bind("ids", previous.keySet().toArray(Long[]::new))
                    .bind("uncertain", previous.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                            .toArray(Long[]::new))
                    .map(DELIVERY).collect(Collectors.toCollection(ArrayList::new));
            // Each channel's rows in the order they are due, as its lane sends them.
            rows.sort(Comparator.comparing(Delivery::dueAt).thenComparingLong(Delivery::id));
            Set<ChannelRef> withRows = rows.stream().map(Delivery::channel).collect(Collectors.toSet());
            return new Claim(rows, leased.stream().filter(c -> !withRows.contains(c)).toList(), leased.size());
        });
    }

    /** What a claim took: rows, the channels leased with no row due after all, and how many channels it leased. */
    record Claim(List<Delivery> rows, List<ChannelRef> empty, int channels) {
    }

    /**
     * Ends this replica's lease on the channel, setting when its next row is due from the rows themselves (see
     * {@code outbox_end_channel} in the migrations: the channel is locked before the rows are read, so that a row
     * whose transaction was committing then is counted).
     */
    void endChannel(String owner, ChannelRef channel) {
        jdbi.useHandle(h -> h.createQuery("SELECT outbox_end_channel(:owner, :platform, :workspaceId, :channelId)")
                .bind("owner", owner).bindMap(channel(channel)).mapTo(String.class).findOne());
    }

    /**
     * Keeps this replica's leases on its channels. The rows in its lanes need nothing: no other replica takes a
     * channel's rows while its lease holds (their own {@code lease_until} only records the claim). Renewing them too
     * rewrote every waiting row every few seconds (3,000 rows in a backlog of a hundred channels), and the dead
     * versions it left made each later claim step over them.
     */
    void renew(String owner, Instant leaseUntil) {
        jdbi.useHandle(h -> h
                .createUpdate("UPDATE outbox_channel SET lease_until = :leaseUntil WHERE claimed_by = :owner")
                .bind("owner", owner).bind("leaseUntil", leaseUntil).execute());
    }

    /** Gives rows back, due now, for whichever replica claims their channel next. */
    void release(String owner, List<Long> ids) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox SET claimed_by = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0)
                        WHERE id = ANY(:ids) AND claimed_by = :owner AND state = 'pending'
                        """)
                .bind("owner", owner).bind("ids", ids.toArray(Long[]::new)).execute());
    }

    void recordPart(Delivery row, int part, String messageId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate(RECORD_PART)
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

    /** True while private messages of the subject to members of the workspace are still to be sent. */
    boolean directPending(String kind, long subjectId, Platform platform, String workspaceId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT EXISTS (SELECT 1 FROM outbox WHERE state = 'pending' AND platform = :platform
                                         AND workspace_id = :workspaceId AND kind = :kind AND subject_id = :subjectId
                                         AND channel_id LIKE '@%')
                        """)
                .bind("kind", kind).bind("subjectId", subjectId).bind("platform", platform.id())
                .bind("workspaceId", workspaceId)
                .mapTo(Boolean.class).one());
    }

    /** Done: sent, unless the row was asked again meanwhile (a newer redraw), which then stays due now. */
    void finish(Delivery row, String state, String outcome, Instant now) {
        jdbi.useHandle(h -> h.createUpdate(FINISH)
                .bind("id", row.id()).bind("version", row.version()).bind("state", state).bind("outcome", outcome)
                .bind("now", now)
                .execute());
    }

    /** The last part of a post was sent: its id is kept and the row is done, in one statement. */
    void finishWithPart(Delivery row, int part, String messageId, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("WITH part AS (" + RECORD_PART + ") " + FINISH)
                .bind("id", row.id()).bind("version", row.version()).bind("state", "sent").bind("outcome", "sent")
                .bind("now", now).bind("part", part).bind("kind", row.kind()).bind("subjectId", row.subjectId())
                .bindMap(channel(row.channel())).bind("messageId", messageId)
                .execute());
    }

    private static final String RECORD_PART = """
            INSERT INTO sent_message (outbox_id, part, kind, subject_id, platform, workspace_id, channel_id, message_id,
                                      sent_at)
            VALUES (:id, :part, :kind, :subjectId, :platform, :workspaceId, :channelId, :messageId, :now)
            ON CONFLICT DO NOTHING
            """;

    private static final String FINISH = """
            UPDATE outbox
            SET state = CASE WHEN version = :version THEN :state ELSE 'pending' END,
                outcome = :outcome, done_at = CASE WHEN version = :version THEN CAST(:now AS TIMESTAMPTZ) END,
                card = CASE WHEN kind = 'view' AND version = :version THEN NULL ELSE card END,
                member_id = CASE WHEN kind = 'view' AND version = :version THEN NULL ELSE member_id END,
                claimed_by = NULL, lease_until = NULL,
                attempts = CASE WHEN version = :version THEN attempts ELSE 0 END
            WHERE id = :id
            """;

    /** Not this time: due again at {@code due}, for whichever replica claims it then. */
    void retry(Delivery row, Instant due, String outcome) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE outbox SET due_at = :due, outcome = :outcome, claimed_by = NULL, lease_until = NULL
                        WHERE id = :id AND state = 'pending'
                        """)
                .bind("id", row.id()).bind("due", due).bind("outcome", outcome).execute());
    }

    /**
     * What waits, per platform: how many rows, and the due time of the oldest one due by {@code now}. Bounded by a
     * statement time-out of one second: the metrics ask, and must not queue behind a busy database.
     */
    Map<Platform, OutboxStats.Backlog> backlog(Instant now) {
        return jdbi.inTransaction(h -> {
            h.execute("SET LOCAL statement_timeout = 1000");
            return h.createQuery("""
                            SELECT platform, count(*) AS pending,
                                   min(due_at) FILTER (WHERE due_at <= :now) AS oldest_due
                            FROM outbox WHERE state = 'pending'
                            GROUP BY platform
                            """)
                    .bind("now", now)
                    .map((rs, ctx) -> {
                        Instant oldest = Rows.instant(rs, "oldest_due");
                        return Map.entry(Platform.fromId(rs.getString("platform")), new OutboxStats.Backlog(
                                rs.getLong("pending"), oldest == null ? Duration.ZERO : Duration.between(oldest, now)));
                    })
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        });
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

    private static Delivery.Fallback fallback(ResultSet rs) throws SQLException {
        String channelId = rs.getString("fallback_channel_id");
        return channelId == null ? null : new Delivery.Fallback(channelId, rs.getString("fallback_reply_to"),
                rs.getString("fallback_card"));
    }

    private static ChannelRef channelRef(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ChannelRef(Platform.fromId(rs.getString("platform")), rs.getString("workspace_id"),
                rs.getString("channel_id"));
    }

    static String key(ChannelRef channel) {
        return channel.platform().id() + ":" + channel.workspaceId() + ":" + channel.channelId();
    }

    private static Map<String, Object> channel(ChannelRef channel) {
        return Map.of("platform", channel.platform().id(), "workspaceId", channel.workspaceId(),
                "channelId", channel.channelId());
    }
}
