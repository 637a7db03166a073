package io.collectivepulse.community;

/**
 * What features that plan things in a community's time (the digest today, session reminders tomorrow) hear
 * about it. Called after the change is committed, on the thread that made it.
 */
public interface CommunityListener {
    /** A community was just created, its first channel linked. */
    default void created(Community community) {
    }

    /** Facilitators moved the community to another time zone: what was planned in the old one must move. */
    default void timeZoneChanged(Community community) {
    }
}
