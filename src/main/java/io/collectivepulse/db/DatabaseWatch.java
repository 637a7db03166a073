package io.collectivepulse.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches PostgreSQL from a thread of its own, twice a second, on a connection of its own with one-second
 * timeouts: {@link #isUp()} then answers at once whatever the database does (a health check must not wait for
 * it), and says within two seconds that a paused or unreachable database is down. When the embedded PostgreSQL
 * died, the watch starts it again; the pool finds it on the same port.
 */
final class DatabaseWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWatch.class);
    static final Duration PERIOD = Duration.ofMillis(500);
    private static final int TIMEOUT_SECONDS = 1;

    private final String jdbcUrl;
    private final Properties credentials;
    private final EmbeddedServer embedded;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread watch = new Thread(runnable, "database-watch");
        watch.setDaemon(true);
        return watch;
    });
    private Connection connection;
    private volatile boolean up = true;

    /** {@code embedded}: the server to start again when it died, or null for an external one. */
    DatabaseWatch(String jdbcUrl, String user, String password, EmbeddedServer embedded) {
        this.jdbcUrl = jdbcUrl;
        this.embedded = embedded;
        this.credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password == null ? "" : password);
        credentials.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
        credentials.setProperty("loginTimeout", Integer.toString(TIMEOUT_SECONDS));
        credentials.setProperty("socketTimeout", Integer.toString(TIMEOUT_SECONDS));
        credentials.setProperty("ApplicationName", "collective-pulse-watch");
    }

    void start() {
        thread.scheduleWithFixedDelay(this::check, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True when PostgreSQL answered the last check (made less than a second and a half ago). */
    boolean isUp() {
        return up;
    }

    private void check() {
        boolean answered = answers();
        if (!answered && embedded != null && embedded.restartIfDead()) {
            answered = answers();
        }
        if (answered != up) {
            if (answered) {
                LOG.info("PostgreSQL answers again");
            } else {
                LOG.warn("PostgreSQL does not answer: members are asked to try again in a moment");
            }
            up = answered;
        }
    }

    private boolean answers() {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(jdbcUrl, credentials);
            }
            if (connection.isValid(TIMEOUT_SECONDS)) {
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            // Said once, when the state changes (check).
        }
        closeConnection();
        return false;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // A broken connection: nothing more to release.
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
