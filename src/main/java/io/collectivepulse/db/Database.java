package io.collectivepulse.db;

import com.zaxxer.hikari.HikariDataSource;
import io.collectivepulse.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database: an external server when DATABASE_URL is set, otherwise an embedded one whose data lives
 * in PULSE_DATA_DIR, which keeps every committed write across a crash, is started again if it dies under the
 * service, and stops a server a crashed run left behind before it starts. Opening it applies the Flyway migrations,
 * the only place where DDL lives.
 *
 * <p>No request waits long for PostgreSQL: the pool lends a connection within a second or fails, and a statement
 * that gets no answer within two seconds fails (server and client side), so that a member is asked to try again
 * rather than left waiting while PostgreSQL is paused, restarting or unreachable. The scheduler's own few
 * connections keep the patience Quartz's locks need.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** True on the threads that serve HTTP requests ({@link #servingRequests}). */
    private static final ThreadLocal<Boolean> SERVING = ThreadLocal.withInitial(() -> false);

    private final EmbeddedServer embedded;
    private final HikariDataSource dataSource;
    private final HikariDataSource backgroundDataSource;
    private final DatabaseWatch watch;
    private final Jdbi jdbi;
    /** How many {@link #inTransaction} calls are open on this thread. */
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    /** What to run once the transaction open on this thread has committed and given its connection back. */
    private final ThreadLocal<List<Runnable>> committed = ThreadLocal.withInitial(ArrayList::new);

    private Database(EmbeddedServer embedded, HikariDataSource dataSource, HikariDataSource backgroundDataSource,
                     DatabaseWatch watch) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.backgroundDataSource = backgroundDataSource;
        this.watch = watch;
        // One Jdbi, whose connections come from the pool of the thread that asks (see servingRequests).
        this.jdbi = Jdbi.create(() -> (SERVING.get() ? dataSource : backgroundDataSource).getConnection())
                .installPlugin(new PostgresPlugin());
        // A failed statement is logged with its exception: its bound values (members' text) must not be in it.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    /** Connects (starting the embedded server if needed) and migrates the schema. */
    public static Database open(Config config) {
        EmbeddedServer embedded = null;
        Config.Database target;
        if (config.database().isPresent()) {
            target = config.database().get();
        } else {
            embedded = EmbeddedServer.start(config.dataDir());
            target = new Config.Database(embedded.jdbcUrl(), "postgres", "");
        }
        HikariDataSource requests = null;
        try {
            migrate(target);
            requests = Pools.requests(target);
            HikariDataSource background = Pools.background(target);
            var watch = new DatabaseWatch(target.jdbcUrl(), target.user(), target.password(), embedded);
            watch.start();
            return new Database(embedded, requests, background, watch);
        } catch (RuntimeException e) {
            if (requests != null) {
                requests.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /**
     * Marks a thread that serves HTTP requests: the statements it runs get the requests' pool and limits (a
     * connection within a second, an answer within two), so that no member waits long for a database in trouble.
     * Every other thread (the scheduler's, the outbox's) works on the background pool, without those limits.
     */
    public static Runnable servingRequests(Runnable thread) {
        return () -> {
            SERVING.set(true);
            thread.run();
        };
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

    /**
     * The connections of the work no member waits for (the scheduler's locks and jobs, the outbox): as patient as
     * a long claim or a large digest needs.
     */
    public DataSource backgroundDataSource() {
        return backgroundDataSource;
    }

    /**
     * True when PostgreSQL answered its last check, at most a second and a half ago ({@link DatabaseWatch}):
     * answers at once, whatever the database does.
     */
    public boolean isUp() {
        return watch.isUp();
    }

    /** Closes the pools, then stops the embedded PostgreSQL if there is one (a fast shutdown, given five seconds). */
    @Override
    public void close() {
        watch.close();
        dataSource.close();
        backgroundDataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    /** Migrates on connections of their own, without the requests' timeouts: a migration may take its time. */
    private static void migrate(Config.Database target) {
        Flyway.configure()
                .dataSource(target.jdbcUrl(), target.user(), target.password())
                .connectRetries(5)
                .connectRetriesInterval(2)
                .locations("classpath:db/migration", "classpath:io/collectivepulse/db/migration")
                .load()
                .migrate();
    }
}
