package io.collectivepulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent during a phase by the load generator (this JVM, with the fake Slack API and Bot Connector),
 * the target JVM, PostgreSQL (the postmaster and its children) and everything else on the machine, read from
 * {@code /proc} in clock ticks of 10 ms. Shares are in percent of one core: 200% is both cores of the bench
 * machine.
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100.0;

    private final long postmaster;

    /** CPU shares of one phase, in percent of one core. */
    record Usage(double generator, double target, double postgres, double other) {
        String format() {
            return "%.0f / %.0f / %.0f / %.0f".formatted(generator, target, postgres, other);
        }
    }

    /** Where a phase started. */
    record Mark(long nanos, long generator, Map<Long, Long> target, Map<Long, Long> postgres, long machine) {
    }

    CpuMeter(long postmaster) {
        this.postmaster = postmaster;
    }

    Mark mark(long targetPid) {
        return new Mark(System.nanoTime(), ticks(ProcessHandle.current().pid()), tree(targetPid, false),
                tree(postmaster, true), machineBusy());
    }

    Usage since(Mark start, long targetPid) {
        Mark end = mark(targetPid);
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        double generator = (end.generator() - start.generator()) / TICKS_PER_SECOND / seconds * 100;
        double target = delta(start.target(), end.target()) / TICKS_PER_SECOND / seconds * 100;
        double postgres = delta(start.postgres(), end.postgres()) / TICKS_PER_SECOND / seconds * 100;
        double machine = (end.machine() - start.machine()) / TICKS_PER_SECOND / seconds * 100;
        return new Usage(generator, target, postgres, Math.max(0, machine - generator - target - postgres));
    }

    private static long delta(Map<Long, Long> start, Map<Long, Long> end) {
        long sum = 0;
        for (var e : end.entrySet()) {
            sum += e.getValue() - start.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    private static Map<Long, Long> tree(long pid, boolean withChildren) {
        Map<Long, Long> ticks = new HashMap<>();
        if (pid <= 0) {
            return ticks;
        }
        ticks.put(pid, ticks(pid));
        if (withChildren) {
            ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                    .forEach(child -> ticks.put(child.pid(), ticks(child.pid())));
        }
        return ticks;
    }

    /** utime + stime of a process, 0 once it has gone. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy ticks of all CPUs: user, nice, system, irq, softirq (not idle, iowait, steal). */
    private static long machineBusy() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] f = lines.findFirst().orElseThrow().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 8); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException e) {
            return 0;
        }
    }
}
