package io.collectivepulse.bench;

import io.collectivepulse.TestDatabase;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.SlackSigner;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs every benchmark and writes {@code BENCHMARKS-latest.md} in the directory given as first argument:
 * the ack paths of Slack and Teams against the bare Javalin and minimal SDK baselines and, on Slack, against the
 * peer Bolt app of issue 10 ({@link PeerBoltApp}), each target in its own JVM; then the Quartz store. Everything
 * runs locally: the embedded PostgreSQL of the tests, the fake Slack Web API and a counting Bot Connector.
 */
public final class BenchMain {
    private static final String SECRET = "bench-signing-secret-0123456789abcdef";
    private static final String TOKEN = "xoxb-bench-token";

    private final Settings settings;
    private final Report report = new Report();
    private final LoadGenerator generator = new LoadGenerator();
    private final CpuMeter cpu;
    private final Path out;

    private BenchMain(Settings settings, CpuMeter cpu, Path out) {
        this.settings = settings;
        this.cpu = cpu;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Files.createDirectories(out);
        long started = System.nanoTime();
        Settings settings = Settings.fromSystemProperties();
        String database = TestDatabase.newDatabase();
        var bench = new BenchMain(settings, new CpuMeter(postmaster(database)), out);
        try (var slackApi = new FakeSlackApi(TOKEN).withoutRateLimits().withoutRecording(); var connector = new CountingBotConnector()) {
            Map<String, String> env = Map.of("PORT", "0", "DATABASE_URL", database, "DATABASE_USER", "postgres",
                    "SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", TOKEN, "SLACK_API_URL", slackApi.url());
            if (settings.runs("ack")) {
                for (String target : List.of(Report.JAVALIN, Report.SDK, Report.PEER, Report.SERVICE)) {
                    if (settings.targets().contains(target)) {
                        bench.ackPaths(target, env, slackApi, connector);
                    }
                }
            }
            if (settings.runs("delivery")) {
                System.out.println("Digest delivery: " + settings.digestChannels() + " channels");
                bench.report.delivery(DigestDelivery.measure(settings.digestChannels(), env, settings.targetOptions()));
            }
            if (settings.runs("reminders")) {
                System.out.println("Reminders: " + settings.reminderCommunities() + " communities × "
                        + settings.attendees() + " attendees");
                bench.report.reminders(ReminderDelivery.measure(settings.reminderCommunities(), settings.attendees(),
                        env, settings.targetOptions()));
                for (boolean open : new boolean[] {true, false}) {
                    System.out.println("Reminders on Teams: " + settings.reminderTenants() + " tenants, chats "
                            + (open ? "open" : "to open"));
                    bench.report.teamsReminders(ReminderDelivery.measureTeams(settings.reminderCommunities(),
                            settings.attendees(), settings.reminderTenants(), open, env, settings.targetOptions()));
                }
            }
            if (settings.runs("polls")) {
                System.out.println("Polls: votes at " + settings.voteRate() + "/s, deadlines in "
                        + settings.pollCommunities() + " communities");
                List<PollBench.Votes> votes = new java.util.ArrayList<>();
                if (settings.voteRate() > 0) {
                    for (String target : List.of(Report.JAVALIN, Report.SDK, Report.PEER)) {
                        if (settings.targets().contains(target)) {
                            votes.add(PollBench.baseline(target, settings.voteRate(), settings.votePhase(), env,
                                    settings.targetOptions()));
                        }
                    }
                    if (settings.targets().contains(Report.SERVICE)) {
                        votes.add(PollBench.votes(settings.voteRate(), settings.votePhase(), env,
                                settings.targetOptions()));
                    }
                }
                PollBench.Deadline deadline = settings.pollCommunities() == 0 ? null
                        : PollBench.deadline(settings.pollCommunities(), env, settings.targetOptions());
                bench.report.polls(PollBench.markdown(votes, deadline));
            }
            if (settings.runs("quartz")) {
                System.out.println("Scheduler: " + settings.triggers() + " triggers");
                bench.report.quartz(QuartzBench.run(env, settings.triggers(), settings.simultaneous()));
            }
            if (settings.runs("digests")) {
                System.out.println("Digests");
                var digests = new java.util.ArrayList<>(DigestBench.inMemory());
                digests.addAll(DigestBench.withDatabase(List.of(1, 100, 1000), 1000));
                bench.report.digests(DigestBench.table(digests));
            }
        }
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        String markdown = bench.report.markdown(Machine.header(settings, total));
        Files.writeString(out.resolve("BENCHMARKS-latest.md"), markdown);
        System.out.println(markdown);
        System.out.println("Written to " + out.resolve("BENCHMARKS-latest.md").toAbsolutePath());
        System.exit(0);
    }

    /** Both paths against one target, started in its own JVM; the peer only answers Slack. */
    private void ackPaths(String target, Map<String, String> env, FakeSlackApi slackApi,
                          CountingBotConnector connector) throws Exception {
        System.out.println("Target: " + target);
        boolean peer = target.equals(Report.PEER);
        Map<String, String> targetEnv = new HashMap<>(env);
        if (peer) {
            targetEnv.put("DATABASE_URL", TestDatabase.newDatabase());
        }
        try (var process = TargetProcess.start(target, target, targetEnv, settings.targetOptions())) {
            report.started(target, process.startTime());
            String slackUrl = process.url("/slack/events");
            String teamsUrl = process.url("/api/messages");
            var signer = new SlackSigner(SECRET);
            if (target.equals(Report.SERVICE)) {
                link(slackUrl, signer, teamsUrl, connector);
            } else if (peer) {
                for (int i = 0; i < BenchRequests.CHANNELS; i++) {
                    PeerBoltApp.link(targetEnv.get("DATABASE_URL"), FakeSlackApi.TEAM_ID,
                            BenchRequests.channel(BenchRequests.CHANNELS_PREFIX, i), "Bench " + i);
                }
            }
            TimeUnit.SECONDS.sleep(2);
            report.memory(target, "idle", process.memory());
            drainPosts(slackApi);
            int refused = slackApi.refused().size();
            load("Slack", target, process, BenchRequests.slackSignals(slackUrl, signer, BenchRequests.CHANNELS_PREFIX));
            if (peer) {
                report.note("%s: %,d signals stored, %,d cards received by the fake Slack (%d refused).".formatted(
                        Report.label("Slack", target), PeerBoltApp.signals(targetEnv.get("DATABASE_URL")),
                        drainPosts(slackApi), slackApi.refused().size() - refused));
                return;
            }
            if (target.equals(Report.SERVICE) && settings.runs("cards")) {
                System.out.println("  Card latency");
                report.cards(CardLatency.measure(generator, slackUrl, signer, slackApi, settings.cardRate(),
                        settings.cardPhase()));
            }
            long replies = connector.received();
            load("Teams", target, process, BenchRequests.teamsSignals(teamsUrl, connector.serviceUrl()));
            if (!target.equals(Report.JAVALIN)) {
                report.note("%s: the Bot Connector received %,d replies during the Teams phases.".formatted(
                        Report.label("Teams", target).replace("*", ""), connector.received() - replies));
            }
        }
    }

    /**
     * How many chat messages the fake Slack has answered since the last call. It queues every one, even when it
     * records nothing, and says it has no more by throwing: that is the end of the count.
     */
    private static long drainPosts(FakeSlackApi slackApi) throws InterruptedException {
        long count = 0;
        try {
            while (true) {
                slackApi.nextPost(Duration.ZERO);
                count++;
            }
        } catch (AssertionError empty) {
            return count;
        }
    }

    /** Warm-up, the fixed rates, saturation, and for the service a profiled saturation phase. */
    private void load(String path, String target, TargetProcess process, Supplier<HttpRequest> requests) {
        System.out.printf("  %s path: warm-up%n", path);
        var jit = new JitWatch(process);
        long started = System.nanoTime();
        var warmUp = generator.warmUp(requests, 8, settings.warmUpRequests(), settings.warmUp(), jit);
        report.warmUp(path, target, Duration.ofNanos(System.nanoTime() - started), jit.lastShare());
        if (warmUp != null && warmUp.errors() > 0) {
            noteErrors(path, target, warmUp);
        }
        for (int rate : settings.rates()) {
            String phase = rate + "/s";
            CompletableFuture<TargetProcess.Memory> memory = rate != 200 ? null : CompletableFuture.supplyAsync(
                    process::memory, CompletableFuture.delayedExecutor(settings.phase().toMillis() / 2,
                            TimeUnit.MILLISECONDS));
            var mark = cpu.mark(process.pid());
            var result = generator.fixedRate(phase, requests, rate, settings.phase());
            report.add(new Report.Row(path, target, phase, result, cpu.since(mark, process.pid())));
            noteErrors(path, target, result);
            if (memory != null) {
                report.memory(target, path + " 200/s", memory.join());
            }
            System.out.printf("  %s %s: p99 %.2f ms, %d errors%n", path, phase, result.millis(99), result.errors());
        }
        var mark = cpu.mark(process.pid());
        var saturation = generator.saturation(Report.SATURATION, requests, settings.concurrency(), settings.phase());
        report.add(new Report.Row(path, target, Report.SATURATION, saturation, cpu.since(mark, process.pid())));
        noteErrors(path, target, saturation);
        System.out.printf("  %s saturation: %.0f req/s%n", path, saturation.throughput());
        if (target.equals(Report.SERVICE)) {
            Path recording = out.resolve(path.toLowerCase() + "-saturation.jfr");
            process.startRecording();
            generator.saturation("profiled", requests, settings.concurrency(), settings.profile());
            process.stopRecording(recording);
            report.profile(path, JfrSummary.markdown(recording, settings.profile().toSeconds()));
        }
    }

    private void noteErrors(String path, String target, LoadGenerator.Result result) {
        if (result.errors() > 0) {
            report.note("%s, %s, %s: %d failed requests %s".formatted(path, Report.label(path, target).replace("*", ""),
                    result.phase(), result.errors(), result.errorKinds()));
        }
    }

    /**
     * Links the bench's Slack channels, each to a community of its own, and its Teams conversation, so that every
     * signal is stored.
     */
    private static void link(String slackUrl, SlackSigner signer, String teamsUrl, CountingBotConnector connector)
            throws Exception {
        var client = HttpClient.newHttpClient();
        for (int i = 0; i < BenchRequests.CHANNELS; i++) {
            String channel = BenchRequests.channel(BenchRequests.CHANNELS_PREFIX, i);
            var linked = client.send(BenchRequests.slack(slackUrl, signer, channel, "/pulse", "lier Bench " + i),
                    HttpResponse.BodyHandlers.ofString());
            var signal = client.send(BenchRequests.slack(slackUrl, signer, channel, "/signal", "Premier signal #bench"),
                    HttpResponse.BodyHandlers.ofString());
            // A stored signal is acknowledged with an empty body: its card is posted in the channel by the bot.
            if (linked.statusCode() != 200 || signal.statusCode() != 200 || !signal.body().isBlank()) {
                throw new IllegalStateException("Slack link failed: " + linked.body() + " / " + signal.body());
            }
        }
        long before = connector.received();
        var teams = client.send(BenchRequests.teams(teamsUrl, connector.serviceUrl(), "lier Bench Teams"),
                HttpResponse.BodyHandlers.ofString());
        if (teams.statusCode() != 200) {
            throw new IllegalStateException("Teams link failed: " + teams.statusCode() + " " + teams.body());
        }
        // The reply goes through the outbox, once the activity's effects are committed.
        io.collectivepulse.support.Awaits.until(() -> java.util.Optional.of(connector.received())
                        .filter(received -> received == before + 1), java.time.Duration.ofSeconds(10),
                () -> "Teams link failed: no reply at the Bot Connector");
    }

    /** The embedded PostgreSQL's postmaster: the parent of a backend process. */
    private static long postmaster(String database) throws Exception {
        try (var connection = DriverManager.getConnection(database, "postgres", "");
             var result = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return ProcessHandle.of(result.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid)
                    .orElse(-1L);
        }
    }

}
