package io.collectivepulse.archfixture.bad.signal;

import org.jdbi.v3.core.Jdbi;

/** SQL outside the DAO: the class name does not end with Dao. */
final class SignalStats {
    private final Jdbi jdbi;

    SignalStats(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    int count() {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from signal").mapTo(Integer.class).one());
    }
}
