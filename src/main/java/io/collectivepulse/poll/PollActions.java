package io.collectivepulse.poll;

/** The action ids of poll cards' buttons and of the poll form, shared by the cards and their handlers. */
final class PollActions {
    static final String PREFIX = "poll.";
    /** Followed by the option's position: Slack wants the action ids of one message's buttons to differ. */
    static final String VOTE = "poll.vote.";
    /** Followed by the option's position: takes back one choice of a multiple-choice poll. */
    static final String DROP = "poll.drop.";
    static final String WITHDRAW = "poll.withdraw";
    static final String CLOSE = "poll.close";
    static final String VOTERS = "poll.voters";

    private PollActions() {
    }

    /** The option position an action id ends with ({@code poll.vote.3}: 3), or -1. */
    static int position(String action, String prefix) {
        try {
            return Integer.parseInt(action.substring(prefix.length()));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }
}
