package io.collectivepulse.chat;

/**
 * A button under a card item: either an action the service handles ({@code action} + {@code value}) or a
 * link that opens in the browser ({@code url}).
 *
 * @param label  what the button says (plain text)
 * @param action the action id the service routes on, or null for a link
 * @param value  what the action applies to, such as a signal id, or null
 * @param url    an http(s) address to open, or null for an action
 * @param personal true when a press may be answered with the presser's own view of the card ({@link Reply#view})
 */
public record Button(String label, String action, String value, String url, boolean personal) {
    public static Button action(String label, String action, String value) {
        return new Button(label, action, value, null, false);
    }

    /**
     * An action whose press may be answered with {@link Reply#view}: the card as the presser alone sees it, such
     * as a poll with their own vote marked.
     */
    public static Button personal(String label, String action, String value) {
        return new Button(label, action, value, null, true);
    }

    public static Button link(String label, String url) {
        return new Button(label, null, null, url, false);
    }

    public boolean isLink() {
        return url != null;
    }
}
