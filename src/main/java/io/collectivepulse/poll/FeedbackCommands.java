package io.collectivepulse.poll;

import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.Request;
import io.collectivepulse.router.Words;

/**
 * {@code /pulse retour-seance} ({@code session-feedback}): says whether a feedback poll follows each session;
 * facilitators turn it {@code off} or back {@code on}, from the next session's end.
 */
final class FeedbackCommands {
    /** {@code retour-séance} matches too: words are compared without accents. */
    static final Words FEEDBACK = Words.of("retour-seance", "session-feedback");
    static final Words ON = Words.of("on", "on", "oui", "yes");
    static final Words OFF = Words.of("off", "off", "non", "no", "arret", "stop");

    private final FeedbackPolls feedback;

    FeedbackCommands(FeedbackPolls feedback) {
        this.feedback = feedback;
    }

    Reply handle(Request request, Community community, Messages messages) {
        String argument = request.argument().strip();
        if (argument.isEmpty()) {
            return request.privately(messages,
                    feedback.enabled(community) ? "poll.feedback.status.on" : "poll.feedback.status.off",
                    request.prefix());
        }
        boolean on = ON.matches(argument);
        if (!on && !OFF.matches(argument)) {
            return request.privately(messages, "poll.feedback.usage", request.prefix());
        }
        return PollCommands.answer(feedback.turn(community, request.actor(), on), messages, request.prefix(),
                turned -> request.privately(messages, turned ? "poll.feedback.turnedOn" : "poll.feedback.turnedOff",
                        request.prefix()));
    }
}
