package io.collectivepulse.poll;

import java.time.Instant;

/**
 * A poll of a community, as launched: its n°, question and rules.
 *
 * @param number    the n° members type, per community
 * @param endsAt    when it closes by itself, or null
 * @param closedAt  when it closed, or null while it is open
 */
public record Poll(long id, long communityId, int number, String question, boolean anonymous, boolean multiple,
                   Instant endsAt, Instant closedAt) {
    public boolean closed() {
        return closedAt != null;
    }
}
