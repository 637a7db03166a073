package io.collectivepulse.delivery;

import io.collectivepulse.chat.ChannelRef;
import java.time.Instant;
import java.util.List;

/**
 * What the outbox did for one channel, for {@code /pulse etat}.
 *
 * @param lastSent when the last message reached the channel, or null
 * @param waiting  how many messages wait to be sent (due or retrying)
 * @param failures the permanent failures, by reason, most recent first
 */
public record ChannelStatus(ChannelRef channel, Instant lastSent, int waiting, List<Failure> failures) {
    public ChannelStatus {
        failures = List.copyOf(failures);
    }

    /**
     * A reason the platform gave for refusing messages for good ({@code not_in_channel}, {@code 403 …}), how
     * often, when last, and what a facilitator can do.
     */
    public record Failure(String reason, Outcome.Advice advice, int count, Instant last) {
        /** An outcome as the dispatcher stores it: {@code ADVICE reason}. */
        static Failure parse(String outcome, int count, Instant last) {
            int space = outcome.indexOf(' ');
            try {
                return new Failure(outcome.substring(space + 1), Outcome.Advice.valueOf(outcome.substring(0, space)),
                        count, last);
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                return new Failure(outcome, Outcome.Advice.OTHER, count, last);
            }
        }
    }
}
