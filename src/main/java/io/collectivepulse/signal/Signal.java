package io.collectivepulse.signal;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import java.time.Instant;
import java.util.List;

/**
 * A weak signal (an early hint of change) or a resource of the shared watch (a link with a comment), as
 * members see it: with its +1s, who took it up and whether it is flagged for the next session.
 *
 * @param platform    where it was posted, with {@code workspaceId} and {@code channelId}
 * @param authorId    the author's user id, in the same workspace
 * @param link        the resource's address, or null for a signal without one
 * @param flaggedAt   when a facilitator flagged it for the next session, or null
 * @param votes       how many members clicked "Je le vois aussi"
 * @param claimants   display names of the members who took it up, first first
 */
public record Signal(long id, long communityId, Kind kind, String platform, String workspaceId, String channelId,
                     String authorId, String authorName, String body, String link, List<String> themes,
                     Instant createdAt, Instant flaggedAt, int votes, List<String> claimants) {
    public static final int MAX_LENGTH = 2000;
    public static final int MAX_THEMES = 10;

    /** A weak signal, or a resource of the shared watch. */
    public enum Kind { SIGNAL, RESOURCE }

    public Signal {
        themes = List.copyOf(themes);
        claimants = List.copyOf(claimants);
    }

    public ChannelRef channel() {
        return new ChannelRef(Platform.fromId(platform), workspaceId, channelId);
    }

    public boolean isFlagged() {
        return flaggedAt != null;
    }

    public boolean isAuthor(Actor actor) {
        return actor.platform().id().equals(platform) && actor.workspaceId().equals(workspaceId)
                && actor.userId().equals(authorId);
    }
}
