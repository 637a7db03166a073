package io.collectivepulse.poll;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import java.util.Optional;

/**
 * The buttons of poll cards: an option's vote, Retirer mon vote, Voir les votes, Clôturer. A press names its poll by
 * id; the poll must belong to the community of the channel the press comes from, or nothing changes. A vote is
 * answered with nothing: the card, redrawn in every channel, shows the count, and no message anywhere (an outbox
 * row for the member included) says what the member chose.
 */
final class PollPresses {
    private final CommunityService communities;
    private final PollService polls;

    PollPresses(CommunityService communities, PollService polls) {
        this.communities = communities;
        this.polls = polls;
    }

    Reply press(ButtonPress press) {
        Optional<Community> found = communities.findByChannel(press.channel());
        Messages messages = communities.messages(found);
        String prefix = press.channel().platform().commandPrefix();
        Optional<Long> id = PollCommands.id(press.value());
        if (found.isEmpty()) {
            return Reply.privately(Card.text(messages.get("poll.notLinked", prefix)));
        }
        if (id.isEmpty()) {
            return Reply.privately(Card.text(messages.get("poll.vote.notFound")));
        }
        Community community = found.get();
        long pollId = id.get();
        String action = press.action();
        Votes votes = polls.votes();
        if (action.startsWith(PollActions.VOTE)) {
            return quietly(votes.choose(community, press.actor(), pollId, PollActions.position(action,
                    PollActions.VOTE)), messages, prefix);
        }
        if (action.startsWith(PollActions.DROP)) {
            return quietly(votes.drop(community, press.actor(), pollId, PollActions.position(action,
                    PollActions.DROP)), messages, prefix);
        }
        return switch (action) {
            case PollActions.WITHDRAW -> quietly(votes.withdraw(community, press.actor(), pollId), messages, prefix);
            case PollActions.CLOSE -> quietly(polls.close(community, press.actor(), pollId), messages, prefix);
            case PollActions.VOTERS -> PollCommands.answer(votes.names(community, press.actor(), pollId), messages,
                    prefix, named -> Reply.privately(PollCards.names(messages, named)));
            default -> Reply.privately(Card.text(messages.get("action.unknown")));
        };
    }

    /** Nothing to say when it was done (the cards show it); the refusal otherwise. */
    private static <T> Reply quietly(Polled<T> result, Messages messages, String prefix) {
        return PollCommands.answer(result, messages, prefix, done -> Reply.none());
    }
}
