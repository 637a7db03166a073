package io.collectivepulse.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.delivery.OutboxStats;
import io.collectivepulse.schedule.PulseScheduler;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The service's meters and {@code GET /metrics}. The JVM's are bound at once; the connection pool, the outbox and
 * the scheduler are bound by the wiring once they exist, and the HTTP requests are measured by {@link #requests()}.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Requests requests = new Requests(registry);

    public Metrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The pool's connections (active, idle, pending, max) and acquire times, as HikariCP reports them. */
    public Metrics pool(DataSource dataSource) {
        try {
            dataSource.unwrap(HikariDataSource.class).setMetricsTrackerFactory(
                    new MicrometerMetricsTrackerFactory(registry));
        } catch (SQLException e) {
            throw new IllegalStateException("The pool is not HikariCP's", e);
        }
        return this;
    }

    /**
     * The outbox per platform: messages that ended sent, failed or given up, the retries and the 429s among them
     * (counted by this replica), and what waits in the database, with the age of the oldest message already due.
     */
    public Metrics outbox(OutboxStats stats) {
        for (Platform platform : Platform.values()) {
            String name = platform.id();
            for (OutboxStats.Result result : OutboxStats.Result.values()) {
                FunctionCounter.builder("pulse.outbox.deliveries", stats, s -> s.deliveries(platform, result))
                        .description("Outbox messages by how they ended")
                        .tags("platform", name, "outcome", result.name().toLowerCase(Locale.ROOT)).register(registry);
            }
            FunctionCounter.builder("pulse.outbox.retries", stats, s -> s.retries(platform))
                    .description("Calls a platform answered 'not now' (429, 5xx, time-out): tried again later")
                    .tag("platform", name).register(registry);
            FunctionCounter.builder("pulse.outbox.rate.limited", stats, s -> s.rateLimited(platform))
                    .description("Calls a platform answered 429 (or Slack's ratelimited)")
                    .tag("platform", name).register(registry);
            Gauge.builder("pulse.outbox.pending", stats, s -> s.backlog(platform)
                            .map(b -> (double) b.pending()).orElse(Double.NaN))
                    .description("Outbox messages waiting, due or not (the whole database's)")
                    .tag("platform", name).strongReference(true).register(registry);
            Gauge.builder("pulse.outbox.oldest.due.age", stats, s -> s.backlog(platform)
                            .map(b -> b.oldestDue().toMillis() / 1000.0).orElse(Double.NaN))
                    .description("How long the oldest message already due has waited (0 when none is due)")
                    .baseUnit("seconds").tag("platform", name).strongReference(true).register(registry);
        }
        return this;
    }

    /** The misfired triggers Quartz handled on this replica. */
    public Metrics scheduler(PulseScheduler scheduler) {
        FunctionCounter.builder("pulse.quartz.misfires", scheduler, PulseScheduler::misfires)
                .description("Quartz triggers that misfired (due while nothing could fire them)")
                .register(registry);
        return this;
    }

    /** The before and after handlers that measure every HTTP request and name it on its log lines. */
    public Requests requests() {
        return requests;
    }

    /**
     * {@code GET /metrics}: the meters in Prometheus' text format; with a token, only for a request that sends it
     * as {@code Authorization: Bearer <token>} (401 otherwise).
     */
    public Handler endpoint(Optional<String> token) {
        Optional<byte[]> expected = token.map(Metrics::sha256);
        return ctx -> {
            if (expected.isPresent() && !authorized(ctx, expected.get())) {
                ctx.status(401).header("WWW-Authenticate", "Bearer").result("A bearer token is required");
                return;
            }
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
        };
    }

    /** Compares digests of equal length in constant time, so that the answer's timing tells nothing of the token. */
    private static boolean authorized(Context ctx, byte[] expected) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(sha256(header.substring(7).strip()), expected);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
