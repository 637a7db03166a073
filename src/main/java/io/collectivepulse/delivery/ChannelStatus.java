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

    /** A reason the platform gave for refusing messages for good ({@code not_in_channel}, {@code 403}…). */
    public record Failure(String reason, int count, Instant last) {
    }
}
