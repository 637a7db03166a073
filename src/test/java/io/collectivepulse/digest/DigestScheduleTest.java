package io.collectivepulse.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.schedule.PulseScheduler;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.TriggerBuilder;
import org.quartz.spi.OperableTrigger;

/** The weekly digest trigger, computed by Quartz itself, across daylight-saving changes. No waiting. */
class DigestScheduleTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A community's digest setting: its day and time in its zone. */
    private record Setting(ZoneId zone, DayOfWeek day, LocalTime time) {
    }

    private static Setting community(ZoneId zone, DayOfWeek day, LocalTime time) {
        return new Setting(zone, day, time);
    }

    /** The trigger's fire times from {@code from}, as Quartz computes them for the schedule the digest plans. */
    private static List<ZonedDateTime> fireTimes(Setting community, String from, int count) {
        var trigger = (OperableTrigger) TriggerBuilder.newTrigger()
                .withSchedule(PulseScheduler.weekly(community.day(), community.time(), community.zone())).build();
        trigger.setStartTime(Date.from(Instant.parse(from)));
        trigger.computeFirstFireTime(null);
        List<ZonedDateTime> times = new ArrayList<>();
        Date next = trigger.getNextFireTime();
        for (int i = 0; i < count && next != null; i++) {
            times.add(next.toInstant().atZone(community.zone()));
            next = trigger.getFireTimeAfter(next);
        }
        return times;
    }

    @Test
    void mondayNineInParisBeforeAndAfterTheSpringChange() {
        // Summer time starts on Sunday 28 March 2027 at 02:00.
        var times = fireTimes(community(PARIS, DayOfWeek.MONDAY, LocalTime.of(9, 0)), "2027-03-20T00:00:00Z", 2);
        assertThat(times).extracting(ZonedDateTime::toLocalDateTime).extracting(Object::toString)
                .containsExactly("2027-03-22T09:00", "2027-03-29T09:00");
        assertThat(times).extracting(t -> t.toInstant().toString())
                .containsExactly("2027-03-22T08:00:00Z", "2027-03-29T07:00:00Z");
    }

    @Test
    void mondayNineInParisBeforeAndAfterTheAutumnChange() {
        // Winter time starts on Sunday 31 October 2027 at 03:00.
        var times = fireTimes(community(PARIS, DayOfWeek.MONDAY, LocalTime.of(9, 0)), "2027-10-23T00:00:00Z", 2);
        assertThat(times).extracting(ZonedDateTime::toLocalDateTime).extracting(Object::toString)
                .containsExactly("2027-10-25T09:00", "2027-11-01T09:00");
        assertThat(times).extracting(t -> t.toInstant().toString())
                .containsExactly("2027-10-25T07:00:00Z", "2027-11-01T08:00:00Z");
    }

    @Test
    void anotherDayTimeAndZone() {
        var times = fireTimes(community(ZoneId.of("America/Cayenne"), DayOfWeek.FRIDAY, LocalTime.of(17, 30)),
                "2027-03-20T00:00:00Z", 3);
        assertThat(times).extracting(t -> t.toLocalDateTime().toString())
                .containsExactly("2027-03-26T17:30", "2027-04-02T17:30", "2027-04-09T17:30");
        assertThat(times).allMatch(t -> t.getDayOfWeek() == DayOfWeek.FRIDAY);
    }
}
