package io.collectivepulse.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * Tells a failure of PostgreSQL to answer (unreachable, paused, restarting, too slow, a pool with no connection to
 * lend) from a failure of ours: the member is then asked to try again in a moment, and nothing was kept.
 */
public final class Unavailable {
    private Unavailable() {
    }

    /** True when {@code failure}, or one of its causes, says the database could not answer in time. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Connection failures (class 08), an operator's intervention such as a shutdown or a statement cancelled by its
     * timeout (57), insufficient resources such as too many connections (53), and a transaction rolled back for a
     * serialization failure or a deadlock (40): trying again later can succeed.
     */
    private static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                || state.startsWith("40"));
    }
}
