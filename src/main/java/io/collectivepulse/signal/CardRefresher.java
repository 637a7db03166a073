package io.collectivepulse.signal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Updates signal cards after the clicks on them, a moment later and once per burst: when forty members click
 * "+1" within a second, the card is redrawn once or twice with the final count instead of forty times, which
 * keeps the bot within Slack's chat.update limit (50 a minute) and Teams' update throttling. The redraw reads
 * the state when it runs, so the last click is always shown.
 */
final class CardRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CardRefresher.class);

    private final Duration delay;
    /** Redraws a card; false when the platform refused (rate limit, outage), to try again a little later. */
    private final LongPredicate redraw;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "card-refresher");
        thread.setDaemon(true);
        return thread;
    });

    static final int ATTEMPTS = 3;

    CardRefresher(Duration delay, LongPredicate redraw) {
        this.delay = delay;
        this.redraw = redraw;
    }

    void request(long signalId) {
        if (pending.add(signalId)) {
            executor.schedule(() -> run(signalId, 1), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void run(long signalId, int attempt) {
        // Cleared before reading the state: a click after this point asks for another redraw.
        pending.remove(signalId);
        boolean drawn;
        try {
            drawn = redraw.test(signalId);
        } catch (RuntimeException e) {
            LOG.warn("Could not redraw the card of signal {}", signalId, e);
            drawn = false;
        }
        if (!drawn && attempt < ATTEMPTS && pending.add(signalId)) {
            // Slack answers a rate limit with "retry after 1 s" or more: back off 2 s, then 4 s.
            executor.schedule(() -> run(signalId, attempt + 1), 1L << attempt, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
