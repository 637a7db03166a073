package io.collectivepulse.support;

import io.collectivepulse.Config;
import io.collectivepulse.TestDatabase;
import io.collectivepulse.db.Database;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated database of its own for a test class of services (no HTTP, no platform), on the test PostgreSQL:
 * {@code @RegisterExtension static final PulseDatabase db = new PulseDatabase();}.
 */
public final class PulseDatabase implements BeforeAllCallback, AfterAllCallback {
    private Database database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = Database.open(Config.fromEnv(Map.of("DATABASE_URL", TestDatabase.newDatabase(),
                "DATABASE_USER", "postgres")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }

    public Database database() {
        return database;
    }

    /** Rows of {@code table} matching {@code where} (SQL written by the test). */
    public int count(String table, String where) {
        return jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table + " WHERE " + where)
                .mapTo(Integer.class).one());
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }
}
