package io.collectivepulse.poll;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.db.Rows;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.RunningService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Launches polls over signed HTTP as a facilitator types them ({@link #typed}); or from a {@link PollDraft} built by
 * the test, past what the launch line allows, through a {@link PollService} of the test's own on the running
 * service's database, as a second replica would: its outbox rows are sent by the service's dispatcher.
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

    /**
     * Launches the poll {@code line} describes as a facilitator types it after {@code /sondage}, over signed HTTP,
     * and returns it as stored.
     */
    static Poll typed(PulseService pulse, SlackClient facilitator, String line) {
        String answer = SlackClient.text(facilitator.command("/sondage", line));
        if (!answer.contains("est lancé")) {
            throw new AssertionError("Not launched: " + answer);
        }
        return pulse.service().jdbi().withHandle(h -> h.createQuery("SELECT * FROM poll ORDER BY id DESC LIMIT 1")
                .map((rs, ctx) -> new Poll(rs.getLong("id"), rs.getLong("community_id"), rs.getInt("number"),
                        rs.getString("question"), rs.getBoolean("anonymous"), rs.getBoolean("multiple"),
                        Rows.instant(rs, "ends_at"), Rows.instant(rs, "closed_at")))
                .one());
    }

    /** {@code "Question ?" "A" "B"}: a line of quoted texts. */
    static String quoted(String question, String... options) {
        return Stream.concat(Stream.of(question), Stream.of(options)).map(text -> "\"" + text + "\"")
                .collect(Collectors.joining(" "));
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
