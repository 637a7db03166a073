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
    SessionFollowUp NONE = of((communityId, sessionId, number, title) -> {
    }, (sessionId, locale) -> Optional.empty());

    /**
     * Session {@code sessionId}, number {@code number} of community {@code communityId}'s cycle, has just ended.
     * Called once per session, in the transaction that records it.
     */
    void ended(long communityId, long sessionId, int number, String title);

    /** A line about the session for the cycle's review, in {@code locale}; empty for nothing. */
    Optional<String> reviewNote(long sessionId, Locale locale);

    /** The follow-up made of what runs at each end and what writes the review's line, such as two methods. */
    static SessionFollowUp of(Ended ended, ReviewNote note) {
        return new SessionFollowUp() {
            @Override
            public void ended(long communityId, long sessionId, int number, String title) {
                ended.ended(communityId, sessionId, number, title);
            }

            @Override
            public Optional<String> reviewNote(long sessionId, Locale locale) {
                return note.reviewNote(sessionId, locale);
            }
        };
    }

    /** {@link SessionFollowUp#ended}, by itself. */
    @FunctionalInterface
    interface Ended {
        void ended(long communityId, long sessionId, int number, String title);
    }

    /** {@link SessionFollowUp#reviewNote}, by itself. */
    @FunctionalInterface
    interface ReviewNote {
        Optional<String> reviewNote(long sessionId, Locale locale);
    }
}
