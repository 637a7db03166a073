package io.collectivepulse.poll;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Members' votes. A press says what the member wants, never "the opposite of now": pressing an option chooses it
 * (in a single-choice poll, instead of the one chosen before), pressing it again changes nothing, {@code Retirer}
 * under an option of the voter's own view takes that choice back, and {@code Retirer mon vote} every choice. So a
 * double click counts once and a press the platform delivers twice has no second effect, with nothing stored about
 * the press or who made it: toggles would need each press's id kept to tell a redelivery from a second click.
 * Each vote that changes the count redraws the card in every channel of the community (coalesced by the outbox).
 */
final class Votes {
    private final Database database;
    private final CommunityService communities;
    private final Outbox outbox;
    private final PollDao dao;
    private final VoteDao ballots;

    Votes(Database database, CommunityService communities, Outbox outbox, PollDao dao) {
        this.database = database;
        this.communities = communities;
        this.outbox = outbox;
        this.dao = dao;
        this.ballots = new VoteDao(database);
    }

    /**
     * The poll as the member who pressed sees it after their press: the count, and the options they chose (only
     * shown to them, never kept).
     */
    record Ballot(Poll poll, Supplier<Tally> counts, Supplier<Set<Integer>> choices) {
        /**
         * The count now, read when the view is drawn (on Teams): counting every ballot for each vote, where nothing
         * shows it (on Slack), made 1,000 votes a second cost more with each vote.
         */
        Tally tally() {
            return counts.get();
        }

        /** The options the voter chose, read when the view is drawn, like the count. */
        Set<Integer> mine() {
            return choices.get();
        }
    }

    /** Chooses option {@code position} of the poll. */
    Polled<Ballot> choose(Community community, Actor actor, long pollId, int position) {
        return onOpenPoll(community, actor, pollId, (poll, voter) -> {
            VoteDao.Choice choice = ballots.choose(pollId, position, voter, !poll.multiple());
            return choice.offered() ? Polled.done(choice.changed()) : Polled.refused("poll.vote.noSuchOption");
        });
    }

    /** Takes back one choice (the voter's own view offers it under each option they chose). */
    Polled<Ballot> drop(Community community, Actor actor, long pollId, int position) {
        return onOpenPoll(community, actor, pollId,
                (poll, voter) -> Polled.done(ballots.remove(pollId, voter.key(), position)));
    }

    /** Takes back every choice the member made on the poll. */
    Polled<Ballot> withdraw(Community community, Actor actor, long pollId) {
        return onOpenPoll(community, actor, pollId,
                (poll, voter) -> Polled.done(ballots.removeOthers(pollId, voter.key(), 0) > 0));
    }

    /**
     * Who chose what on a poll that is not anonymous, by option position: facilitators only; nobody, for an
     * anonymous poll.
     */
    Polled<Named> names(Community community, Actor actor, long pollId) {
        return database.inTransaction(() -> {
            Optional<Poll> found = dao.find(pollId);
            Optional<Polled<Named>> refused = refusal(community, found);
            if (refused.isPresent()) {
                return refused.get();
            }
            Poll poll = found.get();
            if (poll.anonymous()) {
                return Polled.<Named>refused("poll.voters.anonymous", poll.number());
            }
            if (!communities.isFacilitator(community, actor)) {
                return Polled.<Named>refused("poll.voters.facilitatorsOnly");
            }
            return Polled.done(new Named(poll, dao.tally(pollId), ballots.names(pollId)));
        });
    }

    /** A poll that is not anonymous, with the names of who chose each option. */
    record Named(Poll poll, Tally tally, Map<Integer, List<String>> names) {
    }

    /**
     * Runs {@code vote} in one transaction on a poll of the community that is still open, holding it against its
     * close, under the voter's key (one vote of theirs at a time); otherwise says why not. When the vote changed the
     * count (it says true), the card is redrawn in every channel.
     */
    private Polled<Ballot> onOpenPoll(Community community, Actor actor, long pollId,
                                      BiFunction<Poll, Voter, Polled<Boolean>> vote) {
        return database.inTransaction(() -> {
            Optional<PollDao.Locked> locked = dao.lockForVote(pollId);
            Optional<Polled<Ballot>> refused = refusal(community, locked.map(PollDao.Locked::poll));
            if (refused.isPresent()) {
                return refused.get();
            }
            Poll poll = locked.get().poll();
            if (poll.closed()) {
                return Polled.<Ballot>refused("poll.vote.closed", poll.number());
            }
            Voter voter = Voter.of(poll, locked.get().secret(), actor);
            ballots.lockVoter(pollId, voter.key());
            Polled<Boolean> result = vote.apply(poll, voter);
            if (!(result instanceof Polled.Done<Boolean> done)) {
                Polled.Refused<Boolean> refusal = (Polled.Refused<Boolean>) result;
                return new Polled.Refused<Ballot>(refusal.key(), refusal.args());
            }
            if (done.value()) {
                outbox.redraw(PollService.CARD, pollId, communities.channels(community));
            }
            String key = voter.key();
            return Polled.done(new Ballot(poll, () -> dao.tally(pollId), () -> ballots.chosen(pollId, key)));
        });
    }

    /** Why a press on poll {@code found} from this community's channel cannot be answered, if it cannot. */
    private static <T> Optional<Polled<T>> refusal(Community community, Optional<Poll> found) {
        if (found.isEmpty()) {
            return Optional.of(Polled.refused("poll.vote.notFound"));
        }
        if (found.get().communityId() != community.id()) {
            return Optional.of(Polled.refused("poll.vote.otherCommunity"));
        }
        return Optional.empty();
    }
}
