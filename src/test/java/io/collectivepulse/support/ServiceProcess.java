package io.collectivepulse.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as an operator runs it: {@code io.collectivepulse.Main} in a JVM of its own, configured by its
 * environment only, so that a test can stop it with SIGTERM, kill it or its PostgreSQL with SIGKILL, and start it
 * again. Its output is kept for the test to read, and relayed with the process's name.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private static final Duration START = Duration.ofSeconds(120);
    /** The variables the service reads; the test's own environment must not leak into the service's. */
    private static final List<String> SERVICE_VARIABLES = List.of("PORT", "BASE_URL", "DATABASE_URL",
            "DATABASE_USER", "DATABASE_PASSWORD", "PULSE_DATA_DIR", "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN",
            "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_API_URL", "MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD",
            "MICROSOFT_APP_TENANT_ID", "BOTFRAMEWORK_OPENID_METADATA_URL", "MICROSOFT_LOGIN_URL", "DEFAULT_LOCALE",
            "DEFAULT_TIME_ZONE", "METRICS_TOKEN", "LOG_FORMAT", "PULSE_ENCRYPTION_KEY");

    private final String name;
    private final Process process;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private final int port;

    private ServiceProcess(Map<String, String> env, List<String> jvmOptions) {
        name = "service-" + COUNTER.incrementAndGet();
        process = launch(env, jvmOptions);
        reader = new Thread(this::relay, name + "-output");
        reader.setDaemon(true);
        reader.start();
        port = waitUntilListening();
    }

    private static Process launch(Map<String, String> env, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.collectivepulse.Main"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        SERVICE_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JVM option that makes the service log as deployed, with {@code src/main/resources/logback.xml}: the test
     * class path also holds {@code logback-test.xml}, which logback would pick first.
     */
    public static List<String> deployedLogging() {
        try {
            var config = ServiceProcess.class.getClassLoader().getResource("logback.xml");
            if (config == null) {
                throw new IllegalStateException("logback.xml is not on the class path");
            }
            return List.of("-Dlogback.configurationFile=" + Path.of(config.toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a service that ran to its end wrote (stdout and stderr), and its exit status. */
    public record Exited(int status, List<String> output) {
    }

    /**
     * Runs the service with {@code env} until it exits by itself (a start that fails), for at most {@code timeout};
     * fails if it is still running then.
     */
    public static Exited runUntilExit(Map<String, String> env, List<String> jvmOptions, Duration timeout) {
        Process process = launch(env, jvmOptions);
        // Read while it runs: a full pipe would block the service before it could exit.
        var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("The service did not exit within " + timeout);
            }
            return new Exited(process.exitValue(), output.get(10, TimeUnit.SECONDS).lines().toList());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not read the service's output", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a service on {@code database} needs to answer one Slack workspace whose Web API is {@code slackApi}. */
    public static Map<String, String> slackEnv(String database, FakeSlackApi slackApi, String signingSecret,
                                               String botToken) {
        return Map.of("DATABASE_URL", database, "DATABASE_USER", "postgres", "SLACK_SIGNING_SECRET", signingSecret,
                "SLACK_BOT_TOKEN", botToken, "SLACK_API_URL", slackApi.url());
    }

    /** Starts the service with {@code env} once and stops it: its database has the schema. */
    public static void migrate(Map<String, String> env) {
        start(env).close();
    }

    /**
     * Starts the service with {@code env} (PORT defaults to 0, a free port) and waits until it listens; fails with
     * its output if it exits first or takes more than two minutes.
     */
    public static ServiceProcess start(Map<String, String> env) {
        return start(env, List.of());
    }

    /** The same, with options for its JVM (such as {@link #deployedLogging()}). */
    public static ServiceProcess start(Map<String, String> env, List<String> jvmOptions) {
        Map<String, String> all = new HashMap<>(Map.of("PORT", "0"));
        all.putAll(env);
        return new ServiceProcess(all, jvmOptions);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    /** The exit status, once the process has exited (143 after SIGTERM, 137 after SIGKILL). */
    public int exitValue() {
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the service has written so far, one entry a line. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** The first line of its output that contains {@code text}. */
    public Optional<String> logLine(String text) {
        return log.stream().filter(line -> line.contains(text)).findFirst();
    }

    /**
     * Sends SIGTERM, as an orchestrator or {@code kill} does, without waiting. Through the process's handle:
     * {@link Process#destroy()} also closes the pipes, and the service's last lines would be lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** Sends SIGKILL and waits until the process is gone. */
    public void kill() {
        process.toHandle().destroyForcibly();
        exited(Duration.ofSeconds(10));
    }

    /** True if the process has exited within {@code timeout}; its output is then read to the end. */
    public boolean exited(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                reader.join(Duration.ofSeconds(5).toMillis());
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Stops it with SIGTERM if it still runs (SIGKILL after 40 s). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        terminate();
        if (!exited(Duration.ofSeconds(40))) {
            kill();
        }
    }

    private int waitUntilListening() {
        try {
            return Awaits.until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue()
                            + " before listening:\n" + String.join("\n", log));
                }
                return log.stream().map(LISTENING::matcher).filter(Matcher::find)
                        .map(m -> Integer.parseInt(m.group(1))).findFirst();
            }, START, () -> name + " did not listen within " + START + ":\n" + String.join("\n", log));
        } catch (AssertionError | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private void relay() {
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                log.add(line);
                System.out.println("[" + name + "] " + line);
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    /**
     * The embedded PostgreSQL's postmaster.pid, which PostgreSQL keeps in {@code <PULSE_DATA_DIR>/postgres}
     * while it runs: pid on the first line, data directory, start time, port on the fourth.
     */
    public static final class Postmaster {
        private final List<String> lines;

        private Postmaster(List<String> lines) {
            this.lines = lines;
        }

        /** Reads the pid file of the server running on {@code dataDir}, if there is one. */
        public static Optional<Postmaster> of(Path dataDir) {
            Path file = dataDir.resolve("postgres").resolve("postmaster.pid");
            try {
                List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
                return lines.size() >= 4 ? Optional.of(new Postmaster(new ArrayList<>(lines))) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        public long pid() {
            return Long.parseLong(lines.get(0).strip());
        }

        public Optional<ProcessHandle> process() {
            return ProcessHandle.of(pid()).filter(ProcessHandle::isAlive);
        }

        /** The text of every signal stored in the service's database on it. */
        public java.util.Set<String> signalBodies() throws java.sql.SQLException {
            java.util.Set<String> bodies = new java.util.HashSet<>();
            try (var connection = java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "");
                 var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT body FROM signal")) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
            return bodies;
        }

        /** The JDBC URL of the service's database on it, for user postgres without a password. */
        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres";
        }
    }
}
