package io.collectivepulse.signal;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.People;
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
 * @param claimedBy   the same members (their names as stored when they took it up), in the same order, to look their
 *                    names up again by id; empty when not read
 */
public record Signal(long id, long communityId, Kind kind, String platform, String workspaceId, String channelId,
                     String authorId, String authorName, String body, String link, List<String> themes,
                     Instant createdAt, Instant flaggedAt, int votes, List<String> claimants, List<Actor> claimedBy) {
    public static final int MAX_LENGTH = 2000;
    public static final int MAX_THEMES = 10;

    /** A weak signal, or a resource of the shared watch. */
    public enum Kind { SIGNAL, RESOURCE }

    public Signal {
        themes = List.copyOf(themes);
        claimants = List.copyOf(claimants);
        claimedBy = claimedBy == null ? List.of() : List.copyOf(claimedBy);
    }

    /** A signal whose claimants are known by name only. */
    public Signal(long id, long communityId, Kind kind, String platform, String workspaceId, String channelId,
                  String authorId, String authorName, String body, String link, List<String> themes,
                  Instant createdAt, Instant flaggedAt, int votes, List<String> claimants) {
        this(id, communityId, kind, platform, workspaceId, channelId, authorId, authorName, body, link, themes,
                createdAt, flaggedAt, votes, claimants, List.of());
    }

    /** The author, with the name stored with the signal. */
    public Actor author() {
        return new Actor(Platform.fromId(platform), workspaceId, authorId, authorName);
    }

    /** The members the signal names: its author and those who took it up. */
    public List<Actor> people() {
        List<Actor> people = new java.util.ArrayList<>(claimedBy);
        people.add(0, author());
        return people;
    }

    /** The same signal, its author and claimants called by the names {@code names} gives them. */
    public Signal named(People.Names names) {
        List<String> named = claimedBy.size() == claimants.size()
                ? claimedBy.stream().map(names::of).toList() : claimants;
        return new Signal(id, communityId, kind, platform, workspaceId, channelId, authorId, names.of(author()), body,
                link, themes, createdAt, flaggedAt, votes, named, claimedBy);
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
