package io.collectivepulse.archfixture.good.signal;

import org.jdbi.v3.core.Jdbi;

/** The feature's SQL, the only class of the feature that knows Jdbi. */
public final class SignalDao {
    private final Jdbi jdbi;

    public SignalDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insert(String text) {
        return jdbi.withHandle(handle -> handle.createUpdate("insert into signal (text) values (:text)")
                .bind("text", text).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
