package io.collectivepulse.bench;

import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Seed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * Issue 11's figure: {@code communities} communities, each with a session at the same hour and {@code attendees}
 * members who said they come; their H-1 reminders are due at the same instant, fired by Quartz in the service's own
 * JVM and sent as direct messages through the outbox to a fake Slack enforcing chat.postMessage's limit (each
 * member's conversation is a channel of its own). Measured: from the instant they were due to the last one
 * received, against the minimum the limit allows (one message per conversation: all at once).
 */
final class ReminderDelivery {
    /** What the run measured; times in seconds after the reminders were due. */
    record Result(int communities, int attendees, long expected, long received, long duplicates, double first,
                  double last, long refused) {
        String row() {
            return "| %,d × %d | %,d | %,d | %d | %.1f → %.1f | %.0f | %d |".formatted(communities, attendees,
                    expected, received, duplicates, first, last, received / Math.max(last, 1e-3), refused);
        }
    }

    private ReminderDelivery() {
    }

    static Result measure(int communities, int attendees, Map<String, String> baseEnv, List<String> options)
            throws Exception {
        try (var seeded = new SeededService(baseEnv, options)) {
            Instant due = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
            seed(seeded.jdbi, communities, attendees, due);
            try (var service = seeded.start("service-reminders")) {
                long dueNanos = seeded.nanos(due);
                long expected = (long) communities * attendees;
                long patience = Math.max(0, dueNanos - System.nanoTime()) + TimeUnit.MINUTES.toNanos(10);
                SeededService.Arrivals arrivals = seeded.await("Rappel : séance", expected, Duration.ofNanos(patience));
                long earliest = arrivals.first().isEmpty() ? dueNanos : arrivals.earliest();
                long latest = arrivals.first().isEmpty() ? dueNanos : arrivals.latest();
                return new Result(communities, attendees, expected, arrivals.first().size(), arrivals.duplicates(),
                        (earliest - dueNanos) / 1e9, (latest - dueNanos) / 1e9, seeded.slackApi.refused().size());
            }
        }
    }

    /** Per community: a channel, a session in an hour from {@code due}, its attendees' yes, its H-1 reminder. */
    private static void seed(Jdbi jdbi, int communities, int attendees, Instant due) {
        jdbi.useTransaction(h -> {
            for (int i = 0; i < communities; i++) {
                long community = Seed.community(h, "Séances " + i, "C0S%04d".formatted(i));
                long session = h.createQuery("""
                                INSERT INTO session (community_id, number, title, starts_at, duration_minutes, public_id,
                                                     created_by, created_at, updated_at)
                                VALUES (:c, 1, 'Séance du mois', :starts, 120, :publicId, 'U0ANNE', now(), now())
                                RETURNING id""")
                        .bind("c", community).bind("starts", due.plus(Duration.ofHours(1)))
                        .bind("publicId", "bench-session-%06d-xxxxxx".formatted(i)).mapTo(Long.class).one();
                h.createUpdate("""
                                INSERT INTO session_answer (session_id, platform, workspace_id, user_id, display_name,
                                                            answer, answered_at)
                                SELECT :s, 'slack', :team, 'U' || :i || 'M' || n, 'Membre ' || n, 'yes', now()
                                FROM generate_series(1, :attendees) AS n""")
                        .bind("s", session).bind("team", FakeSlackApi.TEAM_ID).bind("i", i)
                        .bind("attendees", attendees).execute();
                h.createUpdate("""
                                INSERT INTO session_reminder (session_id, offset_code, due_at, sequence)
                                VALUES (:s, 'H-1', :due, 0)""")
                        .bind("s", session).bind("due", due).execute();
            }
        });
    }
}
