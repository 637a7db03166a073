package io.collectivepulse.delivery;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.CardJson;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.db.Database;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything the bot sends on its own. Features write what they owe in the transaction of the change that causes it
 * ({@link #post}, {@link #redraw}, {@link #notify}, {@link #reply}) and register, per kind, the source that draws
 * the card when it is sent; the adapters register a {@link Sender} per platform. Rows are sent by the
 * {@link Dispatcher} once committed, within each platform's limits, exactly once.
 */
public final class Outbox implements AutoCloseable {
    /** How long a member's notice or a reply is worth sending. */
    static final Duration NOTICE_PATIENCE = Duration.ofMinutes(15);
    /** A redraw waits this long for more clicks, so that a burst of +1s is drawn once. */
    static final Duration REDRAW_DELAY = Duration.ofMillis(300);
    /**
     * Threads that draw and send: each call waits on the platform far longer than it computes, and the platforms'
     * limits are reached only with that many calls in flight (Teams' 50 requests a second per tenant, in ten
     * tenants, answered in 100 ms, need 50). Eight sent 75 private messages a second at most with answers in 100 ms:
     * 6.7 × the time the limits allow for 6,000 reminders (BENCHMARKS.md).
     */
    public static final int SENDING_THREADS = 64;
    static final String NOTICE = "notice";
    /** A notice whose card and member are wiped once it is sent or given up (see {@link #view}). */
    static final String VIEW = "view";

    /**
     * A kind of card: who draws it, how long it is worth trying to send, and what to do when a member cannot be
     * written to privately (null: nothing).
     */
    record Kind(CardSource source, Duration patience, Undelivered undelivered) {
    }

    /**
     * What a feature does when one of its private messages can never reach a member (on Teams, the app is not
     * installed for them): runs in the transaction that records the failure, so it happens once, after a crash too.
     */
    @FunctionalInterface
    public interface Undelivered {
        void undelivered(long subjectId, ChannelRef member, Outcome.Advice advice);
    }

    private final Database database;
    private final OutboxDao dao;
    private final Clock clock;
    private final Map<Platform, Sender> senders = new EnumMap<>(Platform.class);
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final Dispatcher dispatcher;
    private final OutboxBacklog backlog;
    private final OutboxStats stats;

    public Outbox(Database database, Clock clock) {
        this.database = database;
        this.dao = new OutboxDao(database, this::wake);
        this.clock = clock;
        this.backlog = new OutboxBacklog(() -> dao.backlog(clock.instant()));
        this.stats = new OutboxStats(backlog);
        this.dispatcher = new Dispatcher(database, dao, senders, kinds, clock, owner(), SENDING_THREADS, stats);
    }

    /** The platform's sender; call while wiring, before {@link #start()}. */
    public void register(Platform platform, Sender sender) {
        senders.put(platform, sender);
    }

    /** The feature that draws cards of {@code kind}, and how long one is worth trying to send after it is due. */
    public void source(String kind, CardSource source, Duration patience) {
        source(kind, source, patience, null);
    }

    /**
     * The same, with what to do when a private message of {@code kind} can never reach its member
     * ({@link ChannelRef#direct}).
     */
    public void source(String kind, CardSource source, Duration patience, Undelivered undelivered) {
        if (kinds.putIfAbsent(kind, new Kind(source, patience, undelivered)) != null || kind.equals(NOTICE)
                || kind.equals(VIEW)) {
            throw new IllegalStateException("Card kind " + kind + " is registered twice");
        }
    }

    /** Starts sending what is due, from this replica. */
    public void start() {
        dispatcher.start();
    }

    /**
     * Posts the card of {@code subjectId} in the channel, drawn when it is sent; once per {@code key} (a week's
     * digest in a channel: {@code digest:<community>:<week>:<channel>}). Joins the caller's transaction.
     */
    public void post(String kind, long subjectId, ChannelRef channel, String key) {
        Instant now = clock.instant();
        dao.insert(key, Delivery.Op.POST, kind(kind), subjectId, channel, null, null, null, now, now,
                now.plus(kinds.get(kind).patience()));
    }

    /**
     * Posts the card of {@code subjectId} in the thread of the message the outbox posted for {@code thread}
     * ({@code kind}, {@code subjectId}) in that channel, or as a new post where there is none; once per key.
     */
    public void postInThread(String kind, long subjectId, ChannelRef channel, String key, String threadKind,
                             long threadSubjectId) {
        Instant now = clock.instant();
        String replyTo = dao.messageId(threadKind, threadSubjectId, channel).orElse(null);
        dao.insert(key, Delivery.Op.POST, kind(kind), subjectId, channel, null, replyTo, null, now, now,
                now.plus(kinds.get(kind).patience()));
    }

    /**
     * The values {@link OutboxDao#postAfter} binds, for a feature that writes its row and the post of its card in
     * one statement (a posted signal).
     */
    public Map<String, Object> postBinds(String kind, ChannelRef channel) {
        Map<String, Object> binds = new HashMap<>();
        binds.put("outboxKind", kind(kind));
        binds.put("outboxGiveUpAt", clock.instant().plus(kinds.get(kind).patience()));
        return binds;
    }

    /**
     * Redraws the subject's card in the channel, a moment from now, from the state then. Joins the caller's
     * transaction with an appended request, so that concurrent changes of one card (votes on one poll) never wait
     * for each other; the dispatcher folds the committed requests into one redraw per card and channel.
     */
    public void redraw(String kind, long subjectId, ChannelRef channel) {
        redraw(kind, subjectId, List.of(channel));
    }

    /** The same in each of the channels (a community's), in one statement. */
    public void redraw(String kind, long subjectId, List<ChannelRef> channels) {
        if (!channels.isEmpty()) {
            dao.requestRedraws(kind(kind), subjectId, channels, clock.instant());
        }
    }

    /** Tells one member something about what they did: only to them where the platform can. */
    public void notify(ChannelRef channel, String memberId, Card card) {
        enqueue(Delivery.Op.NOTIFY, channel, memberId, null, CardJson.write(card), NOTICE + ":" + UUID.randomUUID());
    }

    /**
     * Shows one member their own view of a card they pressed (a poll with their vote marked), only to them, and
     * keeps nothing of it: once sent or given up, the row loses its card and its member.
     */
    public void view(ChannelRef channel, String memberId, Card card) {
        Instant now = clock.instant();
        dao.insert(VIEW + ":" + UUID.randomUUID(), Delivery.Op.NOTIFY, VIEW, 0, channel, memberId, null,
                CardJson.write(card), now, now, now.plus(NOTICE_PATIENCE));
    }

    /**
     * Answers a message in its thread ({@code replyTo}: the platform's id of the message), with a card written
     * now; once per {@code key}.
     */
    public void reply(ChannelRef channel, String replyTo, Card card, String key) {
        enqueue(Delivery.Op.POST, channel, null, replyTo, CardJson.write(card), key);
    }

    /** Answers a message in its thread with a form (a Teams input card); once per {@code key}. */
    public void reply(ChannelRef channel, String replyTo, Form form, String key) {
        enqueue(Delivery.Op.POST, channel, null, replyTo, CardJson.write(form), key);
    }

    /**
     * Publishes the member's home ({@link ChannelRef#direct}), drawn by the source of {@code kind} when it is sent:
     * the member's one home row, due again (opening the home tab again and again while it waits is one publication;
     * a change after it went out, another).
     */
    public void home(String kind, ChannelRef member) {
        Instant now = clock.instant();
        dao.home("home:" + member.platform().id() + ":" + member.workspaceId() + ":" + member.channelId(), kind(kind),
                member, now, now.plus(kinds.get(kind).patience()));
    }

    /** Answers one member in a thread, only to them where the platform can. */
    public void replyPrivately(ChannelRef channel, String memberId, String replyTo, Card card, String key) {
        enqueue(Delivery.Op.NOTIFY, channel, memberId, replyTo, CardJson.write(card), key);
    }

    /**
     * Answers one member in their private conversation with the bot ({@code member}, made with
     * {@link ChannelRef#direct}), which the platform's sender opens if need be; once per {@code key}. Where it cannot
     * be opened or written to (the platform refuses for good: on Teams, the app is not installed for the member),
     * {@code fallback} is posted instead in the thread {@code replyTo} of {@code channel}, once, by the dispatcher
     * in the transaction that records the refusal.
     */
    public void replyDirect(ChannelRef member, Card card, ChannelRef channel, String replyTo, Card fallback,
                            String key) {
        if (!member.isDirect() || member.platform() != channel.platform()
                || !member.workspaceId().equals(channel.workspaceId())) {
            throw new IllegalArgumentException(member + " is not a member's private conversation beside " + channel);
        }
        Instant now = clock.instant();
        dao.insert(key, Delivery.Op.POST, NOTICE, 0, member, member.memberId(), null, CardJson.write(card), now, now,
                now.plus(NOTICE_PATIENCE),
                new Delivery.Fallback(channel.channelId(), replyTo, CardJson.write(fallback)));
    }

    /** A row that carries what it shows ({@link CardJson}): a notice or a reply, written now. */
    private void enqueue(Delivery.Op op, ChannelRef channel, String memberId, String replyTo, String shown,
                         String key) {
        Instant now = clock.instant();
        dao.insert(key, op, NOTICE, 0, channel, memberId, replyTo, shown, now, now, now.plus(NOTICE_PATIENCE));
    }

    /**
     * Looks for due rows once the transaction open on this thread commits (at once without one): a feature that
     * wrote its outbox row in its own statement calls it.
     */
    public void wake() {
        wake(null);
    }

    /**
     * The same for a row of {@code channel}: nothing to look for while this replica is sending in that channel,
     * whose lane, when it ends, looks for the channel's next rows (at 200 signals a second over a hundred busy
     * channels, most commits would otherwise make the dispatcher claim for nothing).
     */
    public void wake(ChannelRef channel) {
        database.afterCommit(() -> dispatcher.wake(channel));
    }

    /**
     * True while private messages ({@link ChannelRef#direct}) of the subject's {@code kind} to members of the
     * workspace are still to be sent.
     */
    public boolean directPending(String kind, long subjectId, Platform platform, String workspaceId) {
        return dao.directPending(kind, subjectId, platform, workspaceId);
    }

    /** What was delivered to the channel, what waits, what failed for good. */
    public ChannelStatus status(ChannelRef channel) {
        return dao.status(channel);
    }

    /** What was sent, retried and refused since the start, and what waits: for the metrics. */
    public OutboxStats stats() {
        return stats;
    }

    /** Forgets rows done before {@code before}; returns how many. */
    public int forgetBefore(Instant before) {
        return dao.forgetBefore(before);
    }

    private String kind(String kind) {
        if (!kinds.containsKey(kind)) {
            throw new IllegalArgumentException("No card source registered for " + kind);
        }
        return kind;
    }

    /** Stops claiming, finishes the calls under way, gives back the rest. */
    @Override
    public void close() {
        dispatcher.close();
        backlog.close();
    }

    private static String owner() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "replica";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
