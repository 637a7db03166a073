package io.collectivepulse.support;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.jdbi.v3.core.Handle;

/**
 * Rows written straight into a service's database, as a restore would, for tests and benchmarks that need many
 * communities at once (creating hundreds through commands would measure the commands).
 */
public final class Seed {
    private Seed() {
    }

    /** A French community in Europe/Paris, linked to one Slack channel of the fake's workspace; returns its id. */
    public static long community(Handle h, String name, String channel) {
        long id = h.createQuery("""
                        INSERT INTO community (name, locale, time_zone, created_at)
                        VALUES (:name, 'fr', 'Europe/Paris', now()) RETURNING id""")
                .bind("name", name).mapTo(Long.class).one();
        h.createUpdate("""
                        INSERT INTO channel_link (platform, workspace_id, channel_id, community_id, linked_by, linked_at)
                        VALUES ('slack', :team, :channel, :id, 'U0ANNE', now())""")
                .bind("team", FakeSlackApi.TEAM_ID).bind("channel", channel).bind("id", id).execute();
        return id;
    }

    /** The community's weekly digest, due on the day and at the minute of {@code due}. */
    public static void digestAt(Handle h, long community, ZonedDateTime due) {
        h.createUpdate("""
                        INSERT INTO digest_schedule (community_id, weekday, time_of_day, enabled)
                        VALUES (:id, :day, :time, TRUE)""")
                .bind("id", community).bind("day", due.getDayOfWeek().getValue())
                .bind("time", LocalTime.of(due.getHour(), due.getMinute())).execute();
    }
}
