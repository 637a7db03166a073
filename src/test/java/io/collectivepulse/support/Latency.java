package io.collectivepulse.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** The time a fake platform's answer takes on the way back, played by its HTTP thread (a benchmark's setting). */
final class Latency {
    private Latency() {
    }

    static void pause(Duration latency) {
        if (!latency.isZero()) {
            LockSupport.parkNanos(latency.toNanos());
        }
    }
}
