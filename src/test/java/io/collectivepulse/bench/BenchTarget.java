package io.collectivepulse.bench;

import io.collectivepulse.Application;
import io.collectivepulse.Config;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The server under load, in a JVM of its own so that its memory and CPU can be read apart from the load
 * generator's: {@code service} (Collective Pulse itself, configured from the environment like {@code Main}),
 * {@code javalin} (a bare endpoint returning a constant), {@code sdk} (the minimal Bolt app and Bot Framework
 * bot) or {@code peer} (the Bolt app of {@link PeerBoltApp}, Slack only). It prints {@code bench:ready <port>},
 * then answers commands read on standard input: {@code mem}, {@code jit} (milliseconds spent compiling so far),
 * {@code jfr-start}, {@code jfr-stop <file>}, {@code quit}.
 */
public final class BenchTarget {
    static final String READY = "bench:ready ";
    static final String MEMORY = "bench:mem ";
    static final String DONE = "bench:done";
    static final String JIT = "bench:jit ";

    private BenchTarget() {
    }

    public static void main(String[] args) throws Exception {
        AutoCloseable server = start(args[0]);
        System.out.println(READY + port(server));
        System.out.flush();
        Recording recording = null;
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            if (line.equals("mem")) {
                System.out.println(MEMORY + memory());
            } else if (line.equals("jit")) {
                System.out.println(JIT + ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
            } else if (line.equals("jfr-start")) {
                recording = startRecording();
                System.out.println(DONE);
            } else if (line.startsWith("jfr-stop ") && recording != null) {
                recording.dump(Path.of(line.substring("jfr-stop ".length())));
                recording.close();
                recording = null;
                System.out.println(DONE);
            }
            System.out.flush();
        }
        server.close();
        System.exit(0);
    }

    private static AutoCloseable start(String kind) {
        return switch (kind) {
            case "service" -> Application.start(Config.fromEnv(System.getenv()), Clock.systemUTC());
            case "javalin" -> javalin(false);
            case "sdk" -> javalin(true);
            case "peer" -> peer();
            default -> throw new IllegalArgumentException("Unknown target " + kind);
        };
    }

    private static int port(AutoCloseable server) {
        return server instanceof Application app ? app.port() : ((JavalinServer) server).javalin().port();
    }

    /** The baselines, on the same routes as the service. */
    private static JavalinServer javalin(boolean sdk) {
        var env = System.getenv();
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            if (sdk) {
                config.routes.post("/slack/events", MinimalBolt.handler(env.get("SLACK_SIGNING_SECRET"),
                        env.get("SLACK_BOT_TOKEN"), env.get("SLACK_API_URL")));
                config.routes.post("/api/messages", new MinimalBotFramework());
            } else {
                config.routes.post("/slack/events", ctx -> ctx.result("ok"));
                config.routes.post("/api/messages", ctx -> ctx.result("ok"));
            }
        }).start("127.0.0.1", 0);
        return new JavalinServer(javalin, () -> { });
    }

    /** The peer Bolt app, on the Slack route only. */
    private static JavalinServer peer() {
        var peer = new PeerBoltApp(System.getenv());
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.post("/slack/events", peer.handler());
        }).start("127.0.0.1", 0);
        return new JavalinServer(javalin, peer);
    }

    private record JavalinServer(Javalin javalin, AutoCloseable app) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            javalin.stop();
            app.close();
        }
    }

    /** Heap used and committed (bytes), resident set size (kB) from /proc/self/status, live and started threads. */
    private static String memory() throws IOException {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1);
        var threads = ManagementFactory.getThreadMXBean();
        return heap.getUsed() + " " + heap.getCommitted() + " " + rssKb + " " + threads.getThreadCount() + " "
                + threads.getTotalStartedThreadCount();
    }

    private static Recording startRecording() throws IOException, ParseException {
        var recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }
}
