package io.collectivepulse.session;

/** The action ids of the buttons on session cards. */
final class SessionActions {
    static final String PREFIX = "session.";
    /** The answers under an announcement; the value is the session's id. */
    static final String YES = PREFIX + "yes";
    static final String MAYBE = PREFIX + "maybe";
    static final String NO = PREFIX + "no";
    /** Takes an item off a session's agenda, or puts it back; the value is {@link #agendaValue}. */
    static final String AGENDA_REMOVE = PREFIX + "agenda.remove";
    static final String AGENDA_RESTORE = PREFIX + "agenda.restore";

    private SessionActions() {
    }

    /** {@code <session id>:<item code>}, such as {@code 12:signal:42} or {@code 12:theme:rh}. */
    static String agendaValue(Session session, AgendaItem item) {
        return session.id() + ":" + item.code();
    }
}
