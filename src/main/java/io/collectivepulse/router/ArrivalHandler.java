package io.collectivepulse.router;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;

/**
 * What a feature does when someone arrives where the bot is: the bot itself added to a channel (a Slack
 * {@code member_joined_channel} for the bot user; a Teams installation or a {@code membersAdded} naming the bot), a
 * member joining a channel the bot is in, or a member opening the bot's home (Slack's App Home tab). Nobody waits for
 * an answer: what the feature owes goes through the outbox, in the caller's transaction.
 */
@FunctionalInterface
public interface ArrivalHandler {
    void arrived(Arrival arrival);

    /**
     * One arrival.
     *
     * @param kind    who arrived, and where
     * @param channel the channel joined; for {@link Kind#HOME}, the member's private conversation with the bot
     * @param member  the member who joined or opened the home; null when the bot itself was added
     */
    record Arrival(Kind kind, ChannelRef channel, Actor member) {
        public Arrival {
            if ((kind == Kind.BOT_ADDED) != (member == null)) {
                throw new IllegalArgumentException("Only the bot's own arrival has no member: " + kind);
            }
        }
    }

    /** The kinds of arrival the platforms tell us about. */
    enum Kind { BOT_ADDED, MEMBER_JOINED, HOME }
}
