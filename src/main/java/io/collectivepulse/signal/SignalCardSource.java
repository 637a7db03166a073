package io.collectivepulse.signal;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.delivery.CardSource;
import io.collectivepulse.i18n.Messages;
import java.time.Instant;
import java.util.Optional;

/**
 * Draws a signal's (or a resource's) card as it is when the outbox sends it: with its +1s, claims and flag; a
 * signal deleted before its card went out is not posted, and one deleted afterwards leaves a short notice.
 */
final class SignalCardSource implements CardSource {
    private final SignalDao dao;
    private final CommunityService communities;
    private final Signal.Kind kind;

    SignalCardSource(SignalDao dao, CommunityService communities, Signal.Kind kind) {
        this.dao = dao;
        this.communities = communities;
        this.kind = kind;
    }

    @Override
    public Optional<Card> draw(long subjectId, ChannelRef channel, Instant asOf, boolean posted) {
        Optional<Signal> signal = dao.findById(subjectId);
        if (signal.isPresent()) {
            Community community = communities.find(signal.get().communityId()).orElseThrow();
            return Optional.of(SignalCards.card(Messages.of(community.locale()), community, signal.get()));
        }
        if (!posted) {
            return Optional.empty();
        }
        Messages messages = communities.messages(communities.findByChannel(channel));
        return Optional.of(Card.text(messages.get(kind == Signal.Kind.RESOURCE ? "watch.deleted" : "signal.deleted")));
    }
}
