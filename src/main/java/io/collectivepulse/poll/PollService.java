package io.collectivepulse.poll;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.schedule.PulseScheduler;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Polls that facilitators launch in a community's channels (and the service itself after each session,
 * {@link FeedbackPolls}): launched, voted on ({@link Votes}), closed by a facilitator or at their deadline (a Quartz
 * trigger), listed, their results shown. Every verb is one transaction
 * with the outbox rows it owes: the poll card posted in every channel of the community on both platforms, redrawn
 * after each vote (a burst of votes is one redraw per channel), redrawn as closed with the results posted once per
 * channel by whichever close wins.
 */
public final class PollService {
    static final String CARD = "poll";
    static final String RESULTS = "poll-results";
    static final String DEADLINE = "poll-close";
    /** How long a poll's card or results are worth retrying. */
    private static final Duration PATIENCE = Duration.ofHours(12);

    private final Database database;
    private final CommunityService communities;
    private final Outbox outbox;
    private final PulseScheduler scheduler;
    private final Clock clock;
    private final PollDao dao;
    private final Votes votes;
    private final FeedbackPolls feedback;
    private final SecureRandom random = new SecureRandom();

    public PollService(Database database, CommunityService communities, Outbox outbox, PulseScheduler scheduler,
                       Clock clock) {
        this.database = database;
        this.communities = communities;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.clock = clock;
        this.dao = new PollDao(database);
        this.votes = new Votes(database, communities, outbox, dao);
        this.feedback = new FeedbackPolls(database, communities, this, dao, clock);
        var drawing = new PollDrawing(communities, dao, clock);
        outbox.source(CARD, (id, channel, asOf, posted) -> drawing.card(id), PATIENCE);
        outbox.source(RESULTS, (id, channel, asOf, posted) -> drawing.results(id), PATIENCE);
        scheduler.register(DEADLINE, this::closeAtDeadline);
    }

    /**
     * Plans the deadlines of open polls that have no trigger (a replica that stopped between a commit and its plan,
     * polls restored from a backup).
     */
    public void start() {
        Set<Long> planned = scheduler.planned(DEADLINE);
        dao.openWithDeadline().stream().filter(poll -> !planned.contains(poll.id()))
                .forEach(poll -> scheduler.planOnce(DEADLINE, poll.id(), poll.endsAt()));
    }

    /** Members' votes, for the buttons of poll cards. */
    Votes votes() {
        return votes;
    }

    /** The feedback poll after each session: for the wiring to sessions' end, and the facilitators' command. */
    public FeedbackPolls feedback() {
        return feedback;
    }

    /**
     * Launches the poll (facilitators only) and posts its card in every channel of the community; its deadline, if
     * any, is planned once the launch is committed.
     */
    Polled<Poll> launch(Community community, Actor actor, PollDraft draft) {
        return database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return Polled.<Poll>refused("poll.launch.facilitatorsOnly");
            }
            if (draft.endsAt() != null && !draft.endsAt().isAfter(clock.instant())) {
                return Polled.<Poll>refused("poll.launch.endsInPast");
            }
            return Polled.done(post(community, draft, null).orElseThrow());
        });
    }

    /**
     * In the caller's transaction, whoever asks (a facilitator's launch, or the service's own after a session):
     * numbers the poll like every other, stores it, posts its card in every channel of the community and plans its
     * deadline, if any, once that is committed. Empty when {@code sessionId} (null for a poll that follows no
     * session) already has its poll.
     */
    Optional<Poll> post(Community community, PollDraft draft, Long sessionId) {
        dao.lockCommunity(community.id());
        Optional<Poll> posted = dao.insert(community.id(), draft,
                draft.anonymous() ? Voter.newSecret(random) : null, clock.instant(), sessionId);
        posted.ifPresent(poll -> {
            for (ChannelRef channel : communities.channels(community)) {
                outbox.post(CARD, poll.id(), channel, CARD + ":" + poll.id() + ":" + key(channel));
            }
            if (poll.endsAt() != null) {
                database.afterCommit(() -> scheduler.planOnce(DEADLINE, poll.id(), poll.endsAt()));
            }
        });
        return posted;
    }

    /** {@code /sondage clôturer <n°>}: closes the community's poll n°, facilitators only. */
    Polled<Poll> close(Community community, Actor actor, int number) {
        return database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return Polled.<Poll>refused("poll.close.facilitatorsOnly");
            }
            Optional<Poll> found = dao.byNumber(community.id(), number);
            if (found.isEmpty()) {
                return Polled.<Poll>refused("poll.notFound", number);
            }
            return closeNow(found.get())
                    .<Polled<Poll>>map(Polled::done)
                    .orElseGet(() -> Polled.refused("poll.close.already", number));
        });
    }

    /** The Clôturer button of a poll card: the same, for the poll the button names. */
    Polled<Poll> close(Community community, Actor actor, long pollId) {
        Optional<Poll> found = dao.find(pollId);
        if (found.isEmpty()) {
            return Polled.refused("poll.vote.notFound");
        }
        if (found.get().communityId() != community.id()) {
            return Polled.refused("poll.vote.otherCommunity");
        }
        return close(community, actor, found.get().number());
    }

    /** What the deadline's trigger runs: closes the poll unless it is already (on whichever replica fires it). */
    void closeAtDeadline(long pollId) {
        database.inTransaction(() -> dao.find(pollId).filter(poll -> !poll.closed()).flatMap(this::closeNow));
    }

    /**
     * Closes the poll if it is still open: the close that wins freezes the counts, forgets the ballots of an
     * anonymous poll with their key, redraws the card as closed and posts the results once in each channel; a close
     * that loses (the deadline and a facilitator at the same moment, two replicas) writes nothing.
     */
    private Optional<Poll> closeNow(Poll open) {
        Optional<Poll> closed = dao.close(open.id(), clock.instant());
        closed.ifPresent(poll -> {
            dao.freeze(poll);
            Community community = communities.find(poll.communityId()).orElseThrow();
            for (ChannelRef channel : communities.channels(community)) {
                outbox.redraw(CARD, poll.id(), channel);
                outbox.post(RESULTS, poll.id(), channel, RESULTS + ":" + poll.id() + ":" + key(channel));
            }
            if (poll.endsAt() != null) {
                database.afterCommit(() -> scheduler.cancel(DEADLINE, poll.id()));
            }
        });
        return closed;
    }

    /** {@code /sondage liste}: the community's open polls, each with its count so far. */
    List<Counted> open(Community community) {
        return dao.open(community.id()).stream().map(poll -> new Counted(poll, dao.tally(poll.id()))).toList();
    }

    /** {@code /sondage résultats <n°>}: a closed poll's results; an open one has them on its card. */
    Polled<Counted> results(Community community, int number) {
        Optional<Poll> found = dao.byNumber(community.id(), number);
        if (found.isEmpty()) {
            return Polled.refused("poll.notFound", number);
        }
        return found.get().closed() ? Polled.done(new Counted(found.get(), dao.tally(found.get().id())))
                : Polled.refused("poll.results.stillOpen", number);
    }

    /** {@code /sondage rouvrir <n°>}: a closed poll stays closed, and an open one needs no reopening. */
    Polled<Poll> reopen(Community community, int number) {
        Optional<Poll> found = dao.byNumber(community.id(), number);
        if (found.isEmpty()) {
            return Polled.refused("poll.notFound", number);
        }
        return Polled.refused(found.get().closed() ? "poll.reopen.refused" : "poll.reopen.stillOpen", number);
    }

    /** The service's time, for cards drawn for a command (a deadline's year is written when it is not this one). */
    java.time.Instant now() {
        return clock.instant();
    }

    /** A poll and its count. */
    record Counted(Poll poll, Tally tally) {
    }

    /** The channel's part of an outbox row's idempotency key. */
    private static String key(ChannelRef channel) {
        return channel.platform().id() + ":" + channel.workspaceId() + ":" + channel.channelId();
    }
}
