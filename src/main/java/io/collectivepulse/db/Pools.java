package io.collectivepulse.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.collectivepulse.Config;
import java.time.Duration;

/**
 * The two connection pools: the requests', which never waits long for PostgreSQL, and the background's (the
 * scheduler, its jobs, the outbox), as patient as Quartz's locks, a long claim or a large digest need.
 */
final class Pools {
    /** The longest a request waits for a connection from the pool. */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(1);
    /** The longest a statement of a request runs or waits for its answer. */
    static final Duration STATEMENT_WAIT = Duration.ofSeconds(2);

    private Pools() {
    }

    static HikariDataSource requests(Config.Database target) {
        var hikari = config(target, "pulse", 10);
        hikari.setMinimumIdle(2);
        hikari.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        hikari.setValidationTimeout(CONNECTION_WAIT.toMillis() / 2);
        hikari.addDataSourceProperty("connectTimeout", "1");
        // Client side: a paused or unreachable server does not answer, and its own timeout cannot fire.
        hikari.addDataSourceProperty("socketTimeout", Long.toString(STATEMENT_WAIT.toSeconds()));
        // Server side, a little earlier: a slow statement or a lock waited for is cancelled and the connection kept.
        hikari.addDataSourceProperty("options", "-c statement_timeout=" + (STATEMENT_WAIT.toMillis() - 200));
        return new HikariDataSource(hikari);
    }

    static HikariDataSource background(Config.Database target) {
        var hikari = config(target, "pulse-background", 10);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(5_000);
        hikari.addDataSourceProperty("connectTimeout", "5");
        hikari.addDataSourceProperty("socketTimeout", "30");
        return new HikariDataSource(hikari);
    }

    private static HikariConfig config(Config.Database target, String name, int size) {
        var hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(target.jdbcUrl());
        hikari.setUsername(target.user());
        hikari.setPassword(target.password());
        hikari.setMaximumPoolSize(size);
        hikari.setInitializationFailTimeout(10_000);
        // PostgreSQL's error detail quotes the row's values ("Key (text)=(…)"): kept out of exceptions and logs.
        hikari.addDataSourceProperty("logServerErrorDetail", "false");
        return hikari;
    }

}
