package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.RunningService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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

                assertThat(Http.get(service.url("/health/ready")).statusCode()).isEqualTo(200);
                assertThat(Http.get(service.url("/health/live")).statusCode()).isEqualTo(200);

                postgres.close();

                // The database is watched twice a second: readiness says so within two seconds.
                var down = Awaits.until(() -> Optional.of(Http.get(service.url("/health")))
                        .filter(answer -> answer.statusCode() == 503), Duration.ofSeconds(2), () -> "still up");
                assertThat(down.body()).contains("\"database\":\"down\"");
                assertThat(Http.get(service.url("/health/ready")).statusCode()).isEqualTo(503);
                assertThat(Http.get(service.url("/health/live")).statusCode()).isEqualTo(200);
            }
        }
    }
}
