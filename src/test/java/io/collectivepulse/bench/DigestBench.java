package io.collectivepulse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.util.json.GsonFactory;
import io.collectivepulse.Config;
import io.collectivepulse.TestDatabase;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.digest.Digest;
import io.collectivepulse.digest.DigestAccess;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.schedule.PulseScheduler;
import io.collectivepulse.signal.SignalService;
import io.collectivepulse.slack.BlockKitRendererAccess;
import io.collectivepulse.teams.AdaptiveCardRendererAccess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Digest benchmarks. (1) Issue 3's figure: build and render a digest of 5,000 signals over 40 themes, for Slack
 * (Block Kit, serialised as the SDK sends it) and for Teams (Adaptive Card JSON), in memory. (2) Issue 4's growth
 * figure: the whole {@link DigestService#build} — PostgreSQL query included — for communities of 1,000 signals
 * each, with 1, 100 and 1,000 such communities in the database. Run alone with
 * {@code java -cp <test classpath> io.collectivepulse.bench.DigestBench}.
 */
public final class DigestBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Gson GSON = GsonFactory.createSnakeCase();

    /** One measured operation: its name and its latency distribution in nanoseconds. */
    public record Figure(String name, Histogram histogram) {
        public String row() {
            return String.format("| %s | %d | %.2f | %.2f | %.2f |", name, histogram.getTotalCount(),
                    histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6,
                    histogram.getMaxValue() / 1e6);
        }
    }

    public static void main(String[] args) throws Exception {
        List<Figure> figures = new ArrayList<>(inMemory());
        figures.addAll(withDatabase(List.of(1, 100, 1000), 1000));
        System.out.println(table(figures));
        System.exit(0);
    }

    public static String table(List<Figure> figures) {
        var out = new StringBuilder("| Digest operation | runs | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        figures.forEach(f -> out.append(f.row()).append('\n'));
        return out.toString();
    }

    /** 5,000 signals over 40 themes: build, then render for each platform. */
    public static List<Figure> inMemory() throws Exception {
        var data = io.collectivepulse.support.DigestData.week(5000, 40);
        Messages messages = Messages.of(java.util.Locale.FRENCH);
        var slack = new BlockKitRendererAccess();
        Supplier<Digest> build = () -> DigestAccess.build(data.community(), data.from(),
                data.to(), data.signals());
        Digest digest = build.get();
        Runnable slackRun = () -> {
            Card card = DigestAccess.card(messages, build.get(), "/");
            slack.messages(card).forEach(blocks -> sink(blocks.length()));
        };
        Runnable teamsRun = () -> {
            Card card = DigestAccess.card(messages, build.get(), "");
            try {
                sink(JSON.writeValueAsString(AdaptiveCardRendererAccess.render(card)).length());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        sink(digest.signalCount());
        return List.of(
                measure("5,000 signals / 40 themes: build only", () -> sink(build.get().signalCount()), 2000),
                measure("5,000 signals / 40 themes: build + render Slack (Block Kit JSON)", slackRun, 2000),
                measure("5,000 signals / 40 themes: build + render Teams (Adaptive Card JSON)", teamsRun, 2000));
    }

    /** The full build, query included, for one community of {@code perCommunity} signals among {@code counts}. */
    public static List<Figure> withDatabase(List<Integer> counts, int perCommunity) {
        List<Figure> figures = new ArrayList<>();
        String url = TestDatabase.newDatabase();
        Config config = Config.fromEnv(Map.of("DATABASE_URL", url, "DATABASE_USER", "postgres"));
        try (Database database = Database.open(config)) {
            var jdbi = database.jdbi();
            var communities = new CommunityService(database, Clock.systemUTC(),
                    java.util.Locale.FRENCH, java.time.ZoneId.of("Europe/Paris"));
            // Not started: nothing is sent, the digests are only built.
            var outbox = new Outbox(database, Clock.systemUTC());
            var signals = new SignalService(database, communities, outbox, Clock.systemUTC());
            // Not started: the digest registers its job with it, nothing fires.
            var scheduler = new PulseScheduler(database.backgroundDataSource());
            var service = new DigestService(database, communities, signals, outbox, scheduler, Clock.systemUTC());
            int existing = 0;
            for (int count : counts) {
                io.collectivepulse.support.DigestData.insert(jdbi, existing, count - existing, perCommunity);
                existing = count;
                List<Community> all = communities.all();
                int runs = Math.max(200, Math.min(1000, count));
                figures.add(measure(String.format("%,d communities × %,d signals: build one (query + group)", count,
                        perCommunity), new Runnable() {
                    private int next;

                    @Override
                    public void run() {
                        sink(service.build(all.get(next++ % all.size())).signalCount());
                    }
                }, runs));
            }
        }
        return figures;
    }

    private static Figure measure(String name, Runnable run, int runs) {
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            run.run();
        }
        var histogram = new Histogram(3_600_000_000_000L, 3);
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            histogram.recordValue(System.nanoTime() - start);
        }
        System.out.println(new Figure(name, histogram).row());
        return new Figure(name, histogram);
    }

    private static volatile long sink;

    private static void sink(long value) {
        sink += value;
    }
}
