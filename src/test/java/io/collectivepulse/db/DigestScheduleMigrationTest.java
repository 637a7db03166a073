package io.collectivepulse.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** V8 moves the digest's settings out of {@code community} into its own table without losing any. */
class DigestScheduleMigrationTest {

    @Test
    void nonDefaultSettingsMoveAndDefaultOnesNeedNoRow() {
        String url = TestDatabase.newDatabase();
        Supplier<FluentConfiguration> flyway = () -> Flyway.configure().dataSource(url, "postgres", "")
                .locations("classpath:db/migration", "classpath:io/collectivepulse/db/migration");
        flyway.get().target("7").load().migrate();
        Jdbi jdbi = Jdbi.create(url, "postgres", "");
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO community (id, name, locale, time_zone, created_at, digest_day, digest_time, digest_enabled)
                OVERRIDING SYSTEM VALUE VALUES
                    (1, 'Par défaut', 'fr', 'Europe/Paris', now(), 1, '09:00', TRUE),
                    (2, 'Vendredi', 'fr', 'Europe/Paris', now(), 5, '17:30', TRUE),
                    (3, 'Arrêtée', 'en', 'Europe/Paris', now(), 1, '09:00', FALSE)
                """));

        flyway.get().load().migrate();

        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(
                "SELECT community_id, weekday, time_of_day, enabled FROM digest_schedule ORDER BY community_id")
                .mapToMap().list());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("community_id", 2L).containsEntry("weekday", 5)
                .containsEntry("enabled", true);
        assertThat(rows.get(0).get("time_of_day")).hasToString("17:30:00");
        assertThat(rows.get(1)).containsEntry("community_id", 3L).containsEntry("enabled", false);
        int communities = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM community")
                .mapTo(Integer.class).one());
        assertThat(communities).isEqualTo(3);
    }
}
