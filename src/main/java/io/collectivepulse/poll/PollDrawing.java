package io.collectivepulse.poll;

import io.collectivepulse.chat.Card;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import java.time.Clock;
import java.util.Optional;

/** The cards the outbox draws for polls, from the poll as it is when they are sent (a deleted poll: nothing). */
final class PollDrawing {
    private final CommunityService communities;
    private final PollDao dao;
    private final Clock clock;

    PollDrawing(CommunityService communities, PollDao dao, Clock clock) {
        this.communities = communities;
        this.dao = dao;
        this.clock = clock;
    }

    Optional<Card> card(long pollId) {
        return dao.find(pollId).flatMap(poll -> communities.find(poll.communityId()).map(community ->
                PollCards.card(messages(community), community, poll, dao.tally(pollId), clock.instant())));
    }

    /** The results of a closed poll (its close posts them). */
    Optional<Card> results(long pollId) {
        return dao.find(pollId).filter(Poll::closed).flatMap(poll -> communities.find(poll.communityId())
                .map(community -> PollCards.results(messages(community), poll, dao.tally(pollId))));
    }

    private static Messages messages(Community community) {
        return Messages.of(community.locale());
    }
}
