package io.collectivepulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.Http;
import io.collectivepulse.support.RunningService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops under the service: {@code /metrics} still answers at once, with the outbox's backlog as last
 * seen — when the database is away is when an operator needs the metrics.
 */
class MetricsWithoutPostgresTest {

    @Test
    void aScrapeAnswersQuicklyWhilePostgresIsDown() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             RunningService service = RunningService.start(Map.of(
                     "DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres")))) {
            PrometheusText up = PrometheusText.parse(Http.get(service.url("/metrics")).body());
            assertThat(up.sum("pulse_outbox_pending", "platform", "slack")).isZero();

            postgres.close();

            for (int scrape = 0; scrape < 3; scrape++) {
                long start = System.nanoTime();
                var down = Http.get(service.url("/metrics"));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(down.statusCode()).isEqualTo(200);
                assertThat(took).as("scrape %d", scrape).isLessThan(Duration.ofMillis(1500));
                assertThat(PrometheusText.parse(down.body()).sum("pulse_outbox_pending", "platform", "slack"))
                        .as("the last value found").isZero();
            }
        }
    }
}
