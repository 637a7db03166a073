package io.collectivepulse.poll;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import java.util.Optional;

/**
 * The buttons of poll cards: an option's vote, Retirer mon vote, Voir les votes, Clôturer. A press names its poll by
 * id; the poll must belong to the community of the channel the press comes from, or nothing changes. A vote is
 * answered on Teams with the voter's own view of the card ({@link io.collectivepulse.chat.Reply#view}, in place of
 * the card for them alone, from the Action.Execute invoke: nothing is posted in the conversation for everyone),
 * which marks their choices and is kept nowhere; on Slack with nothing (see {@link #view}). These buttons are
 * private: the bridges keep no replay key naming the presser, and each press is idempotent by what it says.
 */
final class PollPresses {
    private final PollService polls;

    PollPresses(PollService polls) {
        this.polls = polls;
    }

    /** A button of a poll card pressed in a channel of the community. */
    Reply press(ButtonPress press, Community community, Messages messages, String prefix) {
        Optional<Long> id = PollCommands.id(press.value());
        return id.isEmpty() ? Reply.privately(Card.text(messages.get("poll.vote.notFound")))
                : pressed(press, community, id.get(), messages, prefix);
    }

    /** The press on poll {@code pollId} from a channel of the community. */
    private Reply pressed(ButtonPress press, Community community, long pollId, Messages messages, String prefix) {
        String action = press.action();
        Actor actor = press.actor();
        Votes votes = polls.votes();
        Polled<Votes.Ballot> voted = null;
        if (action.startsWith(PollActions.VOTE)) {
            voted = votes.choose(community, actor, pollId, PollActions.position(action, PollActions.VOTE));
        } else if (action.startsWith(PollActions.DROP)) {
            voted = votes.drop(community, actor, pollId, PollActions.position(action, PollActions.DROP));
        } else if (action.equals(PollActions.WITHDRAW)) {
            voted = votes.withdraw(community, actor, pollId);
        }
        if (voted != null) {
            return view(press, voted, community, messages, prefix);
        }
        return switch (action) {
            case PollActions.CLOSE -> PollCommands.answer(polls.close(community, actor, pollId), messages, prefix,
                    poll -> Reply.none());
            case PollActions.VOTERS -> PollCommands.answer(votes.names(community, actor, pollId), messages, prefix,
                    named -> Reply.privately(PollCards.names(messages, named)));
            default -> Reply.privately(Card.text(messages.get("action.unknown")));
        };
    }

    /**
     * The voter's own view of the card after their press, to them alone, on Teams; nothing on Slack, where the card
     * redrawn in the channel shows the count. On Slack a view is an ephemeral message sent by the outbox in the
     * channel's lane, at Slack's pace for the channel: 200 votes at once held the channel card's redraw behind 200
     * ephemerals (still not redrawn 15 s later in PollVotesTest), and until sent each row holds the member beside
     * their choice. On Teams the view is the answer to the Action.Execute invoke: nothing is queued or stored.
     */
    private Reply view(ButtonPress press, Polled<Votes.Ballot> result, Community community, Messages messages,
                       String prefix) {
        return PollCommands.answer(result, messages, prefix, ballot -> press.channel().platform() == Platform.TEAMS
                ? Reply.view(PollCards.view(messages, community, ballot, polls.now())) : Reply.none());
    }
}
