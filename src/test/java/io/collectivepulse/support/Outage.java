package io.collectivepulse.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A platform having a bad time, as a fake plays it: phases of answers one after the other (429 with a Retry-After,
 * 500, 502…), and the calls a client sent for a scope (a method in a workspace, a conversation) while a Retry-After
 * it was given for that scope still ran. A call arriving within {@link #IN_FLIGHT} of the 429 is not counted: it
 * was on its way before the client could read the answer.
 */
public final class Outage {
    static final Duration IN_FLIGHT = Duration.ofMillis(200);

    /** What the platform answers for {@code length}: {@code status}, with a Retry-After for a 429. */
    public record Phase(Duration length, int status, int retryAfterSeconds) {
        public static Phase tooManyRequests(Duration length, int retryAfterSeconds) {
            return new Phase(length, 429, retryAfterSeconds);
        }

        public static Phase failing(Duration length, int status) {
            return new Phase(length, status, 0);
        }
    }

    private volatile List<Phase> phases = List.of();
    private volatile long startNanos;
    private final Map<String, long[]> limitedUntil = new ConcurrentHashMap<>();
    private final List<String> early = new CopyOnWriteArrayList<>();

    void start(Phase... phases) {
        this.startNanos = System.nanoTime();
        this.phases = List.of(phases);
    }

    /** The phase in force now, or null once they are over. */
    Phase now() {
        long elapsed = System.nanoTime() - startNanos;
        for (Phase phase : phases) {
            if (elapsed < phase.length().toNanos()) {
                return phase;
            }
            elapsed -= phase.length().toNanos();
        }
        return null;
    }

    /** A call for {@code scope} arrived: it is early if a Retry-After for the scope still runs. */
    void arrived(String scope) {
        long[] window = limitedUntil.get(scope);
        long now = System.nanoTime();
        if (window != null && now > window[0] + IN_FLIGHT.toNanos() && now < window[1]) {
            early.add(scope + " " + (window[1] - now) / 1_000_000 + " ms before its Retry-After ended");
        }
    }

    /** The scope was answered 429 with {@code retryAfterSeconds}. */
    void limited(String scope, int retryAfterSeconds) {
        long now = System.nanoTime();
        limitedUntil.put(scope, new long[] {now, now + Duration.ofSeconds(retryAfterSeconds).toNanos()});
    }

    List<String> early() {
        return List.copyOf(early);
    }
}
