package io.collectivepulse.chat;

/**
 * A member pressed a {@link Button} on a card the service posted.
 *
 * @param actor   who pressed it
 * @param channel where the card is
 * @param action  the button's action id
 * @param value   the button's value
 */
public record ButtonPress(Actor actor, ChannelRef channel, String action, String value) {
}
