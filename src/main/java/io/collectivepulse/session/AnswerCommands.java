package io.collectivepulse.session;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.Request;
import java.util.ArrayList;
import java.util.List;

/** {@code /seance} alone, the sessions to come with my answer; and the answer buttons of announcements. */
final class AnswerCommands {
    private final Answers answers;

    AnswerCommands(Answers answers) {
        this.answers = answers;
    }

    /** {@code /seance} alone: the sessions to come, each with my answer, privately. */
    Reply list(Request request, Community community, Messages messages) {
        List<Answers.Upcoming> upcoming = answers.upcoming(community, request.actor());
        if (upcoming.isEmpty()) {
            return request.privately(messages, "session.list.empty", request.prefix());
        }
        List<Card.Item> items = new ArrayList<>();
        upcoming.forEach(u -> items.add(SessionCards.upcoming(messages, community, u)));
        return Reply.privately(new Card(messages.get("session.list.title", community.name()), items,
                messages.get("session.list.footer")));
    }

    /** Je participe, Peut-être, Je ne peux pas under an announcement. */
    Reply press(ButtonPress press, Community community, Messages messages) {
        Answer.Choice choice = switch (press.action()) {
            case SessionActions.YES -> Answer.Choice.YES;
            case SessionActions.MAYBE -> Answer.Choice.MAYBE;
            case SessionActions.NO -> Answer.Choice.NO;
            default -> null;
        };
        long id = SessionCommands.id(press.value());
        if (choice == null || id < 0) {
            return Reply.privately(Card.text(messages.get("action.unknown")));
        }
        return switch (answers.answer(community, press.actor(), id, choice)) {
            case DONE, UNCHANGED -> Reply.none();
            case NOT_FOUND -> Reply.privately(Card.text(messages.get("session.answer.notFound")));
            case CANCELLED -> Reply.privately(Card.text(messages.get("session.answer.cancelled")));
            case OVER -> Reply.privately(Card.text(messages.get("session.answer.over")));
        };
    }
}
