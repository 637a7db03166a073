package io.collectivepulse.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.collectivepulse.Config;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database: an external server when DATABASE_URL is set, otherwise an embedded one whose
 * data lives in PULSE_DATA_DIR, which keeps every committed write across a crash and stops a server a crashed
 * run left behind before it starts. Opening it applies the Flyway migrations, the only place where DDL lives.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Duration EMBEDDED_STARTUP = Duration.ofSeconds(60);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    /** How many {@link #inTransaction} calls are open on this thread. */
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    /** What to run once the transaction open on this thread has committed and given its connection back. */
    private final ThreadLocal<List<Runnable>> committed = ThreadLocal.withInitial(ArrayList::new);

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    /** Connects (starting the embedded server if needed) and migrates the schema. */
    public static Database open(Config config) {
        EmbeddedPostgres embedded = null;
        Config.Database target;
        if (config.database().isPresent()) {
            target = config.database().get();
        } else {
            embedded = startEmbedded(config.dataDir());
            target = new Config.Database(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
        }
        try {
            HikariDataSource dataSource = pool(target);
            migrate(dataSource);
            return new Database(embedded, dataSource);
        } catch (RuntimeException e) {
            closeQuietly(embedded);
            throw e;
        }
    }

    /** For DAOs only: their statements run on the transaction open on the calling thread, if any. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Runs a service verb in one transaction: every DAO call it makes on this thread joins it (Jdbi lends the
     * open handle to nested calls), so what the verb writes is committed together or not at all. An exception
     * rolls everything back and is rethrown. Called inside another transaction (an adapter that commits a
     * command's effects with the fact that it was handled), the verb runs under a savepoint: if it fails, what it
     * wrote is undone and the outer transaction goes on.
     */
    public <T> T inTransaction(Supplier<T> work) {
        if (depth.get() > 0) {
            return jdbi.withHandle(handle -> underSavepoint(handle, work));
        }
        T result;
        try {
            result = jdbi.inTransaction(handle -> nested(work));
        } catch (RuntimeException e) {
            committed.get().clear();
            throw e;
        }
        List<Runnable> then = List.copyOf(committed.get());
        committed.get().clear();
        then.forEach(Database::runQuietly);
        return result;
    }

    /**
     * Runs {@code then} once the transaction open on this thread has committed and given its connection back to
     * the pool (not at all if it rolls back, nor if the verb that asked is undone to its savepoint), or at once when
     * none is open: to wake what reads the rows just written, or to call a platform without holding a connection.
     */
    public void afterCommit(Runnable then) {
        if (depth.get() == 0) {
            then.run();
        } else {
            committed.get().add(then);
        }
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("A task run after a commit failed: {}", e.toString());
        }
    }

    /** Same as {@link #inTransaction(Supplier)}, for a verb that returns nothing. */
    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private <T> T underSavepoint(Handle handle, Supplier<T> work) {
        String savepoint = "verb_" + depth.get();
        handle.savepoint(savepoint);
        int tasks = committed.get().size();
        try {
            T result = nested(work);
            handle.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException e) {
            handle.rollbackToSavepoint(savepoint);
            committed.get().subList(tasks, committed.get().size()).clear();
            throw e;
        }
    }

    private <T> T nested(Supplier<T> work) {
        depth.set(depth.get() + 1);
        try {
            return work.get();
        } finally {
            depth.set(depth.get() - 1);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when a connection can be borrowed and answers within two seconds. */
    public boolean isUp() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the pool, then stops the embedded PostgreSQL if there is one (a fast shutdown, given five seconds). */
    @Override
    public void close() {
        dataSource.close();
        closeQuietly(embedded);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir) {
        try {
            Path dir = dataDir.toAbsolutePath().resolve("postgres");
            Files.createDirectories(dir);
            LOG.info("DATABASE_URL not set: starting embedded PostgreSQL with data in {}", dir);
            OrphanedPostgres.stopIfRunning(dir);
            // The library's defaults are a test's: it starts PostgreSQL with -F (fsync off) and
            // synchronous_commit=off, which lose acknowledged writes when PostgreSQL or the machine crashes.
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    // close() stops it once the service has drained; the library's hook would stop it first.
                    .setRegisterShutdownHook(false)
                    // After a crash, PostgreSQL replays its write-ahead log before it accepts connections.
                    .setPGStartupWait(EMBEDDED_STARTUP)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        } catch (IllegalStateException | UnsupportedOperationException e) {
            // The library's words when the jar holds no PostgreSQL for this machine (pom.xml: the builder's only).
            String why = String.valueOf(e.getMessage());
            if (!why.startsWith("Missing embedded postgres") && !why.startsWith("No Postgres binary")
                    && !why.startsWith("Unknown OS") && !why.startsWith("Unsupported architecture")) {
                throw e;
            }
            var missing = new IllegalStateException("this jar has no embedded PostgreSQL for "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ": set DATABASE_URL to a "
                    + "PostgreSQL server, or build the jar on this machine (mvn package; see README, Run it)");
            missing.addSuppressed(e);
            throw missing;
        }
    }

    private static HikariDataSource pool(Config.Database target) {
        var hikari = new HikariConfig();
        hikari.setPoolName("pulse");
        hikari.setJdbcUrl(target.jdbcUrl());
        hikari.setUsername(target.user());
        hikari.setPassword(target.password());
        hikari.setMaximumPoolSize(10);
        hikari.setMinimumIdle(2);
        hikari.setConnectionTimeout(5_000);
        hikari.setInitializationFailTimeout(10_000);
        return new HikariDataSource(hikari);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:io/collectivepulse/db/migration")
                .load()
                .migrate();
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
