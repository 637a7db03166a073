package io.collectivepulse.signal;

import java.util.Set;

/** The action ids of the buttons on signal cards, shared by the cards and the handlers that route presses. */
public final class SignalActions {
    public static final String PREFIX = "signal.";
    public static final String VOTE = "signal.vote";
    public static final String CLAIM = "signal.claim";
    public static final String FLAG = "signal.flag";
    public static final String DELETE = "signal.delete";
    /** "Je m'en empare" on a theme; the value is the theme. */
    public static final String CLAIM_THEME = "signal.claimTheme";
    /** Opens the form to edit a signal. */
    public static final String EDIT = "signal.edit";
    /** Submits the form of a new signal. */
    public static final String CREATE = "signal.create";
    /** Submits the form of an edited signal. */
    public static final String SAVE = "signal.save";
    /** The buttons that act on a signal at once. */
    public static final Set<String> ALL = Set.of(VOTE, CLAIM, FLAG, DELETE);
    /** The form fields. */
    public static final String TEXT = "text";
    public static final String THEMES = "themes";
    public static final String LINK = "link";

    private SignalActions() {
    }
}
