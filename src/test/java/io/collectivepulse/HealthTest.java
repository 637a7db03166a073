package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.Http;
import io.collectivepulse.support.RunningService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void reportsUpThenNamesTheDatabaseWhenItGoesDown() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (RunningService service = RunningService.start(Map.of(
                    "DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres")))) {
                var up = Http.get(service.url("/health"));
                assertThat(up.statusCode()).isEqualTo(200);
                assertThat(up.body()).isEqualTo("{\"database\":\"up\",\"scheduler\":\"started\"}");

                postgres.close();

                var down = Http.get(service.url("/health"));
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).contains("\"database\":\"down\"");
            }
        }
    }
}
