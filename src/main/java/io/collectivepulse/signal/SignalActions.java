package io.collectivepulse.signal;

/** The action ids of the buttons on signal cards, shared by the cards and the handlers that route presses. */
final class SignalActions {
    static final String PREFIX = "signal.";
    static final String VOTE = "signal.vote";
    static final String CLAIM = "signal.claim";
    static final String FLAG = "signal.flag";
    /**
     * "Supprimer…" on a signal card: asks first, privately ({@link SignalCards#confirmDelete}); deletes nothing. A card
     * posted before the question existed sends it from its old "Supprimer" button, which now asks too.
     */
    static final String DELETE = "signal.delete";
    /** "Supprimer" on the question: deletes the signal, for its author or a facilitator. */
    static final String DELETE_CONFIRMED = "signal.deleteConfirmed";
    /** "Annuler" on the question: the signal's card again, as it is now. */
    static final String KEEP = "signal.keep";
    /** "Je m'en empare" on a theme; the value is the theme. */
    static final String CLAIM_THEME = "signal.claimTheme";
    /** Opens the form to edit a signal. */
    static final String EDIT = "signal.edit";
    /** Submits the form of a new signal. */
    static final String CREATE = "signal.create";
    /** Submits the form of an edited signal. */
    static final String SAVE = "signal.save";
    /** The form fields. */
    static final String TEXT = "text";
    static final String THEMES = "themes";
    static final String LINK = "link";

    private SignalActions() {
    }
}
