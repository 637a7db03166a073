package io.collectivepulse.digest;

import io.collectivepulse.community.Community;
import java.time.Instant;
import java.util.Optional;

/** Keeps each community's digest trigger in step with its settings (implemented on Quartz). */
public interface DigestPlanner {
    /** Schedules the community's weekly digest at its day, time and time zone, or removes it when turned off. */
    void plan(Community community);

    /** When the community's digest fires next, if it is scheduled. */
    Optional<Instant> next(Community community);
}
