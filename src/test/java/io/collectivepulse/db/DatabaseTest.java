package io.collectivepulse.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.Config;
import io.collectivepulse.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void migratesQuartzTablesFromTheQuartzJarAndOurSchema() {
        Config config = Config.fromEnv(Map.of("DATABASE_URL", TestDatabase.newDatabase(), "DATABASE_USER", "postgres"));
        try (Database database = Database.open(config)) {
            assertThat(database.isUp()).isTrue();
            var tables = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                    .mapTo(String.class).list());
            assertThat(tables).contains("qrtz_job_details", "qrtz_triggers", "qrtz_locks", "community",
                    "channel_link", "signal", "conversation_reference");
        }
    }
}
