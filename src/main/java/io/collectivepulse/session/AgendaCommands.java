package io.collectivepulse.session;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.Request;
import java.util.Optional;

/**
 * {@code /seance ordre-du-jour <n°>}, facilitators only: the session's agenda, privately, and its buttons — Retirer
 * takes an item off, Remettre puts it back; each answers with the agenda as it is now.
 */
final class AgendaCommands {
    private final Agendas agendas;

    AgendaCommands(Agendas agendas) {
        this.agendas = agendas;
    }

    Reply show(Request request, Community community, Messages messages) {
        Optional<Integer> number = SessionCommands.number(request.argument());
        if (number.isEmpty()) {
            return request.privately(messages, "session.usage.agenda", request.prefix());
        }
        return shown(agendas.agendaToEdit(community, request.actor(), number.get()), community, messages,
                request.prefix());
    }

    /** Retirer or Remettre: the value is {@code <session id>:<item code>}. */
    Reply press(ButtonPress press, Community community, Messages messages) {
        String[] value = press.value().split(":", 2);
        long id = SessionCommands.id(value[0]);
        Optional<AgendaItem> item = value.length == 2 ? AgendaItem.parse(value[1]) : Optional.empty();
        if (id < 0 || item.isEmpty()) {
            return Reply.privately(Card.text(messages.get("action.unknown")));
        }
        boolean off = press.action().equals(SessionActions.AGENDA_REMOVE);
        return shown(agendas.editAgenda(community, press.actor(), id, item.get(), off), community, messages,
                press.channel().platform().commandPrefix());
    }

    private static Reply shown(Facilitated<AgendaEdit> result, Community community, Messages messages,
                               String prefix) {
        if (result instanceof Facilitated.Done<AgendaEdit> done) {
            return Reply.privately(AgendaCards.edit(messages, community, done.value()));
        }
        return SessionCommands.refused((Facilitated.Refused<?>) result, messages, prefix);
    }
}
