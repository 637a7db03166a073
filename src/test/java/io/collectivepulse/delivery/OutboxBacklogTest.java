package io.collectivepulse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.chat.Platform;
import io.collectivepulse.support.Awaits;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The backlog as the metrics read it: one look at a time, and a caller never waits more than a moment for it. */
class OutboxBacklogTest {
    private static final Map<Platform, OutboxStats.Backlog> SEVEN =
            Map.of(Platform.SLACK, new OutboxStats.Backlog(7, Duration.ofSeconds(3)));

    @Test
    void aValueFoundIsKeptForAFewSeconds() {
        AtomicInteger looks = new AtomicInteger();
        try (var backlog = new OutboxBacklog(() -> {
            looks.incrementAndGet();
            return SEVEN;
        })) {
            assertThat(backlog.current()).contains(SEVEN);
            // Fresh for a few seconds: no second look.
            assertThat(backlog.current()).contains(SEVEN);
            assertThat(looks).hasValue(1);
        }
    }

    @Test
    void whileALookHangsCallersGetTheLastValueWithinOneWait() {
        CountDownLatch released = new CountDownLatch(1);
        try (var backlog = new OutboxBacklog(() -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SEVEN;
        })) {
            long start = System.nanoTime();
            assertThat(backlog.current()).as("nothing found yet").isEmpty();
            assertThat(backlog.current()).isEmpty();
            assertThat(backlog.current()).isEmpty();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("three calls, one wait").isLessThan(OutboxBacklog.WAIT.multipliedBy(2));

            released.countDown();
            assertThat(Awaits.until(backlog::current, Duration.ofSeconds(5), () -> "the look never ended"))
                    .isEqualTo(SEVEN);
        }
    }
}
