package io.collectivepulse.session;

import java.util.List;

/** The outcome of a facilitator's planning. */
sealed interface Planned {
    record Done(List<Session> sessions) implements Planned {
    }

    record FacilitatorsOnly() implements Planned {
    }

    record NotFound(int number) implements Planned {
    }

    record AlreadyCancelled(Session session) implements Planned {
    }

    record InThePast() implements Planned {
    }
}
