package io.collectivepulse.signal;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.MemberText;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import java.time.Clock;
import java.util.List;

/** Posting weak signals and reading the community's latest ones. */
public final class SignalService {
    public static final int LIST_SIZE = 10;

    private final SignalDao dao;
    private final CommunityService communities;
    private final Clock clock;

    public SignalService(SignalDao dao, CommunityService communities, Clock clock) {
        this.dao = dao;
        this.communities = communities;
        this.clock = clock;
    }

    /** Validates and stores a signal for the channel's community; nothing is stored unless it is posted whole. */
    public PostResult post(Community community, Actor actor, ChannelRef channel, String rawText) {
        String text = MemberText.clean(rawText);
        if (MemberText.length(text) > Signal.MAX_LENGTH) {
            return new PostResult.TooLong(MemberText.length(text), Signal.MAX_LENGTH);
        }
        SignalText parsed = SignalText.parse(text);
        if (parsed.body().isEmpty()) {
            return new PostResult.Empty();
        }
        if (parsed.themes().size() > Signal.MAX_THEMES) {
            return new PostResult.TooManyThemes(Signal.MAX_THEMES);
        }
        communities.recordParticipation(community, actor);
        Signal signal = dao.insert(community.id(), channel.platform().id(), channel.workspaceId(), channel.channelId(),
                actor.userId(), actor.displayName(), parsed.body(), parsed.themes().toArray(String[]::new),
                clock.instant());
        return new PostResult.Posted(signal);
    }

    /** The community's latest signals, newest first. */
    public List<Signal> latest(Community community) {
        return dao.latest(community.id(), LIST_SIZE);
    }

    /** What {@link #post} did. */
    public sealed interface PostResult {
        record Posted(Signal signal) implements PostResult {
        }

        record Empty() implements PostResult {
        }

        record TooLong(int length, int max) implements PostResult {
        }

        record TooManyThemes(int max) implements PostResult {
        }
    }
}
