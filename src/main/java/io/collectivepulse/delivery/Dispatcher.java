package io.collectivepulse.delivery;

import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: one thread claims due rows by channel (a lease on the channel, renewed while its rows wait; a
 * crashed replica's channels are claimed again once its leases ran out), and each channel's rows go out one after
 * the other in a {@link Lane}, each call at the moment {@link Pace} allows, on a pool of sending threads.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final Duration LEASE = Duration.ofSeconds(20);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(6);
    /**
     * How often the claimer looks for rows written by another replica when nothing woke it: every 200 ms while
     * it finds some, slowing down to every 2 s while it finds none (rows written here wake it at once).
     */
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration IDLE_POLL = Duration.ofSeconds(2);
    /** How long a wake-up waits for more commits before claiming. */
    private static final Duration GATHER = Duration.ofMillis(10);
    /** How many channels one claim leases at most. */
    private static final int CHANNELS = 100;
    private static final int PER_CHANNEL = 30;
    /** How many redraw requests one transaction folds at most. */
    private static final int FOLD = 2_000;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Database database;
    final OutboxDao dao;
    final Map<Platform, Sender> senders;
    final Map<String, Outbox.Kind> kinds;
    final Clock clock;
    /** Real time for pacing: the platforms count in seconds that pass, whatever the service's clock says. */
    final Clock realTime = Clock.systemUTC();
    final Pace pace = new Pace();
    final String owner;
    final ScheduledExecutorService sending;
    /** What the lanes count as they conclude their calls. */
    final OutboxStats stats;
    private final Map<ChannelRef, Lane> lanes = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread claimer;

    Dispatcher(Database database, OutboxDao dao, Map<Platform, Sender> senders, Map<String, Outbox.Kind> kinds,
               Clock clock, String owner, int threads, OutboxStats stats) {
        this.database = database;
        this.dao = dao;
        this.senders = senders;
        this.kinds = kinds;
        this.clock = clock;
        this.owner = owner;
        this.stats = stats;
        this.sending = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "outbox-send");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        running = true;
        claimer = new Thread(this::claimLoop, "outbox-claim");
        claimer.setDaemon(true);
        claimer.start();
    }

    /**
     * The platform refused the row for good. A private message its feature cares about ends with what the feature
     * does about it, in one transaction.
     */
    void failed(Delivery row, ChannelRef channel, Outcome.Failed failed) {
        String outcome = failed.advice() + " " + failed.reason();
        if (row.fallback() != null) {
            fallBack(row, channel, outcome);
            return;
        }
        Outbox.Kind kind = kinds.get(row.kind());
        if (kind == null || kind.undelivered() == null || !channel.isDirect()) {
            dao.finish(row, "failed", outcome, clock.instant());
            return;
        }
        database.inTransaction(() -> {
            dao.finish(row, "failed", outcome, clock.instant());
            kind.undelivered().undelivered(row.subjectId(), channel, failed.advice());
        });
    }

    /**
     * A private answer that cannot reach its member goes, in the transaction that records the refusal, to the
     * thread it answers, as a reply of its own (once: its key is the row's with {@code :fallback}; and it has no
     * fallback itself, so a refused fallback ends there).
     */
    private void fallBack(Delivery row, ChannelRef channel, String outcome) {
        Delivery.Fallback fallback = row.fallback();
        ChannelRef thread = new ChannelRef(channel.platform(), channel.workspaceId(), fallback.channelId());
        database.inTransaction(() -> {
            Instant now = clock.instant();
            dao.finish(row, "failed", outcome, now);
            dao.insert(row.key() + ":fallback", Delivery.Op.POST, Outbox.NOTICE, 0, thread, null, fallback.replyTo(),
                    fallback.card(), now, now, now.plus(Outbox.NOTICE_PATIENCE));
        });
        LOG.info("{}: private answer {} could not be sent ({}); answered in {} instead", channel, row.id(), outcome,
                thread);
    }

    /**
     * Rows of {@code channel} (null: of any channel) were just committed: look now rather than at the next poll,
     * unless a lane of this replica holds that channel. A lane that ends leaves the map, then ends its lease from the
     * rows committed by then, then wakes the claimer: a row committed while its channel's lane was in the map is
     * claimed after that lane ends.
     */
    void wake(ChannelRef channel) {
        if (channel == null || !lanes.containsKey(channel)) {
            wake();
        }
    }

    /** Rows were just committed or a lane ended: look now rather than at the next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void claimLoop() {
        Instant renewed = realTime.instant();
        Duration poll = POLL;
        while (running) {
            try {
                if (realTime.instant().isAfter(renewed.plus(RENEW_EVERY))) {
                    renewed = realTime.instant();
                    dao.renew(owner, clock.instant().plus(LEASE));
                }
                boolean folded = foldRedraws();
                Instant now = clock.instant();
                OutboxDao.Claim claim = dao.claim(owner, now, now.plus(LEASE), CHANNELS, PER_CHANNEL);
                claim.rows().forEach(this::enqueue);
                claim.empty().forEach(channel -> dao.endChannel(owner, channel));
                poll = claim.rows().isEmpty() ? min(poll.multipliedBy(2), IDLE_POLL) : POLL;
                // The redraws just folded are due in a moment: look again then rather than at the idle poll.
                poll = folded ? min(poll, Outbox.REDRAW_DELAY) : poll;
                if (claim.channels() < CHANNELS) {
                    await(poll);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not claim outbox rows: {}", e.toString());
                await(Duration.ofSeconds(1));
            }
        }
    }

    /**
     * Turns the redraws features asked for, once committed, into one redraw row per card and channel, due a moment
     * from now ({@link Outbox#REDRAW_DELAY}: a burst of votes is drawn once).
     */
    private boolean foldRedraws() {
        int taken;
        int total = 0;
        do {
            taken = dao.foldRedraws(FOLD, redraw -> {
                Outbox.Kind kind = kinds.get(redraw.kind());
                Duration patience = kind == null ? Outbox.NOTICE_PATIENCE : kind.patience();
                Instant asked = redraw.requestedAt();
                dao.redraw(redraw.kind(), redraw.subjectId(), redraw.channel(), clock.instant(),
                        asked.plus(Outbox.REDRAW_DELAY), asked.plus(patience));
            });
            total += taken;
        } while (taken == FOLD && running);
        return total > 0;
    }

    /**
     * Waits for a wake-up or the poll; after a wake-up, a few milliseconds more, so that the rows of the commits
     * that follow it (200 signals a second are 200 wake-ups) are claimed together rather than one claim each.
     */
    private void await(Duration timeout) {
        boolean wasWoken;
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(timeout.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wasWoken = woken;
            woken = false;
        }
        if (wasWoken && running) {
            LockSupport.parkNanos(GATHER.toNanos());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /**
     * Gives the row to its channel's lane, or to a new one if the lane has just ended: a lane in the map is one
     * the dispatcher sees (its rows are given back on stopping; a row committed to its channel waits for its end),
     * so no claimed row can sit in a lane the dispatcher no longer sees.
     */
    private void enqueue(Delivery row) {
        lanes.compute(row.channel(), (channel, lane) -> {
            Lane open = lane != null && lane.add(row) ? lane : null;
            if (open == null) {
                open = new Lane(this, channel);
                open.add(row);
            }
            return open;
        });
    }

    /**
     * A lane that has ended leaves the map and its channel's lease ends (a new lane takes the channel's next rows,
     * claimed now, by this replica or another).
     */
    void ended(Lane lane) {
        lanes.remove(lane.channel(), lane);
        try {
            dao.endChannel(owner, lane.channel());
        } catch (RuntimeException e) {
            LOG.warn("Could not end the lease on {}; it will run out: {}", lane.channel(), e.toString());
        }
        wake();
    }

    /** When to try again: exponential back-off with jitter, at least what the platform asked for. */
    Instant retryAt(Delivery row, Duration atLeast) {
        long seconds = 1L << Math.min(row.attempts(), 9);
        Duration backoff = Duration.ofSeconds(seconds).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                : Duration.ofSeconds(seconds);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        Duration wait = Duration.ofMillis((long) (backoff.toMillis() * jitter));
        return clock.instant().plus(wait.compareTo(atLeast) > 0 ? wait : atLeast);
    }

    /** Stops claiming, lets the calls under way finish, and gives back the rows still waiting. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            if (claimer != null) {
                claimer.join(Duration.ofSeconds(2).toMillis());
            }
            lanes.values().forEach(Lane::stop);
            sending.shutdown();
            if (!sending.awaitTermination(5, TimeUnit.SECONDS)) {
                sending.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Long> held = new ArrayList<>();
        lanes.values().forEach(lane -> held.addAll(lane.releasable()));
        try {
            if (!held.isEmpty()) {
                dao.release(owner, held);
            }
            lanes.keySet().forEach(channel -> dao.endChannel(owner, channel));
        } catch (RuntimeException e) {
            LOG.warn("Could not give back {} outbox rows; their lease will run out: {}", held.size(), e.toString());
        }
        LOG.info("Outbox stopped: {} rows given back for the next replica", held.size());
    }
}
