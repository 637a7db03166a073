package io.collectivepulse.delivery;

import io.collectivepulse.chat.Platform;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's backlog as a scrape of the metrics reads it: looked up at most every {@link #FRESH}, on a thread of
 * its own, and waited for at most {@link #WAIT}. A scrape must answer while PostgreSQL is down or slow (that is when
 * it matters most), so it then gets the last value found rather than waiting for a connection.
 */
final class OutboxBacklog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxBacklog.class);
    static final Duration FRESH = Duration.ofSeconds(5);
    static final Duration WAIT = Duration.ofMillis(500);

    private final Supplier<Map<Platform, OutboxStats.Backlog>> lookUp;
    private final ExecutorService looker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-backlog");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<Platform, OutboxStats.Backlog> last;
    private volatile long lastAt;
    private CompletableFuture<Void> looking;
    /** Until when callers wait for the look under way: a scrape reads several gauges, and waits once in all. */
    private long waitUntil;

    OutboxBacklog(Supplier<Map<Platform, OutboxStats.Backlog>> lookUp) {
        this.lookUp = lookUp;
    }

    /** The backlog per platform (platforms with nothing waiting are absent); empty until a look succeeds. */
    Optional<Map<Platform, OutboxStats.Backlog>> current() {
        CompletableFuture<Void> look;
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            if (last != null && now - lastAt < FRESH.toNanos()) {
                return Optional.of(last);
            }
            if (looking == null || looking.isDone()) {
                looking = CompletableFuture.runAsync(this::look, looker);
                waitUntil = now + WAIT.toNanos();
            }
            look = looking;
            wait = Math.max(0, waitUntil - now);
        }
        try {
            look.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // The look goes on, or failed: the last value found stands until one succeeds.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.ofNullable(last);
    }

    private void look() {
        try {
            last = Map.copyOf(lookUp.get());
            lastAt = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.debug("Could not measure the outbox backlog: {}", e.toString());
        }
    }

    @Override
    public void close() {
        looker.shutdownNow();
    }
}
