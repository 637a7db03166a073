package io.collectivepulse.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.TestDatabase;
import io.collectivepulse.support.RunningService;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A community that has no digest trigger (created before digests existed) gets one when the service starts. */
class DigestPlanningTest {

    @Test
    void aCommunityWithoutATriggerIsPlannedAtStart() {
        String database = TestDatabase.newDatabase();
        long id;
        try (var first = RunningService.start(Map.of("DATABASE_URL", database))) {
            id = first.jdbi().withHandle(h -> h.createQuery("""
                    INSERT INTO community (name, locale, time_zone, created_at)
                    VALUES ('Ancienne', 'fr', 'Europe/Paris', now()) RETURNING id""").mapTo(Long.class).one());
        }
        try (var second = RunningService.start(Map.of("DATABASE_URL", database))) {
            var next = second.app().scheduler().next(DigestService.KIND, id).orElseThrow()
                    .atZone(ZoneId.of("Europe/Paris"));
            assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(next.getHour()).isEqualTo(9);
            assertThat(next.getMinute()).isZero();
        }
    }
}
