package io.collectivepulse.chat;

import java.util.Map;

/**
 * A member pressed a {@link Button} on a card the service posted, or submitted a {@link Form}.
 *
 * @param actor   who pressed it
 * @param channel where the card is
 * @param action  the button's (or form's) action id
 * @param value   the button's (or form's) value
 * @param fields  what was typed in the form's fields, by field id; empty for a button
 * @param pressId the platform's id of this one press (Slack's action time stamp, the Teams activity id), the same
 *                when the platform delivers it again; "" when the platform gave none
 */
public record ButtonPress(Actor actor, ChannelRef channel, String action, String value, Map<String, String> fields,
                          String pressId) {
    public ButtonPress {
        fields = Map.copyOf(Typed.clean(fields));
        value = Typed.clean(value);
        pressId = pressId == null ? "" : pressId;
    }

    public ButtonPress(Actor actor, ChannelRef channel, String action, String value, Map<String, String> fields) {
        this(actor, channel, action, value, fields, "");
    }

    public ButtonPress(Actor actor, ChannelRef channel, String action, String value) {
        this(actor, channel, action, value, Map.of(), "");
    }

    /** The value typed in a field, or "" when it was left empty. */
    public String field(String id) {
        return fields.getOrDefault(id, "");
    }
}
