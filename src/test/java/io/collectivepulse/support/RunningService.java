package io.collectivepulse.support;

import io.collectivepulse.Application;
import io.collectivepulse.Config;
import io.collectivepulse.TestDatabase;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The service started for a test on its own fresh database, with whatever environment the test adds. */
public final class RunningService implements AutoCloseable {
    private final Application app;
    private final Map<String, String> env;

    private RunningService(Application app, Map<String, String> env) {
        this.app = app;
        this.env = Map.copyOf(env);
    }

    /**
     * A second replica of this service: another Application on the same database and fakes, as a second machine
     * would run it (its own HTTP port, scheduler instance and outbox owner).
     */
    public RunningService replica() {
        return replica(Map.of());
    }

    /** A replica started with some of this service's variables changed (another key, another secret…). */
    public RunningService replica(Map<String, String> changes) {
        Map<String, String> changed = new HashMap<>(env);
        changed.putAll(changes);
        return new RunningService(Application.start(Config.fromEnv(changed), Clock.systemUTC()), changed);
    }

    /** Starts the service on a new database of the test PostgreSQL, on a free port. */
    public static RunningService start(Map<String, String> env) {
        return start(env, Clock.systemUTC());
    }

    /** Same, with the service's time given by {@code clock}. */
    public static RunningService start(Map<String, String> env, Clock clock) {
        Map<String, String> all = new HashMap<>();
        all.put("PORT", "0");
        all.put("DATABASE_URL", TestDatabase.newDatabase());
        all.put("DATABASE_USER", "postgres");
        all.putAll(env);
        return new RunningService(Application.start(Config.fromEnv(all), clock), all);
    }

    public static RunningService start(Config config) {
        return new RunningService(Application.start(config, Clock.systemUTC()), Map.of());
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public Application app() {
        return app;
    }

    public Jdbi jdbi() {
        return app.database().jdbi();
    }

    /** Rows in a table, to check that nothing was stored. */
    public int count(String table) {
        return jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        app.close();
    }
}
