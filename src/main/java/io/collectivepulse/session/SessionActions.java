package io.collectivepulse.session;

/** The action ids of the buttons on session cards; the value is the session's id. */
final class SessionActions {
    static final String PREFIX = "session.";
    static final String YES = PREFIX + "yes";
    static final String MAYBE = PREFIX + "maybe";
    static final String NO = PREFIX + "no";

    private SessionActions() {
    }
}
