package io.collectivepulse.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How long and how hard the benchmark runs; every value can be changed with a system property
 * ({@code -Dbench.phaseSeconds=15} …) for a longer, steadier run than the default, which fits in ten minutes on
 * two cores.
 */
record Settings(List<Integer> rates, Duration phase, Duration warmUp, long warmUpRequests, Duration profile,
                int concurrency,
                int triggers, int simultaneous, List<String> targets, List<String> parts,
                List<String> targetOptions, int cardRate, Duration cardPhase, int digestChannels,
                int reminderCommunities, int attendees, int reminderTenants, int voteRate, Duration votePhase,
                int pollCommunities) {

    static Settings fromSystemProperties() {
        return new Settings(
                Arrays.stream(System.getProperty("bench.rates", "50,200,500").split(","))
                        .map(String::trim).map(Integer::valueOf).toList(),
                Duration.ofSeconds(Long.getLong("bench.phaseSeconds", 5)),
                Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 60)),
                Long.getLong("bench.warmUpRequests", 20_000),
                Duration.ofSeconds(Long.getLong("bench.profileSeconds", 5)),
                Integer.getInteger("bench.concurrency", 32),
                Integer.getInteger("bench.triggers", 100_000),
                Integer.getInteger("bench.simultaneous", 1_000),
                list("bench.targets", "javalin,sdk,peer,service"),
                list("bench.parts", "ack,cards,delivery,reminders,polls,quartz,digests"),
                Arrays.stream(System.getProperty("bench.targetOptions", "").split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList(),
                Integer.getInteger("bench.cardRate", 200),
                Duration.ofSeconds(Long.getLong("bench.cardSeconds", 10)),
                Integer.getInteger("bench.digestChannels", 1_000),
                Integer.getInteger("bench.reminderCommunities", 1_000),
                Integer.getInteger("bench.attendees", 30),
                Integer.getInteger("bench.reminderTenants", 10),
                Integer.getInteger("bench.voteRate", 1_000),
                Duration.ofSeconds(Long.getLong("bench.voteSeconds", 10)),
                Integer.getInteger("bench.pollCommunities", 1_000));
    }

    /**
     * How long the fake platforms take to answer in the delivery parts, as the real ones do over the internet
     * ({@code -Dbench.platformLatencyMs=100}); none by default.
     */
    static Duration platformLatency() {
        return Duration.ofMillis(Long.getLong("bench.platformLatencyMs", 0));
    }

    /** A comma- or space-separated system property: {@code -Dbench.targets=service -Dbench.parts=ack}. */
    private static List<String> list(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    boolean runs(String part) {
        return parts.contains(part);
    }

    String describe() {
        return ("fixed rates %s req/s for %d s each, then saturation for %d s with %d requests in flight, after a "
                + "warm-up with 8 in flight of at least %,d requests and until the target's JIT settles (at most %d s)")
                .formatted(rates, phase.toSeconds(), phase.toSeconds(), concurrency, warmUpRequests, warmUp.toSeconds());
    }
}
