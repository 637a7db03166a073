package io.collectivepulse.community;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A peer community: people who share a job across organisations, in one or more linked channels.
 *
 * @param locale   the language the bot speaks to it
 * @param timeZone where its dates, reminders and digests are computed (daylight saving included)
 */
public record Community(long id, String name, Locale locale, ZoneId timeZone, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 100;
}
