package io.collectivepulse.chat;

import java.util.Optional;

/**
 * Posts cards to a channel outside the request that asked for them, and updates cards already posted:
 * signal cards whose counts change, digests. One implementation per platform; {@link Messengers} picks it.
 */
public interface Messenger {
    /**
     * Posts the card in the channel. A card too big for one message may go out as several; the id returned is
     * the first message's.
     *
     * @return the platform's id of the message, or empty when the platform refused it (the reason is logged)
     */
    Optional<String> post(ChannelRef channel, Card card);

    /** Replaces a message the service posted earlier; false when the platform refused (logged). */
    boolean update(ChannelRef channel, String messageId, Card card);

    /**
     * Tells one member something about their own action, after the fact: only to them where the platform can
     * (Slack), in the conversation otherwise (Teams).
     */
    void notify(ChannelRef channel, String userId, Card card);
}
