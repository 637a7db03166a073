package io.collectivepulse.bench;

import io.collectivepulse.support.FakeSlackApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Markdown report of one run: every figure next to the baselines measured in the same run. */
final class Report {
    static final String JAVALIN = "javalin";
    static final String SDK = "sdk";
    static final String PEER = "peer";
    static final String SERVICE = "service";
    static final String SATURATION = "saturation";

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Map<String, TargetProcess.Memory>> memory = new LinkedHashMap<>();
    private final Map<String, Duration> starts = new LinkedHashMap<>();
    private final Map<String, String> profiles = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> warmUps = new ArrayList<>();
    private QuartzBench.Figures quartz;
    private String digests;
    private CardLatency.Result cards;
    private List<DigestDelivery.Scenario> delivery;
    private ReminderDelivery.Result reminders;
    private final List<ReminderDelivery.TeamsResult> teamsReminders = new ArrayList<>();
    private String polls;

    /** One phase of load on one target. */
    record Row(String path, String target, String phase, LoadGenerator.Result result, CpuMeter.Usage cpu) {
    }

    void add(Row row) {
        rows.add(row);
    }

    void memory(String target, String moment, TargetProcess.Memory figures) {
        memory.computeIfAbsent(target, t -> new LinkedHashMap<>()).put(moment, figures);
    }

    void started(String target, Duration time) {
        starts.put(target, time);
    }

    void profile(String path, String markdown) {
        profiles.put(path, markdown);
    }

    void warmUp(String path, String target, Duration took, double jitShare) {
        warmUps.add("%s, %s: %.0f s, the JIT compilers then at %.0f %% of a core".formatted(path,
                label(path, target).replace("*", ""), took.toMillis() / 1000.0, jitShare * 100));
    }

    void note(String line) {
        notes.add(line);
    }

    void digests(String table) {
        this.digests = table;
    }

    void cards(CardLatency.Result result) {
        this.cards = result;
    }

    void delivery(List<DigestDelivery.Scenario> scenarios) {
        this.delivery = scenarios;
    }

    void teamsReminders(ReminderDelivery.TeamsResult result) {
        teamsReminders.add(result);
    }

    void reminders(ReminderDelivery.Result result) {
        this.reminders = result;
    }

    /** Issue 12's section, as {@link PollBench#markdown} wrote it. */
    void polls(String section) {
        this.polls = section;
    }

    void quartz(QuartzBench.Figures figures) {
        this.quartz = figures;
    }

    static String label(String path, String target) {
        return switch (target) {
            case JAVALIN -> "Bare Javalin";
            case SDK -> path.equals("Slack") ? "Minimal Bolt app" : "Minimal Bot Framework bot";
            case PEER -> "Peer Bolt app";
            default -> "**Collective Pulse**";
        };
    }

    String markdown(String header) {
        var out = new StringBuilder(header);
        for (String path : List.of("Slack", "Teams")) {
            out.append(ackPath(path));
        }
        out.append(outbox());
        if (polls != null) {
            out.append(polls);
        }
        out.append("### Digests: build + render\n\n").append(digests == null ? "Not measured in this run.\n" : digests)
                .append('\n');
        if (!warmUps.isEmpty()) {
            out.append("Warm-ups (each until the target's JIT settles, see `JitWatch`, or its time limit):\n\n");
            warmUps.forEach(w -> out.append("- ").append(w).append('\n'));
            out.append('\n');
        }
        out.append(scheduler()).append(memoryTable());
        if (!notes.isEmpty()) {
            out.append("### Notes from the run\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    /** Issue 10's outbox figures: card latency after the ack, and digests delivered at once. */
    private String outbox() {
        var out = new StringBuilder("### The outbox: cards after the ack, digests at the same minute\n\n");
        if (cards == null) {
            out.append("Card latency: not measured in this run.\n\n");
        } else {
            out.append("""
                    Card latency after the ack: `/signal` at a fixed rate over channels each linked to a community of \
                    its own, the fake Slack enforcing chat.postMessage's limit (%d messages a second per channel, \
                    bursts of %d); from the answer to the command to the card's arrival at the fake. *Floor*: the \
                    p99 the limit alone imposes (each card at the earliest instant its channel's bucket allows).

                    | Load | Acknowledged | Cards received | Duplicates | p50 ms | p99 ms | max ms | floor p99 ms \
                    | 429s |
                    |---|---:|---:|---:|---:|---:|---:|---:|---:|
                    """.formatted((int) FakeSlackApi.POST_PER_SECOND, FakeSlackApi.POST_BURST))
                    .append(cards.row()).append("\n\n");
        }
        if (delivery == null) {
            out.append("Digest delivery: not measured in this run.\n\n");
        } else {
            out.append("""
                    Digests to as many channels, each linked to a community of its own, sent by the service (its \
                    own JVM) to a fake Slack enforcing one message a second per channel (bursts of %d): due at the \
                    same minute (Quartz fires each community's job, which writes its outbox row), and committed at \
                    once by another process (the outbox alone). Times in seconds after the minute or the commit; \
                    deliveries a second from the first digest received to the last; *lag*: from a digest's row \
                    written to its arrival. The limit allows one message a second in each channel, so at least as \
                    many deliveries a second as channels.

                    | Scenario | Channels | Rows written s | Digests received s | Delivered | Duplicates \
                    | Deliveries/s | lag p50 ms | lag p99 ms | Limit allows /s | Ratio | 429s |
                    |---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|
                    """.formatted(FakeSlackApi.POST_BURST));
            delivery.forEach(scenario -> out.append(scenario.row()).append('\n'));
            out.append('\n');
        }
        if (reminders != null) {
            out.append("""
                    H-1 reminders at the same instant (issue 11): communities each with a session at the same hour \
                    and attendees who said they come; Quartz fires each community's reminder, the outbox sends a \
                    direct message to each attendee, the fake Slack enforcing one message a second per \
                    conversation (each member's is its own: the limit lets them all go at once). Seconds after the \
                    instant they were due.

                    | Communities × attendees | Expected | Received | Duplicates | Received s | Per second | 429s |
                    |---|---:|---:|---:|---|---:|---:|
                    """).append(reminders.row()).append("\n\n");
        }
        if (!teamsReminders.isEmpty()) {
            out.append("""
                    The same on Teams: the communities' channels spread over tenants, the fake Bot Connector \
                    enforcing Teams' limits (per conversation 7 a second, 8 per 2 s, 60 per 30 s; 50 requests a \
                    second per tenant, the binding one). Each member's private chat is either open already (as \
                    after the J-1 reminder: one request per message) or opened by the bot first (two requests). \
                    Minimum: each tenant's requests at 50 a second.

                    | Communities × attendees | Expected | Received | Duplicates | Received s | Per second \
                    | Minimum s | Ratio | 429s |
                    |---|---:|---:|---:|---|---:|---:|---:|---:|
                    """);
            teamsReminders.forEach(run -> out.append(run.row()).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    private String ackPath(String path) {
        var out = new StringBuilder("### %s path: %s%n%n".formatted(path, path.equals("Slack")
                ? "signed `/signal` slash commands to `POST /slack/events`"
                : "Teams `signal …` message activities to `POST /api/messages`"));
        out.append("| Load | Target | Throughput req/s | p50 ms | p99 ms | max ms | Errors "
                + "| CPU % gen / target / PostgreSQL / other |\n|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            if (row.path().equals(path)) {
                var r = row.result();
                out.append("| %s | %s | %.0f | %.2f | %.2f | %.1f | %d | %s |%n".formatted(row.phase(),
                        label(path, row.target()), r.throughput(), r.millis(50), r.millis(99), r.maxMillis(),
                        r.errors(), row.cpu().format()));
            }
        }
        out.append(ratios(path)).append('\n').append(targets(path));
        if (profiles.containsKey(path)) {
            out.append("\nWhere Collective Pulse's CPU time goes at saturation on this path (JFR, a separate profiled "
                    + "phase of the same load):\n\n").append(profiles.get(path));
        }
        return out.append('\n').toString();
    }

    /** Collective Pulse's latency and throughput as ratios of each baseline measured on this path. */
    private String ratios(String path) {
        // The peer answers Slack only: its columns appear where it was measured.
        List<String> bases = rows.stream().anyMatch(r -> r.path().equals(path) && r.target().equals(PEER))
                ? List.of(JAVALIN, SDK, PEER) : List.of(JAVALIN, SDK);
        var out = new StringBuilder("\nCollective Pulse as a ratio of the baselines (lower is better for latency, "
                + "higher for throughput):\n\n| Load |");
        for (String b : bases) {
            String name = b.equals(JAVALIN) ? "Javalin" : label(path, b);
            out.append(" p50 × %1$s | p99 × %1$s |".formatted(name))
                    .append(b.equals(JAVALIN) ? "" : " throughput × %s |".formatted(name));
        }
        out.append("\n|---|").append("---:|".repeat(bases.size() * 3 - 1)).append('\n');
        for (Row row : rows) {
            if (row.path().equals(path) && row.target().equals(SERVICE)) {
                var ours = row.result();
                out.append("| ").append(row.phase()).append(" |");
                for (String b : bases) {
                    var base = find(path, b, row.phase()).map(Row::result);
                    out.append(" %s | %s |".formatted(ratio(ours.millis(50), base.map(r -> r.millis(50))),
                            ratio(ours.millis(99), base.map(r -> r.millis(99)))));
                    if (!b.equals(JAVALIN)) {
                        out.append(" %s |".formatted(ratio(ours.throughput(),
                                base.map(LoadGenerator.Result::throughput))));
                    }
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private String targets(String path) {
        var at200 = find(path, SERVICE, "200/s").map(Row::result);
        var ours = find(path, SERVICE, SATURATION).map(Row::result);
        var base = find(path, SDK, SATURATION).map(Row::result);
        var out = new StringBuilder();
        at200.ifPresent(r -> out.append("- Target p99 < 50 ms at 200 req/s: **%.2f ms, %s**.%n"
                .formatted(r.millis(99), r.millis(99) < 50 && r.errors() == 0 ? "met" : "missed")));
        if (ours.isPresent() && base.isPresent()) {
            double ratio = ours.get().throughput() / base.get().throughput();
            out.append("- Target saturation throughput ≥ 0.75 × %s: **%.2f ×, %s** (%.0f vs %.0f req/s).%n".formatted(
                    label(path, SDK), ratio, ratio >= 0.75 ? "met" : "missed", ours.get().throughput(),
                    base.get().throughput()));
        }
        var peerAt200 = find(path, PEER, "200/s").map(Row::result);
        var peer = find(path, PEER, SATURATION).map(Row::result);
        if (at200.isPresent() && peerAt200.isPresent()) {
            boolean met = at200.get().millis(99) < peerAt200.get().millis(99) && at200.get().errors() == 0;
            out.append("- Target p99 at 200 req/s below the %s's (issue 10): **%.2f vs %.2f ms, %s**.%n".formatted(
                    label(path, PEER), at200.get().millis(99), peerAt200.get().millis(99), met ? "met" : "missed"));
        }
        if (ours.isPresent() && peer.isPresent()) {
            double ratio = ours.get().throughput() / peer.get().throughput();
            out.append("- Target saturation throughput above the %s's (issue 10): **%.2f ×, %s** (%.0f vs %.0f req/s).%n"
                    .formatted(label(path, PEER), ratio, ratio > 1 ? "met" : "missed", ours.get().throughput(),
                            peer.get().throughput()));
        }
        return out.toString();
    }

    private String scheduler() {
        if (quartz == null) {
            return "";
        }
        var q = quartz;
        return """
                ### Scheduler: Quartz JDBC store (clustered JobStoreTX, 4 threads, the service's settings)

                | Figure | With %,d weekly triggers stored | Baseline in the same run |
                |---|---|---|
                | Store them (cron, Europe/Paris, one per community) | %.1f s in batches of 1,000 per transaction (%.0f µs a trigger) | one per transaction: %.2f ms a trigger, %.0f s for all |
                | Service start (JVM start to listening) | %.2f s | %.2f s on the same database before (× %.2f) |
                | Firing lag of %,d triggers due at the same instant | %s | empty store: %s |
                | Quartz's acquisition query (due time bound as NUMERIC, as Quartz binds it) | %.1f ms, `%s` | bound as BIGINT: %.1f ms, `%s` |

                """.formatted(q.triggers(), q.batched().toMillis() / 1000.0, q.batchedMicrosPerTrigger(),
                q.oneByOneMillisPerTrigger(), q.oneByOneMillisPerTrigger() * q.triggers() / 1000,
                q.startAfter().toMillis() / 1000.0, q.startBefore().toMillis() / 1000.0,
                (double) q.startAfter().toMillis() / q.startBefore().toMillis(),
                q.fullStore().expected(), q.fullStore().format(), q.emptyStore().format(),
                q.numeric().millis(), q.numeric().plan(), q.bigint().millis(), q.bigint().plan());
    }

    private String memoryTable() {
        var out = new StringBuilder("""
                ### Memory and start time (each target in its own JVM, sized as in the Kubernetes deployment)

                Each cell: heap used / committed, **RSS** in MB; threads alive (started since the JVM's start).

                | Target | Start s | Idle | Slack at 200/s | Teams at 200/s |
                |---|---:|---:|---:|---:|
                """);
        memory.forEach((target, moments) -> {
            out.append("| %s | %.2f |".formatted(target.equals(SDK) ? "Minimal Bolt app + Bot Framework bot"
                    : label("Slack", target), starts.getOrDefault(target, Duration.ZERO).toMillis() / 1000.0));
            for (String moment : List.of("idle", "Slack 200/s", "Teams 200/s")) {
                var m = moments.get(moment);
                out.append(m == null ? " |" : " %.0f / %.0f, **%.0f**; %d (%,d) |".formatted(m.heapUsedMb(),
                        m.heapCommittedMb(), m.rssMb(), m.threads(), m.threadsStarted()));
            }
            out.append('\n');
        });
        double ours = memory.getOrDefault(SERVICE, Map.of()).values().stream()
                .mapToDouble(TargetProcess.Memory::rssMb).max().orElse(Double.NaN);
        out.append("\n- Target RSS < 400 MB: **%.0f MB at most, %s**.%n%n".formatted(ours, ours < 400 ? "met" : "missed"));
        return out.toString();
    }

    private Optional<Row> find(String path, String target, String phase) {
        return rows.stream().filter(r -> r.path().equals(path) && r.target().equals(target) && r.phase().equals(phase))
                .findFirst();
    }

    private static String ratio(double ours, Optional<Double> base) {
        return base.filter(b -> b > 0 && !b.isNaN()).map(b -> "%.2f".formatted(ours / b)).orElse("—");
    }
}
