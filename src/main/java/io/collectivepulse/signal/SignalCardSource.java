package io.collectivepulse.signal;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.People;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.delivery.CardSource;
import io.collectivepulse.i18n.Messages;
import java.time.Instant;
import java.util.Optional;

/**
 * Draws a signal's (or a resource's) card as it is when the outbox sends it: with its +1s, claims and flag; a
 * signal deleted before its card went out is not posted, and one deleted afterwards leaves a short notice. Its author
 * and claimants are called by their current names (a Slack member by their display name, not their handle).
 */
final class SignalCardSource implements CardSource {
    private final SignalDao dao;
    private final CommunityService communities;
    private final Signal.Kind kind;
    private final People people;

    SignalCardSource(SignalDao dao, CommunityService communities, Signal.Kind kind, People people) {
        this.dao = dao;
        this.communities = communities;
        this.kind = kind;
        this.people = people;
    }

    @Override
    public Optional<Card> draw(long subjectId, ChannelRef channel, Instant asOf, boolean posted) {
        Optional<Signal> signal = dao.findById(subjectId);
        if (signal.isPresent()) {
            Community community = communities.find(signal.get().communityId()).orElseThrow();
            // Drawn in the outbox's thread, not while a platform waits: names may be asked of the platform here.
            Signal named = signal.get().named(people.current(signal.get().people()));
            return Optional.of(SignalCards.card(Messages.of(community.locale()), community, named));
        }
        if (!posted) {
            return Optional.empty();
        }
        Messages messages = communities.messages(communities.findByChannel(channel));
        return Optional.of(Card.text(messages.get(kind == Signal.Kind.RESOURCE ? "watch.deleted" : "signal.deleted")));
    }
}
