package io.collectivepulse.signal;

import java.time.Instant;
import java.util.List;

/** A weak signal: an early hint of change that a member shares with the community. */
public record Signal(long id, long communityId, String authorName, String body, List<String> themes,
                    Instant createdAt) {
    public static final int MAX_LENGTH = 2000;
    public static final int MAX_THEMES = 10;

    public Signal {
        themes = List.copyOf(themes);
    }
}
