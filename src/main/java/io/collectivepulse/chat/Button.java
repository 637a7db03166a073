package io.collectivepulse.chat;

import java.util.Objects;

/**
 * A button under a card item: either an action the service handles ({@code action} + {@code value}) or a
 * link that opens in the browser ({@code url}).
 *
 * @param label  what the button says (plain text)
 * @param action the action id the service routes on, or null for a link
 * @param value  what the action applies to, such as a signal id, or null
 * @param url    an http(s) address to open, or null for an action
 * @param personal true when a press may be answered with the presser's own view of the card ({@link Reply#view}),
 *                 or with a refusal only the presser sees (Teams answers the press itself)
 * @param secondary true for an action most members rarely need: shown in the card's overflow menu (Slack) or its
 *                  secondary actions (Teams) rather than as a button
 * @param confirm  what to ask before the action is sent, or null: Slack shows it as a {@code confirm} dialog;
 *                 an Adaptive Card has none, so on Teams the card carrying the button must itself be the question
 */
public record Button(String label, String action, String value, String url, boolean personal, boolean secondary,
                     Confirm confirm) {
    public Button(String label, String action, String value, String url, boolean personal) {
        this(label, action, value, url, personal, false, null);
    }

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

    /** The same button, among the card's secondary actions (an overflow menu). */
    public Button inOverflow() {
        return new Button(label, action, value, url, personal, true, confirm);
    }

    /** The same button, asking {@code confirm} before it is sent. */
    public Button confirmed(Confirm confirm) {
        return new Button(label, action, value, url, personal, secondary, Objects.requireNonNull(confirm));
    }

    public boolean isLink() {
        return url != null;
    }

    /**
     * A confirmation asked before an action is sent, such as "Delete this signal?".
     *
     * @param title  the dialog's title
     * @param text   what it explains
     * @param ok     the label of the button that goes ahead
     * @param deny   the label of the button that cancels
     * @param danger true when going ahead destroys something (the button shows in red)
     */
    public record Confirm(String title, String text, String ok, String deny, boolean danger) {
        public Confirm {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(ok, "ok");
            Objects.requireNonNull(deny, "deny");
        }
    }
}
