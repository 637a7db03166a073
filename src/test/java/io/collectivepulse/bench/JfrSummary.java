package io.collectivepulse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time of a profiled phase went, from the JFR execution samples of the target JVM: each sample
 * is charged to the library on top of its stack (JDK frames count for the library that called them, except
 * cryptography), and every Collective Pulse method on the stack is counted inclusively.
 */
final class JfrSummary {
    /** Libraries, by class name prefix, in the order they are tried. */
    private static final Map<String, List<String>> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("HMAC / cryptography (JDK)", List.of("javax.crypto.", "com.sun.crypto.", "sun.security."));
        LIBRARIES.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
        LIBRARIES.put("HikariCP", List.of("com.zaxxer."));
        LIBRARIES.put("JDBI", List.of("org.jdbi."));
        LIBRARIES.put("Jackson (JSON)", List.of("com.fasterxml."));
        LIBRARIES.put("Slack SDK / Bolt", List.of("com.slack."));
        LIBRARIES.put("Bot Framework SDK", List.of("com.microsoft."));
        LIBRARIES.put("OkHttp / Retrofit / Okio (Bot Framework's HTTP client)", List.of("okhttp3.", "retrofit2.", "okio."));
        LIBRARIES.put("Gson (Slack SDK)", List.of("com.google.gson."));
        LIBRARIES.put("Jetty / Javalin", List.of("org.eclipse.jetty.", "io.javalin.", "jakarta.servlet."));
        LIBRARIES.put("Quartz", List.of("org.quartz."));
        LIBRARIES.put("Logging", List.of("ch.qos.", "org.slf4j."));
        LIBRARIES.put("Kotlin stdlib", List.of("kotlin."));
        LIBRARIES.put("Collective Pulse", List.of("io.collectivepulse."));
    }

    private JfrSummary() {
    }

    /** A Markdown fragment: samples per library, hottest methods, our methods, GC and allocation. */
    static String markdown(Path file, double seconds) {
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> leaves = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        double gcMillis = 0;
        double allocatedMb = 0;
        try (var recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                            continue;
                        }
                        List<RecordedFrame> frames = event.getStackTrace().getFrames();
                        samples++;
                        libraries.merge(library(frames), 1, Integer::sum);
                        leaves.merge(method(frames.get(0)), 1, Integer::sum);
                        Set<String> seen = new LinkedHashSet<>();
                        frames.stream().map(JfrSummary::method).filter(m -> m.startsWith("io.collectivepulse."))
                                .forEach(seen::add);
                        seen.forEach(m -> ours.merge(m, 1, Integer::sum));
                    }
                    case "jdk.GarbageCollection" -> gcMillis += event.getDuration().toNanos() / 1e6;
                    case "jdk.ObjectAllocationSample" -> allocatedMb += event.getLong("weight") / 1048576.0;
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var out = new StringBuilder();
        out.append("%d execution samples; GC pauses %.0f ms in total; about %.0f MB/s allocated.%n%n"
                .formatted(samples, gcMillis, allocatedMb / seconds));
        out.append(table("Library on top of the stack (self time)", libraries, samples, 12));
        out.append(table("Hottest methods (self time)", leaves, samples, 10));
        out.append(table("Collective Pulse methods on the stack (inclusive)", ours, samples, 10));
        return out.toString();
    }

    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (var entry : LIBRARIES.entrySet()) {
                if (entry.getValue().stream().anyMatch(type::startsWith)) {
                    return entry.getKey();
                }
            }
        }
        return "JDK only (thread pools, NIO, collections)";
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String table(String title, Map<String, Integer> counts, int total, int limit) {
        var out = new StringBuilder("| " + title + " | samples | share |\n|---|---:|---:|\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> out.append("| `%s` | %d | %.1f%% |%n".formatted(e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, total))));
        return out.append('\n').toString();
    }
}
