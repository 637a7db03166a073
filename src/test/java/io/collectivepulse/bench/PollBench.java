package io.collectivepulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.TestDatabase;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.Seed;
import io.collectivepulse.support.SlackSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Issue 12's figures. Votes: one poll of a community linked to five Slack channels, launched by its facilitator,
 * then members of the five channels voting at a fixed rate over signed HTTP; measured: the acks, and the redraws
 * of the poll's card each channel got (the fake enforcing chat.update's published limits). Deadline: a poll in
 * each of many communities, all due at the same instant, closed by Quartz in the service's own JVM; measured: from
 * the deadline to the last community's results received, against what the fake's limits allow (one message per
 * channel: all at once).
 */
final class PollBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHANNELS = 5;
    private static final int OPTIONS = 3;
    private static final String RESULTS = "Résultats du sondage n° 1";
    private static final Duration WARM_UP = Duration.ofSeconds(20);

    /**
     * The votes' run against one target: the acks as the load generator measured them, and the redraws each channel
     * received.
     */
    record Votes(String target, int rate, LoadGenerator.Result acks, Map<String, Long> redraws, double minutes,
                 long refused) {
        String row() {
            String perChannel = redraws.values().stream().map(n -> "%.0f".formatted(n / minutes))
                    .reduce((a, b) -> a + " / " + b).orElse("—");
            return "| %s | %,d/s for %.0f s | %,d | %d | %.2f | %.2f | %.1f | %s | %,d |".formatted(
                    Report.label("Slack", target), rate, acks.seconds(), acks.ok(), acks.errors(), acks.millis(50),
                    acks.millis(99), acks.maxMillis(), perChannel, refused);
        }
    }

    /** The deadline's run; times in seconds after the deadline. */
    record Deadline(int communities, long received, long duplicates, double first, double last, long refused) {
        String row() {
            return "| %,d | %,d | %d | %.1f → %.1f | %d |".formatted(communities, received, duplicates, first, last,
                    refused);
        }
    }

    private PollBench() {
    }

    static Votes votes(int rate, Duration phase, Map<String, String> baseEnv, List<String> options)
            throws Exception {
        try (var seeded = new SeededService(baseEnv, options)) {
            seeded.jdbi.useTransaction(h -> {
                long community = Seed.community(h, "Sondages", channel(0));
                for (int c = 1; c < CHANNELS; c++) {
                    h.createUpdate("""
                                    INSERT INTO channel_link (platform, workspace_id, channel_id, community_id,
                                                              linked_by, linked_at)
                                    VALUES ('slack', :team, :channel, :id, 'U0ANNE', now())""")
                            .bind("team", FakeSlackApi.TEAM_ID).bind("channel", channel(c)).bind("id", community)
                            .execute();
                }
                h.createUpdate("""
                                INSERT INTO member (community_id, platform, workspace_id, user_id, display_name, role,
                                                    joined_at)
                                VALUES (:id, 'slack', :team, 'U0ANNE', 'Anne', 'facilitator', now())""")
                        .bind("id", community).bind("team", FakeSlackApi.TEAM_ID).execute();
            });
            try (var service = seeded.start("service-poll-votes")) {
                String url = service.url("/slack/events");
                var signer = new SlackSigner(baseEnv.get("SLACK_SIGNING_SECRET"));
                launch(url, signer);
                seeded.await("Sondage n° 1", CHANNELS, Duration.ofSeconds(30));
                long poll = seeded.jdbi.withHandle(h -> h.createQuery("SELECT id FROM poll").mapTo(Long.class).one());
                Supplier<HttpRequest> votes = votes(url, signer, poll, Map.of());
                // The JIT warms up on votes of other members first (they count in the tally too).
                new LoadGenerator().fixedRate("warm-up", votes, Math.max(1, rate / 2), WARM_UP);
                redraws(seeded.slackApi, Duration.ofSeconds(2));
                long started = System.nanoTime();
                LoadGenerator.Result acks = new LoadGenerator().fixedRate("votes", votes, rate, phase);
                // The last redraws wait a moment for more votes, then for their channel's turn.
                Map<String, Long> redraws = redraws(seeded.slackApi, Duration.ofSeconds(5));
                double minutes = (System.nanoTime() - started) / 60e9;
                return new Votes(Report.SERVICE, rate, acks, redraws, minutes, seeded.slackApi.refused().size());
            }
        }
    }

    /**
     * The same votes against a baseline in its own JVM: bare Javalin, the minimal Bolt app (both only ack), or the
     * peer Bolt app (vote stored, tally counted and the clicked card redrawn with {@code chat.update} before the ack,
     * its poll launched with {@code /sondage} in the same five channels), with a fake Slack of its own that enforces
     * the published limits.
     */
    static Votes baseline(String target, int rate, Duration phase, Map<String, String> baseEnv, List<String> options)
            throws Exception {
        Map<String, String> env = new HashMap<>(baseEnv);
        String token = env.get("SLACK_BOT_TOKEN");
        try (var slackApi = new FakeSlackApi(token).withoutRecording()) {
            env.put("SLACK_API_URL", slackApi.url());
            env.put("DATABASE_URL", TestDatabase.newDatabase());
            try (var process = TargetProcess.start("baseline-votes-" + target, target, env, options)) {
                String url = process.url("/slack/events");
                var signer = new SlackSigner(env.get("SLACK_SIGNING_SECRET"));
                long poll = 1;
                Map<String, String> cards = Map.of();
                if (target.equals(Report.PEER)) {
                    for (int c = 0; c < CHANNELS; c++) {
                        PeerBoltApp.link(env.get("DATABASE_URL"), FakeSlackApi.TEAM_ID, channel(c), "Sondages");
                    }
                    HttpRequest launch = BenchRequests.slack(url, signer, channel(0), "U0ANNE", "/sondage",
                            "Quel thème pour la séance 4 ?");
                    HttpResponse<String> answer = HttpClient.newHttpClient().send(launch,
                            HttpResponse.BodyHandlers.ofString());
                    cards = PeerBoltApp.pollCards(env.get("DATABASE_URL"));
                    if (answer.statusCode() != 200 || cards.size() != CHANNELS) {
                        throw new IllegalStateException("The peer's poll was not launched: " + answer.statusCode());
                    }
                }
                Supplier<HttpRequest> votes = votes(url, signer, poll, cards);
                new LoadGenerator().fixedRate("warm-up " + target, votes, Math.max(1, rate / 2), WARM_UP);
                redraws(slackApi, Duration.ofSeconds(2));
                int refusedBefore = slackApi.refused().size();
                long started = System.nanoTime();
                LoadGenerator.Result acks = new LoadGenerator().fixedRate("votes " + target, votes, rate, phase);
                Map<String, Long> redraws = redraws(slackApi, Duration.ofSeconds(2));
                double minutes = (System.nanoTime() - started) / 60e9;
                return new Votes(target, rate, acks, redraws, minutes, slackApi.refused().size() - refusedBefore);
            }
        }
    }

    static Deadline deadline(int communities, Map<String, String> baseEnv, List<String> options) throws Exception {
        try (var seeded = new SeededService(baseEnv, options)) {
            Instant due = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
            seedDeadlines(seeded.jdbi, communities, due);
            try (var service = seeded.start("service-poll-deadlines")) {
                long dueNanos = seeded.nanos(due);
                long patience = Math.max(0, dueNanos - System.nanoTime()) + TimeUnit.MINUTES.toNanos(5);
                SeededService.Arrivals arrivals = seeded.await(RESULTS, communities, Duration.ofNanos(patience));
                long earliest = arrivals.first().isEmpty() ? dueNanos : arrivals.earliest();
                long latest = arrivals.first().isEmpty() ? dueNanos : arrivals.latest();
                return new Deadline(communities, arrivals.first().size(), arrivals.duplicates(),
                        (earliest - dueNanos) / 1e9, (latest - dueNanos) / 1e9, seeded.slackApi.refused().size());
            }
        }
    }

    /** The section of BENCHMARKS.md these runs fill. */
    static String markdown(List<Votes> votes, Deadline deadline) {
        var out = new StringBuilder("### Polls (issue 12)\n\n");
        if (!votes.isEmpty()) {
            out.append("""
                    Votes on one poll of a community linked to %d Slack channels: members of the channels pressing \
                    its buttons (signed `block_actions`) at a fixed rate, after 20 s of votes at half the rate to \
                    warm the JIT; the fake Slack enforcing `chat.update`'s limits. Redraws: `chat.update` calls each \
                    channel received per minute of the run. The baselines, each in its own JVM with a fake Slack of \
                    its own, get the same votes: bare Javalin and the minimal Bolt app only ack; the peer Bolt app \
                    stores the vote, counts the tally and redraws the card clicked before the ack.

                    | Target | Votes | Acked | Errors | p50 ms | p99 ms | max ms | Redraws per channel per minute \
                    | Refused by Slack (429) |
                    |---|---|---:|---:|---:|---:|---:|---|---:|
                    """.formatted(CHANNELS));
            votes.forEach(row -> out.append(row.row()).append("\n"));
            out.append("\n");
        }
        if (deadline != null) {
            out.append("""
                    Deadlines: a poll in each community, all due at the same instant, closed by Quartz; each \
                    community's results posted in its channel (the limit lets them all go at once). Seconds after \
                    the deadline.

                    | Communities | Results received | Duplicates | Received s | 429s |
                    |---|---:|---:|---|---:|
                    """).append(deadline.row()).append("\n\n");
        }
        return out.toString();
    }

    private static String channel(int n) {
        return "C0VOTE" + n;
    }

    private static void launch(String url, SlackSigner signer) throws IOException, InterruptedException {
        HttpRequest request = BenchRequests.slack(url, signer, channel(0), "U0ANNE", "/sondage",
                "\"Quel thème pour la séance 4 ?\" \"Recrutement\" \"Télétravail\" \"Accueil du public\"");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The poll was not launched: " + answer.statusCode() + " " + answer.body());
        }
    }

    /**
     * Member n's vote, in channel n mod 5, for option n mod 3: distinct members, each click its own time, on the card
     * at {@code cards}' time stamp for its channel (any, for the service, which does not read it).
     */
    private static Supplier<HttpRequest> votes(String url, SlackSigner signer, long poll, Map<String, String> cards) {
        ObjectNode template = template();
        var counter = new AtomicLong();
        return () -> {
            long n = counter.incrementAndGet();
            ObjectNode payload = template.deepCopy();
            String channel = channel((int) (n % CHANNELS));
            payload.putObject("user").put("id", "U0V" + n).put("username", "v" + n).put("name", "v" + n)
                    .put("team_id", FakeSlackApi.TEAM_ID);
            ((ObjectNode) payload.path("team")).put("id", FakeSlackApi.TEAM_ID)
                    .remove(List.of("enterprise_id", "enterprise_name"));
            ((ObjectNode) payload.path("channel")).put("id", channel);
            ((ObjectNode) payload.path("container")).put("channel_id", channel)
                    .put("message_ts", cards.getOrDefault(channel, "1.0"))
                    .put("is_ephemeral", false);
            ((ObjectNode) payload.path("actions").get(0)).put("action_id", "poll.vote." + (1 + n % OPTIONS))
                    .put("value", Long.toString(poll))
                    .put("action_ts", "%d.%06d".formatted(1_700_000_000L + n, n % 1_000_000));
            try {
                String body = Http.form(Map.of("payload", JSON.writeValueAsString(payload)));
                return BenchRequests.signed(url, signer, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static ObjectNode template() {
        try (InputStream in = PollBench.class.getResourceAsStream(
                "/conformance/slack/payloads/block_actions.bolt-python.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** chat.update calls per channel, until none came for {@code quiet}. */
    private static Map<String, Long> redraws(FakeSlackApi slackApi, Duration quiet) throws InterruptedException {
        Map<String, Long> counts = new TreeMap<>();
        while (true) {
            FakeSlackApi.Call call;
            try {
                call = slackApi.nextPost(quiet);
            } catch (AssertionError none) {
                return counts;
            }
            if (call.method().equals("chat.update")) {
                counts.merge(call.params().get("channel"), 1L, Long::sum);
            }
        }
    }

    /** Per community: its channel and an open poll of three options, with a few votes, due at {@code due}. */
    private static void seedDeadlines(Jdbi jdbi, int communities, Instant due) {
        jdbi.useTransaction(h -> {
            for (int i = 0; i < communities; i++) {
                long community = Seed.community(h, "Échéances " + i, "C0D%04d".formatted(i));
                long poll = h.createQuery("""
                                INSERT INTO poll (community_id, number, question, anonymous, multiple, ends_at,
                                                  created_at)
                                VALUES (:c, 1, 'Une séance en plus ?', FALSE, FALSE, :due, now())
                                RETURNING id""")
                        .bind("c", community).bind("due", due).mapTo(Long.class).one();
                h.createUpdate("""
                                INSERT INTO poll_option (poll_id, position, label)
                                VALUES (:p, 1, 'Oui'), (:p, 2, 'Non'), (:p, 3, 'Sans avis')""")
                        .bind("p", poll).execute();
                h.createUpdate("""
                                INSERT INTO poll_vote (poll_id, position, voter, platform, workspace_id, user_id,
                                                       display_name)
                                SELECT :p, 1 + n % 3, 'slack:' || n, 'slack', :team, 'U' || :i || 'M' || n,
                                       'Membre ' || n
                                FROM generate_series(1, 12) AS n""")
                        .bind("p", poll).bind("team", FakeSlackApi.TEAM_ID).bind("i", i).execute();
            }
        });
    }
}
