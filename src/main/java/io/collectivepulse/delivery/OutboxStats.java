package io.collectivepulse.delivery;

import io.collectivepulse.chat.Platform;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the outbox has done since the service started, and what waits, for whoever watches the service (the
 * metrics): plain numbers, so that the outbox knows nothing of how they are published. Counts are kept by this
 * replica; the backlog is the whole database's, as the last bounded look at it found it.
 */
public final class OutboxStats {
    /** How a message ended on this replica's last call for it. */
    public enum Result {
        /** The platform took it (each part of a split digest counts). */
        SENT,
        /** The platform refused it for good (the bot is not in the channel…). */
        FAILED,
        /** Still refused when its deadline came: dropped. */
        GAVE_UP
    }

    /** What waits in the outbox on one platform: how many messages, and how late the oldest one already due is. */
    public record Backlog(long pending, Duration oldestDue) {
        static final Backlog EMPTY = new Backlog(0, Duration.ZERO);
    }

    private final Map<Platform, Counts> counts = new EnumMap<>(Platform.class);
    private final OutboxBacklog backlog;

    OutboxStats(OutboxBacklog backlog) {
        this.backlog = backlog;
        for (Platform platform : Platform.values()) {
            counts.put(platform, new Counts());
        }
    }

    /** Messages that ended with {@code result} on {@code platform}. */
    public long deliveries(Platform platform, Result result) {
        Counts c = counts.get(platform);
        return switch (result) {
            case SENT -> c.sent.sum();
            case FAILED -> c.failed.sum();
            case GAVE_UP -> c.gaveUp.sum();
        };
    }

    /** Calls the platform answered "not now" (rate limits, 5xx, time-outs): each one is tried again later. */
    public long retries(Platform platform) {
        return counts.get(platform).retries.sum();
    }

    /** Among the retries, those where the platform asked the bot to slow down (HTTP 429 or its equivalent). */
    public long rateLimited(Platform platform) {
        return counts.get(platform).rateLimited.sum();
    }

    /**
     * What waits on {@code platform}, never older than a few seconds and never waiting long for PostgreSQL: when it
     * does not answer in time, the last value found (see {@link OutboxBacklog}); empty until a first look succeeds.
     */
    public Optional<Backlog> backlog(Platform platform) {
        return backlog.current().map(all -> all.getOrDefault(platform, Backlog.EMPTY));
    }

    void ended(Platform platform, Result result) {
        Counts c = counts.get(platform);
        (switch (result) {
            case SENT -> c.sent;
            case FAILED -> c.failed;
            case GAVE_UP -> c.gaveUp;
        }).increment();
    }

    void retried(Platform platform, Outcome.Retry retry) {
        Counts c = counts.get(platform);
        c.retries.increment();
        if (retry.rateLimited()) {
            c.rateLimited.increment();
        }
    }

    private static final class Counts {
        final LongAdder sent = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder gaveUp = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder rateLimited = new LongAdder();
    }
}
