package io.collectivepulse.poll;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.Request;
import java.util.Map;

/**
 * Launching a poll: {@code /sondage} followed by its line ({@link PollDraft#fromLine}), or alone, which opens the
 * form ({@link PollForm}) whose submission launches it. Facilitators only: a member gets the refusal before any
 * parsing or form, and nothing is created.
 */
final class PollLaunches {
    private final CommunityService communities;
    private final PollService polls;

    PollLaunches(CommunityService communities, PollService polls) {
        this.communities = communities;
        this.polls = polls;
    }

    /** {@code /sondage …}: the poll the line describes, or its refusal; alone, the form. */
    Reply line(Request request, Community community, Messages messages) {
        if (!communities.isFacilitator(community, request.actor())) {
            return request.privately(messages, "poll.launch.facilitatorsOnly", request.prefix());
        }
        if (request.argument().isEmpty()) {
            return Reply.form(PollForm.form(messages),
                    Card.text(messages.get("poll.form.unavailable", request.prefix())));
        }
        PollDraft.Parsed parsed = PollDraft.fromLine(request.argument(), community.timeZone(), polls.now());
        if (parsed instanceof PollDraft.Parsed.Refused refused) {
            return Reply.privately(Card.text(messages.get(refused.key(), refused.args().toArray())));
        }
        return launch(request.actor(), community, messages, request.prefix(), ((PollDraft.Parsed.Ok) parsed).draft());
    }

    /** The form submitted: the poll it describes, or its refusal next to the field it is about. */
    Reply form(ButtonPress press, Community community, Messages messages, String prefix) {
        PollDraft.Parsed parsed = PollForm.read(press, community.timeZone(), polls.now());
        if (parsed instanceof PollDraft.Parsed.Refused refused) {
            return Reply.fieldErrors(Map.of(refused.field(), messages.get(refused.key(), refused.args().toArray())));
        }
        return launch(press.actor(), community, messages, prefix, ((PollDraft.Parsed.Ok) parsed).draft());
    }

    /** Launches the poll; its card goes to every channel of the community, and its facilitator is told so. */
    private Reply launch(Actor actor, Community community, Messages messages, String prefix, PollDraft draft) {
        return PollCommands.answer(polls.launch(community, actor, draft), messages, prefix,
                poll -> Reply.privately(Card.text(messages.get("poll.launched", poll.number(),
                        communities.channels(community).size()))));
    }
}
