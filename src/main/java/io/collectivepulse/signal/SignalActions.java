package io.collectivepulse.signal;

import java.util.Set;

/** The action ids of the buttons on signal cards, shared by the cards and the handlers that route presses. */
public final class SignalActions {
    public static final String PREFIX = "signal.";
    public static final String VOTE = "signal.vote";
    public static final String CLAIM = "signal.claim";
    public static final String FLAG = "signal.flag";
    public static final String DELETE = "signal.delete";
    public static final Set<String> ALL = Set.of(VOTE, CLAIM, FLAG, DELETE);

    private SignalActions() {
    }
}
