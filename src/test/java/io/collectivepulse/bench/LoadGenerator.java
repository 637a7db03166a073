package io.collectivepulse.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends HTTP requests with the JDK's asynchronous client, over HTTP/1.1 with keep-alive. At a fixed rate the
 * schedule is open-loop: request {@code i} is due at {@code start + i / rate} whatever happened before, and its
 * latency is counted from that intended time, so a stalled server is charged for the requests it delays
 * (no coordinated omission). At saturation a fixed number of requests is kept in flight (closed loop) and
 * latency is counted from the actual send.
 */
final class LoadGenerator {
    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** What one phase measured; latencies in microseconds. */
    record Result(String phase, double seconds, long ok, long errors, Histogram latency, Map<String, Long> errorKinds) {
        double throughput() {
            return ok / seconds;
        }

        double millis(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
        }
    }

    /** Open loop: {@code rate} requests a second for {@code duration}. */
    Result fixedRate(String phase, Supplier<HttpRequest> requests, int rate, Duration duration) {
        return fixedRate(phase, requests, rate, duration, (request, at) -> { });
    }

    /** Same, telling {@code answered} each request answered 200 and when ({@code nanoTime}). */
    Result fixedRate(String phase, Supplier<HttpRequest> requests, int rate, Duration duration,
                     ObjLongConsumer<HttpRequest> answered) {
        var latency = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        var ok = new AtomicLong();
        var errors = new Errors();
        var inFlight = new AtomicInteger();
        var lastCompletion = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long end = start + duration.toNanos();
        for (long i = 0; start + i * interval < end; i++) {
            long intended = start + i * interval;
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.incrementAndGet();
            HttpRequest request = requests.get();
            send(request).whenComplete((response, failure) -> {
                record(latency, ok, errors, intended, response, failure);
                if (failure == null && response.statusCode() == 200) {
                    answered.accept(request, System.nanoTime());
                }
                lastCompletion.accumulateAndGet(System.nanoTime(), Math::max);
                inFlight.decrementAndGet();
            });
        }
        awaitNone(inFlight);
        // A target slower than the rate answers its backlog after the schedule's end: it counts in the time.
        double seconds = Math.max(end, lastCompletion.get()) - start;
        return new Result(phase, seconds / 1e9, ok.get(), errors.total(), latency, errors.byKind());
    }

    /**
     * Warm-up: closed loop in rounds of one second until at least {@code count} requests have been answered and
     * {@code settled} says the target's JIT has caught up, or until {@code limit} has passed. A big application
     * keeps its compilers busy for a minute or more on two cores; measuring before would charge the fixed
     * rates for compilation that a long-running service pays once.
     */
    Result warmUp(Supplier<HttpRequest> requests, int concurrency, long count, Duration limit,
                  BooleanSupplier settled) {
        var answered = new AtomicLong();
        Supplier<HttpRequest> counted = () -> {
            answered.incrementAndGet();
            return requests.get();
        };
        long started = System.nanoTime();
        Result total = null;
        boolean done = false;
        while (!done && System.nanoTime() - started < limit.toNanos()) {
            total = saturation("warm-up", counted, concurrency, Duration.ofSeconds(1));
            // Asked every round, so that the compilers' share is known even when the time limit ends the warm-up.
            boolean jitSettled = settled.getAsBoolean();
            done = answered.get() >= count && jitSettled;
        }
        return total;
    }

    /** Closed loop: {@code concurrency} requests always in flight for {@code duration}. */
    Result saturation(String phase, Supplier<HttpRequest> requests, int concurrency, Duration duration) {
        var latency = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        var ok = new AtomicLong();
        var errors = new Errors();
        var inFlight = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        var lastCompletion = new AtomicLong(start);
        for (int worker = 0; worker < concurrency; worker++) {
            inFlight.incrementAndGet();
            loop(requests, end, latency, ok, errors, inFlight, lastCompletion);
        }
        awaitNone(inFlight);
        return new Result(phase, (lastCompletion.get() - start) / 1e9, ok.get(), errors.total(), latency, errors.byKind());
    }

    private void loop(Supplier<HttpRequest> requests, long end, Histogram latency, AtomicLong ok, Errors errors,
                      AtomicInteger inFlight, AtomicLong lastCompletion) {
        long sent = System.nanoTime();
        send(requests.get()).whenComplete((response, failure) -> {
            record(latency, ok, errors, sent, response, failure);
            long now = System.nanoTime();
            lastCompletion.accumulateAndGet(now, Math::max);
            if (now < end) {
                loop(requests, end, latency, ok, errors, inFlight, lastCompletion);
            } else {
                inFlight.decrementAndGet();
            }
        });
    }

    private CompletableFuture<HttpResponse<Void>> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private static void record(Histogram latency, AtomicLong ok, Errors errors, long since,
                               HttpResponse<Void> response, Throwable failure) {
        if (failure == null && response.statusCode() == 200) {
            latency.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - since) / 1000));
            ok.incrementAndGet();
        } else {
            errors.add(failure != null ? rootCause(failure) : "HTTP " + response.statusCode());
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Failed requests, counted by kind: status code or exception. */
    private static final class Errors {
        private final Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();

        void add(String kind) {
            kinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }

        long total() {
            return kinds.values().stream().mapToLong(AtomicLong::get).sum();
        }

        Map<String, Long> byKind() {
            Map<String, Long> copy = new TreeMap<>();
            kinds.forEach((kind, count) -> copy.put(kind, count.get()));
            return copy;
        }
    }

    /** Waits for the requests still in flight, at most a little longer than their timeout. */
    private static void awaitNone(AtomicInteger inFlight) {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.plusSeconds(2).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
