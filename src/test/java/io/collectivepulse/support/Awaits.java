package io.collectivepulse.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waiting for what the service does after it has answered (its cards are posted after the ack): on a condition,
 * with a deadline, through Awaitility — never for a fixed time.
 */
public final class Awaits {
    private static final Duration POLL = Duration.ofMillis(20);

    private Awaits() {
    }

    /** The first value {@code probe} finds within {@code timeout}; fails with {@code explanation} otherwise. */
    public static <T> T until(Supplier<Optional<T>> probe, Duration timeout, Supplier<String> explanation) {
        var found = new AtomicReference<T>();
        try {
            await().atMost(timeout).pollInterval(POLL).pollDelay(Duration.ZERO)
                    .until(() -> probe.get().map(value -> {
                        found.set(value);
                        return true;
                    }).orElse(false));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(explanation.get() + " (waited " + timeout + ")", e);
        }
        return found.get();
    }

    /** The platform message id of a signal's card, once the service has posted it (10 s at most). */
    public static String messageId(RunningService service, long signalId) {
        return until(() -> service.jdbi().withHandle(h -> h.createQuery(
                                "SELECT message_id FROM sent_message WHERE kind IN ('signal', 'resource')"
                                        + " AND subject_id = :id ORDER BY outbox_id DESC LIMIT 1")
                        .bind("id", signalId).mapTo(String.class).findOne()), Duration.ofSeconds(10),
                () -> "The card of signal " + signalId + " was not posted");
    }
}
