package io.collectivepulse.community;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A peer community: people who share a job across organisations, in one or more linked channels.
 *
 * @param digestDay     the day of the weekly digest, in {@code timeZone}
 * @param digestTime    its time of day, in {@code timeZone}
 * @param digestEnabled false when facilitators turned the digest off
 */
public record Community(long id, String name, Locale locale, ZoneId timeZone, Instant createdAt,
                        DayOfWeek digestDay, LocalTime digestTime, boolean digestEnabled) {
    public static final int MAX_NAME_LENGTH = 100;
    public static final DayOfWeek DEFAULT_DIGEST_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(9, 0);
}
