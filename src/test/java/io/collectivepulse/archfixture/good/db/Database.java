package io.collectivepulse.archfixture.good.db;

import org.jdbi.v3.core.Jdbi;

/** Opens the database. */
public final class Database {
    private final Jdbi jdbi;

    public Database(String url) {
        this.jdbi = Jdbi.create(url);
    }

    public Jdbi jdbi() {
        return jdbi;
    }
}
