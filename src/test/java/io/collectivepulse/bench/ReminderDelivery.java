package io.collectivepulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Seed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
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
            Duration latency = Settings.platformLatency();
            return "| %,d × %d%s | %,d | %,d | %d | %.1f → %.1f | %.0f | %d |".formatted(communities, attendees,
                    latency.isZero() ? "" : ", answers in " + latency.toMillis() + " ms",
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
                long session = session(h, community, i, due);
                h.createUpdate("""
                                INSERT INTO session_answer (session_id, platform, workspace_id, user_id, display_name,
                                                            answer, answered_at)
                                SELECT :s, 'slack', :team, 'U' || :i || 'M' || n, 'Membre ' || n, 'yes', now()
                                FROM generate_series(1, :attendees) AS n""")
                        .bind("s", session).bind("team", FakeSlackApi.TEAM_ID).bind("i", i)
                        .bind("attendees", attendees).execute();
                reminder(h, session, due);
            }
        });
    }

    /** Session 1 of the community, an hour after {@code due}. */
    private static long session(Handle h, long community, int i, Instant due) {
        return h.createQuery("""
                        INSERT INTO session (community_id, number, title, starts_at, duration_minutes, public_id,
                                             created_by, created_at, updated_at)
                        VALUES (:c, 1, 'Séance du mois', :starts, 120, :publicId, 'U0ANNE', now(), now())
                        RETURNING id""")
                .bind("c", community).bind("starts", due.plus(Duration.ofHours(1)))
                .bind("publicId", "bench-session-%06d-xxxxxx".formatted(i)).mapTo(Long.class).one();
    }

    /** The session's H-1 reminder, due at {@code due}. */
    private static void reminder(Handle h, long session, Instant due) {
        h.createUpdate("""
                        INSERT INTO session_reminder (session_id, offset_code, due_at, sequence)
                        VALUES (:s, 'H-1', :due, 0)""")
                .bind("s", session).bind("due", due).execute();
    }

    /**
     * The same on Teams: the communities' channels in {@code tenants} tenants, each attendee's private chat already
     * open (as after the J-1 reminder) or not ({@code open}), the fake Bot Connector enforcing Teams' limits (50
     * requests a second per tenant, the binding one). The minimum is each tenant's requests at 50 a second: one per
     * message, two where the chat must be opened first.
     */
    static TeamsResult measureTeams(int communities, int attendees, int tenants, boolean open,
                                    Map<String, String> baseEnv, List<String> options) throws Exception {
        try (var seeded = new SeededService(baseEnv, options)) {
            Instant due = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
            seedTeams(seeded.jdbi, communities, attendees, tenants, open, due, seeded.connector.serviceUrl());
            try (var service = seeded.start("service-teams-reminders")) {
                long dueNanos = seeded.nanos(due);
                long expected = (long) communities * attendees;
                long patience = Math.max(0, dueNanos - System.nanoTime()) + TimeUnit.MINUTES.toNanos(10);
                SeededService.Arrivals arrivals = seeded.awaitTeams("Rappel : séance", expected,
                        Duration.ofNanos(patience));
                long earliest = arrivals.first().isEmpty() ? dueNanos : arrivals.earliest();
                long latest = arrivals.first().isEmpty() ? dueNanos : arrivals.latest();
                long perTenant = (long) Math.ceil((double) communities / tenants) * attendees * (open ? 1 : 2);
                return new TeamsResult(new Result(communities, attendees, expected, arrivals.first().size(),
                        arrivals.duplicates(), (earliest - dueNanos) / 1e9, (latest - dueNanos) / 1e9,
                        seeded.connector.rateLimited().size()), tenants, open, perTenant / 50.0);
            }
        }
    }

    /** A Teams run: the shared figures, the tenants, whether the chats were open, and the limits' minimum in s. */
    record TeamsResult(Result result, int tenants, boolean open, double minimum) {
        String row() {
            Result r = result;
            Duration latency = Settings.platformLatency();
            return "| %,d × %d in %d tenants, chats %s%s | %,d | %,d | %d | %.1f → %.1f | %.0f | %.1f | %.2f | %d |"
                    .formatted(r.communities(), r.attendees(), tenants, open ? "open" : "to open",
                            latency.isZero() ? "" : ", answers in " + latency.toMillis() + " ms", r.expected(),
                            r.received(), r.duplicates(), r.first(), r.last(), r.received() / Math.max(r.last(), 1e-3),
                            minimum, r.last() / minimum, r.refused());
        }
    }

    /**
     * Per community: a Teams channel in tenant {@code i % tenants}, a session in an hour from {@code due}, its
     * attendees' yes, its H-1 reminder; per tenant, the conversation reference the bot would have stored when it was
     * added there; per attendee, if {@code open}, their private chat's.
     */
    private static void seedTeams(Jdbi jdbi, int communities, int attendees, int tenants, boolean open, Instant due,
                                  String serviceUrl) {
        jdbi.useTransaction(h -> {
            for (int t = 0; t < tenants; t++) {
                reference(h, tenant(t), "19:bench-" + t + "@thread.tacv2", "channel", serviceUrl);
            }
            for (int i = 0; i < communities; i++) {
                String tenant = tenant(i % tenants);
                long community = h.createQuery("""
                                INSERT INTO community (name, locale, time_zone, created_at)
                                VALUES (:name, 'fr', 'Europe/Paris', now()) RETURNING id""")
                        .bind("name", "Séances Teams " + i).mapTo(Long.class).one();
                h.createUpdate("""
                                INSERT INTO channel_link (platform, workspace_id, channel_id, community_id, linked_by,
                                                          linked_at)
                                VALUES ('teams', :tenant, :channel, :id, 'aad-anne', now())""")
                        .bind("tenant", tenant).bind("channel", "19:community-" + i + "@thread.tacv2")
                        .bind("id", community).execute();
                long session = session(h, community, i, due);
                h.createUpdate("""
                                INSERT INTO session_answer (session_id, platform, workspace_id, user_id, display_name,
                                                            answer, answered_at)
                                SELECT :s, 'teams', :tenant, 'aad-' || :i || '-' || n, 'Membre ' || n, 'yes', now()
                                FROM generate_series(1, :attendees) AS n""")
                        .bind("s", session).bind("tenant", tenant).bind("i", i).bind("attendees", attendees)
                        .execute();
                if (open) {
                    for (int n = 1; n <= attendees; n++) {
                        String member = "aad-" + i + "-" + n;
                        reference(h, tenant, "@" + member, "personal", serviceUrl,
                                FakeBotConnector.personalConversation(member));
                    }
                }
                reminder(h, session, due);
            }
        });
    }

    private static String tenant(int t) {
        return "00000000-0000-0000-0000-%012d".formatted(t);
    }

    private static void reference(Handle h, String tenant, String conversation, String type, String serviceUrl) {
        reference(h, tenant, conversation, type, serviceUrl, conversation);
    }

    /** A stored conversation reference, as the bot keeps it under {@code key}. */
    private static void reference(Handle h, String tenant, String key, String type, String serviceUrl,
                                  String conversation) {
        var json = new ObjectMapper().createObjectNode().put("channelId", "msteams").put("serviceUrl", serviceUrl);
        json.putObject("bot").put("id", "28:bench-bot").put("name", "Collective Pulse");
        json.putObject("conversation").put("id", conversation).put("tenantId", tenant).put("conversationType", type)
                .put("isGroup", !type.equals("personal"));
        h.createUpdate("""
                        INSERT INTO conversation_reference (platform, workspace_id, channel_id, reference, updated_at)
                        VALUES ('teams', :tenant, :key, CAST(:reference AS jsonb), now())""")
                .bind("tenant", tenant).bind("key", key).bind("reference", json.toString()).execute();
    }
}
