package io.collectivepulse.community;

import io.collectivepulse.chat.Platform;
import java.time.Duration;
import java.util.Locale;

/**
 * What trying an invitation code in a channel did ({@link CommunityService#join}). A refused code says why only to
 * the facilitator who issued it; to anyone else, an unknown, used or expired code is one and the same refusal, so
 * that trying codes tells nothing about the codes that exist.
 */
public sealed interface JoinResult {
    /** The channel is now linked to the community. */
    record Joined(Community community) implements JoinResult {
    }

    /** The channel was linked already (the code was not looked at). */
    record AlreadyLinked(Community community) implements JoinResult {
    }

    /** The code links nothing: unknown, used or expired, which is not said. */
    record Refused() implements JoinResult {
    }

    /** The code links nothing, as told to the facilitator who issued it. */
    record RefusedToIssuer(Why why) implements JoinResult {
        /** The bundle key of the reason. */
        public String key() {
            return "join.issuer." + why.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a code that exists links nothing. */
    enum Why { USED, EXPIRED }

    /**
     * Too many codes refused in the hour, in the channel or in its whole workspace ({@code workspace}): the code
     * was not looked at; the channel may try again after {@code retryIn}.
     */
    record TooManyTries(Platform platform, boolean workspace, Duration retryIn) implements JoinResult {
        /** The bundle key of the wait, which names the channel, or the platform's workspace or tenant. */
        public String key() {
            return workspace ? "join.wait.workspace." + platform.id() : "join.wait.channel";
        }

        /** The wait in whole minutes, rounded up: at least 1. */
        public long minutes() {
            return Math.max(1, (retryIn.toSeconds() + 59) / 60);
        }
    }
}
