package io.collectivepulse.chat;

/**
 * A button under a card item: either an action the service handles ({@code action} + {@code value}) or a
 * link that opens in the browser ({@code url}).
 *
 * @param label  what the button says (plain text)
 * @param action the action id the service routes on, or null for a link
 * @param value  what the action applies to, such as a signal id, or null
 * @param url    an http(s) address to open, or null for an action
 */
public record Button(String label, String action, String value, String url) {
    public static Button action(String label, String action, String value) {
        return new Button(label, action, value, null);
    }

    public static Button link(String label, String url) {
        return new Button(label, null, null, url);
    }

    public boolean isLink() {
        return url != null;
    }
}
