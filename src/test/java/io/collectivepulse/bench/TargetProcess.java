package io.collectivepulse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BenchTarget} JVM started by the benchmark, its output relayed, its commands answered. Every target
 * gets the JVM options that the Kubernetes deployment and the Dockerfile give the service (768 MiB memory limit,
 * {@code -XX:MaxRAMPercentage=60}, C1 only with {@code -XX:TieredStopAtLevel=1}): a heap of 12 MB growing to
 * 460 MB and, under 1,792 MB of memory, the Serial collector, which the JVM only picks by itself inside the
 * container.
 */
final class TargetProcess implements AutoCloseable {
    static final List<String> JVM_OPTIONS = List.of("-XX:MaxRAM=768m", "-XX:MaxRAMPercentage=60",
            "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
            "-XX:FlightRecorderOptions:stackdepth=256");

    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final int port;
    private final Duration startTime;

    /** Heap used and committed, resident set size, in MiB; threads alive and started since the JVM's start. */
    record Memory(double heapUsedMb, double heapCommittedMb, double rssMb, int threads, long threadsStarted) {
    }

    private TargetProcess(String name, String kind, Map<String, String> env, List<String> options) {
        this.name = name;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchTarget.class.getName(), kind));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        long started = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::relay, name + "-output");
        reader.setDaemon(true);
        reader.start();
        String ready = answer(BenchTarget.READY, Duration.ofSeconds(120));
        startTime = Duration.ofNanos(System.nanoTime() - started);
        port = Integer.parseInt(ready.substring(BenchTarget.READY.length()).trim());
    }

    /** Starts a target ({@code service}, {@code javalin}, {@code sdk} or {@code peer}) and waits until it listens. */
    static TargetProcess start(String name, String kind, Map<String, String> env, List<String> options) {
        return new TargetProcess(name, kind, env, options);
    }

    String name() {
        return name;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    long pid() {
        return process.pid();
    }

    /** From process start to listening, JVM start included. */
    Duration startTime() {
        return startTime;
    }

    Memory memory() {
        commands.println("mem");
        String[] parts = answer(BenchTarget.MEMORY, Duration.ofSeconds(10)).substring(BenchTarget.MEMORY.length())
                .trim().split(" ");
        return new Memory(Long.parseLong(parts[0]) / 1048576.0, Long.parseLong(parts[1]) / 1048576.0,
                Long.parseLong(parts[2]) / 1024.0, Integer.parseInt(parts[3]), Long.parseLong(parts[4]));
    }

    /** Milliseconds the target's JIT compilers have spent so far. */
    long compilationMillis() {
        commands.println("jit");
        return Long.parseLong(answer(BenchTarget.JIT, Duration.ofSeconds(10)).substring(BenchTarget.JIT.length())
                .trim());
    }

    void startRecording() {
        commands.println("jfr-start");
        answer(BenchTarget.DONE, Duration.ofSeconds(30));
    }

    void stopRecording(Path file) {
        commands.println("jfr-stop " + file.toAbsolutePath());
        answer(BenchTarget.DONE, Duration.ofSeconds(60));
    }

    private void relay() {
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("bench:")) {
                    answers.add(line);
                } else {
                    System.out.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    private String answer(String prefix, Duration timeout) {
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                String line = answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IllegalStateException(name + " did not answer " + prefix.trim() + " within " + timeout
                            + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")"));
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        commands.println("quit");
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
