package io.collectivepulse.digest;

import io.collectivepulse.db.Database;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** SQL for the digest's own settings; a community without a row has {@link DigestSettings#DEFAULT}. */
final class DigestDao {
    private final Jdbi jdbi;

    DigestDao(Database database) {
        this.jdbi = database.jdbi();
    }

    DigestSettings settings(long communityId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT weekday, time_of_day, enabled FROM digest_schedule WHERE community_id = :id
                        """)
                .bind("id", communityId)
                .map((rs, ctx) -> new DigestSettings(DayOfWeek.of(rs.getInt("weekday")),
                        rs.getObject("time_of_day", LocalTime.class), rs.getBoolean("enabled")))
                .findOne()).orElse(DigestSettings.DEFAULT);
    }

    void save(long communityId, DigestSettings settings) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO digest_schedule (community_id, weekday, time_of_day, enabled)
                        VALUES (:id, :day, :time, :enabled)
                        ON CONFLICT (community_id) DO UPDATE
                          SET weekday = EXCLUDED.weekday, time_of_day = EXCLUDED.time_of_day,
                              enabled = EXCLUDED.enabled
                        """)
                .bind("id", communityId).bind("day", settings.day().getValue()).bind("time", settings.time())
                .bind("enabled", settings.enabled())
                .execute());
    }

    /** The communities whose digest is on, by id. */
    List<Long> enabled() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id FROM community c LEFT JOIN digest_schedule d ON d.community_id = c.id
                        WHERE coalesce(d.enabled, TRUE) ORDER BY c.id
                        """)
                .mapTo(Long.class).list());
    }
}
