package io.collectivepulse.teams;

import io.collectivepulse.db.Database;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** SQL for the service's own keys: one random value per name, the first one written kept by every replica. */
final class ServiceKeyDao {
    private final Jdbi jdbi;

    ServiceKeyDao(Database database) {
        this.jdbi = database.jdbi();
    }

    /** The key named {@code name}: {@code candidate} if none was kept before, the one kept otherwise. */
    byte[] keep(String name, byte[] candidate, Instant now) {
        return jdbi.withHandle(h -> {
            h.createUpdate("""
                            INSERT INTO service_key (name, value, created_at) VALUES (:name, :value, :now)
                            ON CONFLICT (name) DO NOTHING
                            """)
                    .bind("name", name).bind("value", candidate).bind("now", now).execute();
            return h.createQuery("SELECT value FROM service_key WHERE name = :name").bind("name", name)
                    .mapTo(byte[].class).one();
        });
    }
}
