package io.collectivepulse.chat;

import java.util.Map;

/**
 * The answer to a command.
 *
 * @param card    what to show, or null when there is nothing to say (the command's result was posted in the
 *                channel through the outbox)
 * @param privately true when only the person who asked should see it: Slack ephemeral; on Teams, which has no
 *                ephemeral messages, the member's private chat with the bot (in the thread, saying so, where that
 *                chat cannot be opened; forms and cards with buttons stay in the conversation they answer, whose
 *                channel their presses need)
 * @param form    a form to show (a Slack modal, an Adaptive Card with inputs), or null; {@code card} is then what
 *                to say where the form cannot be shown (a Slack mention has no trigger to open a modal)
 * @param fieldErrors for a submitted form that was refused: what to say next to each field; empty otherwise
 * @param view    true when {@code card} is the presser's own view of the card whose {@link Button#personal} button
 *                they pressed: Teams shows it in place of that card, to them alone; Slack as an ephemeral message.
 *                Nothing of it is kept once shown (a poll's view says how its member voted)
 */
public record Reply(Card card, boolean privately, Form form, Map<String, String> fieldErrors, boolean view) {
    public Reply {
        fieldErrors = Map.copyOf(fieldErrors);
    }

    public Reply(Card card, boolean privately, Form form, Map<String, String> fieldErrors) {
        this(card, privately, form, fieldErrors, false);
    }

    /** The card as the presser alone sees it now (see {@code view}). */
    public static Reply view(Card card) {
        return new Reply(card, true, null, Map.of(), true);
    }

    public static Reply privately(Card card) {
        return new Reply(card, true, null, Map.of());
    }

    public static Reply publicly(Card card) {
        return new Reply(card, false, null, Map.of());
    }

    /** No answer: what the command did is already visible in the channel. */
    public static Reply none() {
        return new Reply(null, true, null, Map.of());
    }

    public static Reply form(Form form, Card fallback) {
        return new Reply(fallback, true, form, Map.of());
    }

    /** A refused form submission: the form stays open with these messages (Slack); Teams shows them as a card. */
    public static Reply fieldErrors(Map<String, String> errors) {
        String text = String.join("\n", errors.values());
        return new Reply(Card.text(text), true, null, errors);
    }

    public boolean isEmpty() {
        return card == null && form == null;
    }
}
