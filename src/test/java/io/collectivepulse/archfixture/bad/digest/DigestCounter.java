package io.collectivepulse.archfixture.bad.digest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** A feature that publishes its own meter instead of keeping a count the metrics adapter reads. */
final class DigestCounter {
    private final Counter sent;

    DigestCounter(MeterRegistry registry) {
        this.sent = Counter.builder("digests.sent").register(registry);
    }

    void sent() {
        sent.increment();
    }
}
