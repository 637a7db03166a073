package io.collectivepulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.Config;
import io.collectivepulse.TestDatabase;
import io.collectivepulse.db.Database;
import io.collectivepulse.schedule.PulseScheduler;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.RunningService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A trigger due ten minutes before the service starts (every replica was down then) is a misfire Quartz handles at
 * start: the scrape counts it. Its own class, with no service of the class running: Quartz keeps one scheduler per
 * name in a JVM, and this test plans on the database before the service starts.
 */
class MisfireMetricsTest {

    @Test
    void aTriggerMissedWhileEveryReplicaWasDownIsCountedAsAMisfire() {
        Map<String, String> env = Map.of("DATABASE_URL", TestDatabase.newDatabase(), "DATABASE_USER", "postgres");
        RunningService.start(env).close();
        try (Database database = Database.open(Config.fromEnv(env))) {
            PulseScheduler scheduler = new PulseScheduler(database.dataSource());
            // Housekeeping, planned by the service itself under id 0, ignores the id: running it again is harmless.
            scheduler.planOnce("housekeeping", 1, Instant.now().minus(Duration.ofMinutes(10)));
            scheduler.close();
        }

        try (RunningService service = RunningService.start(env)) {
            PrometheusText scrape = Awaits.until(() -> Optional.of(PrometheusText.parse(
                            Http.get(service.url("/metrics")).body()))
                            .filter(s -> s.sum("pulse_quartz_misfires_total") > 0),
                    Duration.ofSeconds(30), () -> "no misfire counted");
            assertThat(scrape.sum("pulse_quartz_misfires_total")).isEqualTo(1);
        }
    }
}
