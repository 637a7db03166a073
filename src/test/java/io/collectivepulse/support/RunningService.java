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

    private RunningService(Application app) {
        this.app = app;
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
        return new RunningService(Application.start(Config.fromEnv(all), clock));
    }

    public static RunningService start(Config config) {
        return new RunningService(Application.start(config, Clock.systemUTC()));
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
