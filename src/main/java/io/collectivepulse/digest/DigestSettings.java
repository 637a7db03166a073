package io.collectivepulse.digest;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * When a community's weekly digest goes out, in its time zone, or that it does not.
 *
 * @param day  the day of the week
 * @param time the time of day
 */
public record DigestSettings(DayOfWeek day, LocalTime time, boolean enabled) {
    /** What a community gets until its facilitators change it: Monday 09:00, on. */
    public static final DigestSettings DEFAULT = new DigestSettings(DayOfWeek.MONDAY, LocalTime.of(9, 0), true);

    public DigestSettings off() {
        return new DigestSettings(day, time, false);
    }
}
