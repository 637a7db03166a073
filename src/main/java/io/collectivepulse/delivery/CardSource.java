package io.collectivepulse.delivery;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How a feature draws what one of its outbox rows shows, from the state at the moment it is sent. */
@FunctionalInterface
public interface CardSource {
    /**
     * The card for {@code subjectId} in {@code channel}.
     *
     * @param asOf   the moment the row was written for (a digest's week ends then)
     * @param posted true when the card is already in the channel and is being redrawn
     * @return the card, or empty when there is nothing to show any more (a signal deleted before its card went
     *         out is not posted)
     */
    Optional<Card> draw(long subjectId, ChannelRef channel, Instant asOf, boolean posted);

    /**
     * Thrown by {@link #draw} when the card cannot be drawn yet (it sums up messages still being sent): the row
     * is due again after {@code after} at least.
     */
    final class NotYet extends RuntimeException {
        private final Duration after;

        public NotYet(String reason, Duration after) {
            super(reason, null, false, false);
            this.after = after;
        }

        public Duration after() {
            return after;
        }
    }
}
