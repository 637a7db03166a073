package io.collectivepulse.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.Config;
import io.collectivepulse.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void whatRunsAfterACommitRunsWithTheConnectionBackAndNeverAfterARollback() {
        Config config = Config.fromEnv(Map.of("DATABASE_URL", TestDatabase.newDatabase(), "DATABASE_USER", "postgres"));
        try (Database database = Database.open(config)) {
            var pool = ((HikariDataSource) database.dataSource()).getHikariPoolMXBean();
            List<String> ran = new ArrayList<>();
            database.inTransaction(() -> {
                database.jdbi().useHandle(h -> h.execute("CREATE TABLE after_commit (n INT)"));
                database.afterCommit(() -> ran.add("committed, connections in use: " + pool.getActiveConnections()));
                assertThat(ran).isEmpty();
            });
            assertThat(ran).containsExactly("committed, connections in use: 0");

            ran.clear();
            try {
                database.inTransaction(() -> {
                    database.afterCommit(() -> ran.add("rolled back"));
                    throw new IllegalStateException("refused");
                });
            } catch (IllegalStateException expected) {
                // The transaction is rolled back.
            }
            database.inTransaction(() -> {
                try {
                    database.inTransaction(() -> {
                        database.afterCommit(() -> ran.add("undone to its savepoint"));
                        throw new IllegalStateException("refused");
                    });
                } catch (IllegalStateException expected) {
                    // Only the inner verb is undone.
                }
                database.afterCommit(() -> ran.add("outer verb"));
            });
            assertThat(ran).containsExactly("outer verb");
        }
    }
}
