package io.collectivepulse.chat;

/**
 * The answer to a command.
 *
 * @param card    what to show, or null when there is nothing to say (the command's result was posted in the
 *                channel through a {@link Messenger})
 * @param privately true when only the person who asked should see it (Slack ephemeral); Teams, which has
 *                no ephemeral messages, answers in the conversation either way
 */
public record Reply(Card card, boolean privately) {
    public static Reply privately(Card card) {
        return new Reply(card, true);
    }

    public static Reply publicly(Card card) {
        return new Reply(card, false);
    }

    /** No answer: what the command did is already visible in the channel. */
    public static Reply none() {
        return new Reply(null, true);
    }

    public boolean isEmpty() {
        return card == null;
    }
}
