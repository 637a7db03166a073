package io.collectivepulse.poll;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.RunningService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Launches polls from a {@link PollDraft} built by the test, through a {@link PollService} of the test's own on the
 * running service's database, as a second replica would: its outbox rows are sent by the service's dispatcher.
 * (The launch line and form, which parse into a draft, are tested apart.)
 */
final class PollAccess {
    private final CommunityService communities;
    private final PollService polls;

    PollAccess(RunningService service, Clock clock) {
        var app = service.app();
        this.communities = new CommunityService(app.database(), clock, Locale.FRENCH, ZoneId.of("Europe/Paris"));
        this.polls = new PollService(app.database(), communities, new Outbox(app.database(), clock), app.scheduler(),
                clock);
    }

    /** A Slack member of the fake workspace, as {@code PulseService.member} names them. */
    static Actor slackMember(String user) {
        return new Actor(Platform.SLACK, FakeSlackApi.TEAM_ID, user, user.substring(2).toLowerCase(Locale.ROOT));
    }

    static ChannelRef slackChannel(String channel) {
        return new ChannelRef(Platform.SLACK, FakeSlackApi.TEAM_ID, channel);
    }

    static PollDraft draft(String question, List<String> options, boolean anonymous, boolean multiple,
                           Instant endsAt) {
        return new PollDraft(question, options, anonymous, multiple, endsAt);
    }

    /** Launches the poll as {@code actor} in the community of {@code channel}: the poll, or the refusal's key. */
    Polled<Poll> launch(ChannelRef channel, Actor actor, PollDraft draft) {
        Community community = communities.findByChannel(channel).orElseThrow();
        return polls.launch(community, actor, draft);
    }

    /** What the deadline's trigger runs, as another replica would run it. */
    void closeAtDeadline(long pollId) {
        polls.closeAtDeadline(pollId);
    }

    /** The launched poll, failing with the refusal's key otherwise. */
    Poll launched(ChannelRef channel, Actor actor, PollDraft draft) {
        Polled<Poll> result = launch(channel, actor, draft);
        if (result instanceof Polled.Done<Poll> done) {
            return done.value();
        }
        throw new AssertionError("Refused: " + ((Polled.Refused<Poll>) result).key());
    }
}
