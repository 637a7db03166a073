package io.collectivepulse.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, when DATABASE_URL is not set: its data in PULSE_DATA_DIR, durable (fsync on), on one port
 * for the life of the service, so that a server that died under the service can be started again where the pool
 * looks for it ({@link #restartIfDead}).
 */
final class EmbeddedServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Path dir;
    private volatile EmbeddedPostgres server;
    private volatile boolean closed;

    private EmbeddedServer(Path dir, EmbeddedPostgres server) {
        this.dir = dir;
        this.server = server;
    }

    /** Starts PostgreSQL on {@code dataDir/postgres}, stopping first a server a crashed run left there. */
    static EmbeddedServer start(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().resolve("postgres");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
        LOG.info("DATABASE_URL not set: starting embedded PostgreSQL with data in {}", dir);
        OrphanedPostgres.stopIfRunning(dir);
        return new EmbeddedServer(dir, start(dir, 0));
    }

    /** The JDBC URL of the server: the same port across restarts. */
    String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    /**
     * Starts the server again on the same port and data directory if its postmaster died (killed, out of memory):
     * PostgreSQL replays its write-ahead log, so every committed write is there. True if it was dead and is running
     * again; a start that fails (the dead server's last sessions still hold its shared memory) is tried again on
     * the next call.
     */
    synchronized boolean restartIfDead() {
        if (closed || OrphanedPostgres.isRunning(dir)) {
            return false;
        }
        LOG.warn("The embedded PostgreSQL on {} is not running: starting it again", dir);
        int port = server.getPort();
        closeQuietly(server);
        try {
            OrphanedPostgres.stopIfRunning(dir);
            server = start(dir, port);
            LOG.info("The embedded PostgreSQL on {} runs again on port {}", dir, port);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("The embedded PostgreSQL on {} did not start again yet: {}", dir, e.toString());
            return false;
        }
    }

    private static EmbeddedPostgres start(Path dir, int port) {
        try {
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // The library's defaults are a test's: it starts PostgreSQL with -F (fsync off) and
                    // synchronous_commit=off, which lose acknowledged writes when PostgreSQL or the machine crashes.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    // close() stops it once the service has drained; the library's hook would stop it first.
                    .setRegisterShutdownHook(false)
                    // After a crash, PostgreSQL replays its write-ahead log before it accepts connections.
                    .setPGStartupWait(STARTUP);
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        } catch (IllegalStateException | UnsupportedOperationException e) {
            throw MissingBinaries.explained(e);
        }
    }

    /** Stops the server (a fast shutdown) and does not start it again. */
    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(server);
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /** What the library says when the jar holds no PostgreSQL for this machine (pom.xml: the builder's only). */
    private static final class MissingBinaries {
        static RuntimeException explained(RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (!why.startsWith("Missing embedded postgres") && !why.startsWith("No Postgres binary")
                    && !why.startsWith("Unknown OS") && !why.startsWith("Unsupported architecture")) {
                return e;
            }
            var missing = new IllegalStateException("this jar has no embedded PostgreSQL for "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ": set DATABASE_URL to a "
                    + "PostgreSQL server, or build the jar on this machine (mvn package; see README, Run it)");
            missing.addSuppressed(e);
            return missing;
        }
    }
}
