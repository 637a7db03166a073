package io.collectivepulse.session;

import java.util.Locale;
import java.util.Optional;

/**
 * What other features do when a session of the cycle ends, and what they add to the cycle's review: wired by the
 * application, since features do not know each other (the feedback poll launched after each session, and its
 * result in {@code /seance bilan}).
 */
public interface SessionFollowUp {
    /** Follows nothing up. */
    SessionFollowUp NONE = new SessionFollowUp() {
        @Override
        public void ended(long communityId, long sessionId, int number, String title) {
        }

        @Override
        public Optional<String> reviewNote(long sessionId, Locale locale) {
            return Optional.empty();
        }
    };

    /**
     * Session {@code sessionId}, number {@code number} of community {@code communityId}'s cycle, has just ended.
     * Called once per session, in the transaction that records it.
     */
    void ended(long communityId, long sessionId, int number, String title);

    /** A line about the session for the cycle's review, in {@code locale}; empty for nothing. */
    Optional<String> reviewNote(long sessionId, Locale locale);
}
