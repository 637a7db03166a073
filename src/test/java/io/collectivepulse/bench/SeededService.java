package io.collectivepulse.bench;

import io.collectivepulse.TestDatabase;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The service in its own JVM on a fresh database, seeded while it is down (as a restore would), sending to a fake
 * Slack of its own that enforces the published limits and keeps no call (only what it was posted): the set-up of
 * the benchmarks that send many messages at once.
 */
final class SeededService implements AutoCloseable {
    private static final String TOKEN = "xoxb-bench-token";
    private static final Duration POLL = Duration.ofMillis(200);

    final Jdbi jdbi;
    final FakeSlackApi slackApi;
    final FakeBotConnector connector;
    private final Map<String, String> env;
    private final List<String> options;
    /** {@code nanoTime} at the epoch, to set this JVM's arrival times beside instants. */
    private final long nanosAtEpoch = System.nanoTime() - System.currentTimeMillis() * 1_000_000L;

    /** What reached the fake: the first arrival ({@code nanoTime}) per channel, and how many came again. */
    record Arrivals(Map<String, Long> first, long duplicates) {
        long earliest() {
            return first.values().stream().mapToLong(Long::longValue).min().orElse(0);
        }

        long latest() {
            return first.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    /** Creates the database and its schema (the service is started once and stopped); seed it, then {@link #start}. */
    SeededService(Map<String, String> baseEnv, List<String> options) {
        String database = TestDatabase.newDatabase();
        this.jdbi = Jdbi.create(database, "postgres", "");
        this.slackApi = new FakeSlackApi(TOKEN).withoutRecording().withLatency(Settings.platformLatency());
        this.connector = new FakeBotConnector().withoutValidation().withLatency(Settings.platformLatency());
        this.env = new HashMap<>(baseEnv);
        this.options = options;
        env.put("DATABASE_URL", database);
        env.put("SLACK_API_URL", slackApi.url());
        try (var schema = TargetProcess.start("service-schema", Report.SERVICE, env, options)) {
            // The schema exists now.
        }
    }

    TargetProcess start(String name) {
        return TargetProcess.start(name, Report.SERVICE, env, options);
    }

    /** The {@code nanoTime} of this JVM at {@code instant}. */
    long nanos(Instant instant) {
        return nanosAtEpoch + ChronoUnit.NANOS.between(Instant.EPOCH, instant);
    }

    /**
     * Waits until {@code expected} channels have had a chat.postMessage containing {@code text}, then two seconds
     * more for any that would come twice; at most {@code patience}.
     */
    Arrivals await(String text, long expected, Duration patience) throws InterruptedException {
        return arrivals(expected, patience, () -> {
            FakeSlackApi.Call call = slackApi.nextPost(POLL);
            return call.method().equals("chat.postMessage") && call.message().toString().contains(text)
                    ? Optional.of(Map.entry(call.params().get("channel"), call.arrivedNanos())) : Optional.empty();
        });
    }

    /** The same for the fake Bot Connector: new activities containing {@code text}, per conversation. */
    Arrivals awaitTeams(String text, long expected, Duration patience) throws InterruptedException {
        return arrivals(expected, patience, () -> {
            FakeBotConnector.Sent sent = connector.next(POLL);
            return sent.updatedId() == null && sent.activity().toString().contains(text)
                    ? Optional.of(Map.entry(sent.conversationId(), sent.arrivedNanos())) : Optional.empty();
        });
    }

    /** One message a fake received: its channel and arrival, if it is one of those counted. */
    @FunctionalInterface
    private interface NextArrival {
        Optional<Map.Entry<String, Long>> poll() throws InterruptedException;
    }

    private static Arrivals arrivals(long expected, Duration patience, NextArrival next) throws InterruptedException {
        Map<String, Long> first = new HashMap<>();
        long duplicates = 0;
        long deadline = System.nanoTime() + patience.toNanos();
        long quietUntil = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, quietUntil)) {
            try {
                Optional<Map.Entry<String, Long>> arrival = next.poll();
                if (arrival.isPresent() && first.putIfAbsent(arrival.get().getKey(), arrival.get().getValue()) != null) {
                    duplicates++;
                }
            } catch (AssertionError nothingYet) {
                // Before the instant, or between two.
            }
            if (first.size() == expected && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            }
        }
        return new Arrivals(first, duplicates);
    }

    @Override
    public void close() {
        slackApi.close();
        connector.close();
    }
}
