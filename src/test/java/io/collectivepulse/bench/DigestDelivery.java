package io.collectivepulse.bench;

import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Seed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jdbi.v3.core.Jdbi;

/**
 * Issue 10's delivery figures: {@code channels} communities, each linked to one Slack channel of its own, sent to
 * a fake Slack that enforces chat.postMessage's published limit (one message a second per channel, short bursts),
 * by the service in its own JVM as the README starts it. (1) Their weekly digests are due in the same minute:
 * Quartz fires them, each writes its outbox row, the outbox draws and sends it; measured from the minute. (2) The
 * outbox alone: as many digest rows committed at once by another process (a replica, a restore), drawn and sent;
 * measured from the commit.
 */
final class DigestDelivery {
    /** What every digest's text holds. */
    private static final String DIGEST = "Synthèse de la semaine";
    /** Signals in each community's week, so that each digest has something to show. */
    private static final int SIGNALS = 5;
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    /** What one scenario measured; times in seconds after its start (the minute, or the commit). */
    record Scenario(String name, int channels, String written, double firstArrival, double lastArrival,
                    long delivered, long duplicates, Histogram lag, long refused) {
        /** Deliveries a second, from the first digest received to the last. */
        double perSecond() {
            return delivered / Math.max(lastArrival - firstArrival, 1e-3);
        }

        String row() {
            return "| %s | %,d | %s | %.2f → %.2f | %,d | %d | %.0f | %.0f | %.0f | %,d | %.2f | %d |".formatted(name,
                    channels, written, firstArrival, lastArrival, delivered, duplicates, perSecond(),
                    lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(99) / 1000.0, channels,
                    perSecond() / channels, refused);
        }
    }

    private DigestDelivery() {
    }

    static List<Scenario> measure(int channels, Map<String, String> baseEnv, List<String> options) throws Exception {
        try (var seeded = new SeededService(baseEnv, options)) {
            ZonedDateTime due = ZonedDateTime.now(ZoneId.of("Europe/Paris")).plusSeconds(90)
                    .truncatedTo(ChronoUnit.MINUTES);
            communities(seeded.jdbi, channels, due);
            try (var service = seeded.start("service-digests")) {
                long dueNanos = seeded.nanos(due.toInstant());
                TimeUnit.NANOSECONDS.sleep(Math.max(0, dueNanos - System.nanoTime()));
                SeededService.Arrivals quartz = seeded.await(DIGEST, channels, PATIENCE);
                Map<String, Instant> rows = written(seeded.jdbi, "digest:%");
                Histogram lag = lag(quartz, rows, seeded);
                var fired = new Scenario("Due at the same minute (Quartz, then the outbox)", channels,
                        "%.2f → %.2f".formatted(
                                (seeded.nanos(rows.values().stream().min(Instant::compareTo).orElseThrow()) - dueNanos)
                                        / 1e9,
                                (seeded.nanos(rows.values().stream().max(Instant::compareTo).orElseThrow()) - dueNanos)
                                        / 1e9),
                        (quartz.earliest() - dueNanos) / 1e9, (quartz.latest() - dueNanos) / 1e9,
                        quartz.first().size(), quartz.duplicates(), lag, seeded.slackApi.refused().size());

                long refused = seeded.slackApi.refused().size();
                long committed = System.nanoTime();
                seeded.jdbi.useHandle(h -> h.execute("""
                        INSERT INTO outbox (idem_key, op, kind, subject_id, platform, workspace_id, channel_id,
                                            as_of, due_at, give_up_at, created_at)
                        SELECT 'bench:digest:' || community_id, 'post', 'digest', community_id, platform,
                               workspace_id, channel_id, now(), now(), now() + interval '6 hours', now()
                        FROM channel_link WHERE channel_id LIKE 'C0D%'
                        """));
                SeededService.Arrivals outbox = seeded.await(DIGEST, channels, PATIENCE);
                Histogram fromCommit = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
                outbox.first().values().forEach(at -> fromCommit.recordValue((at - committed) / 1000));
                var sent = new Scenario("Committed at once by another process (the outbox alone)", channels,
                        "0 (one transaction)", (outbox.earliest() - committed) / 1e9,
                        (outbox.latest() - committed) / 1e9, outbox.first().size(), outbox.duplicates(), fromCommit,
                        seeded.slackApi.refused().size() - refused);
                return List.of(fired, sent);
            }
        }
    }

    /** When each channel's digest row was written. */
    private static Map<String, Instant> written(Jdbi jdbi, String keys) {
        Map<String, Instant> rows = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT channel_id, created_at FROM outbox WHERE idem_key LIKE :keys")
                .bind("keys", keys)
                .map((rs, ctx) -> rows.put(rs.getString("channel_id"), rs.getTimestamp("created_at").toInstant()))
                .list());
        return rows;
    }

    /** From each row written to its digest's arrival. */
    private static Histogram lag(SeededService.Arrivals arrivals, Map<String, Instant> rows, SeededService seeded) {
        var lag = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        arrivals.first().forEach((channel, at) -> {
            Instant row = rows.get(channel);
            if (row != null) {
                lag.recordValue(Math.max(0, (at - seeded.nanos(row)) / 1000));
            }
        });
        return lag;
    }

    private static void communities(Jdbi jdbi, int channels, ZonedDateTime due) {
        jdbi.useTransaction(h -> {
            for (int i = 0; i < channels; i++) {
                String channel = "C0D%04d".formatted(i);
                long id = Seed.community(h, "Synthèse " + i, channel);
                Seed.digestAt(h, id, due);
                h.createUpdate("""
                                INSERT INTO signal (community_id, platform, workspace_id, channel_id, author_id,
                                                    author_name, body, themes, created_at)
                                SELECT :id, 'slack', :team, :channel, 'U0M' || n, 'Membre ' || n,
                                       'Signal de la semaine numéro ' || n, ARRAY['veille'], now() - interval '1 day'
                                FROM generate_series(1, :signals) AS n""")
                        .bind("id", id).bind("team", FakeSlackApi.TEAM_ID).bind("channel", channel)
                        .bind("signals", SIGNALS).execute();
            }
        });
    }
}
