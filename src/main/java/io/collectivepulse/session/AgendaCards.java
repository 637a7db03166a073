package io.collectivepulse.session;

import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Link;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.signal.Signal;
import io.collectivepulse.signal.ThemeCount;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /seance ordre-du-jour <n°>}: a session's agenda for its facilitators, each item with a button that takes it
 * off, then the items taken off, each with a button that puts it back.
 */
final class AgendaCards {
    private AgendaCards() {
    }

    static Card edit(Messages messages, Community community, AgendaEdit edit) {
        Session session = edit.session();
        List<Card.Item> items = new ArrayList<>();
        items.add(Card.Item.of(messages.get("session.agenda.edit.intro",
                SessionWhen.dateTime(session.startsAt().atZone(community.timeZone()), messages.locale()))));
        if (edit.kept().isEmpty()) {
            items.add(Card.Item.of(messages.get("session.agenda.edit.empty")));
        } else {
            items.add(Card.Item.heading(messages.get("session.agenda.title")));
            items.addAll(items(messages, session, edit.kept(), "session.button.remove",
                    SessionActions.AGENDA_REMOVE));
        }
        if (!edit.removed().isEmpty()) {
            items.add(Card.Item.heading(messages.get("session.agenda.edit.removed")));
            items.addAll(items(messages, session, edit.removed(), "session.button.restore",
                    SessionActions.AGENDA_RESTORE));
        }
        return new Card(messages.get("session.agenda.edit.title", session.number(), session.title()), items,
                edit.removed().isEmpty() ? null : messages.get("session.agenda.edit.footer"));
    }

    /** The agenda's signals and themes as on the announcement, each with one button. */
    private static List<Card.Item> items(Messages messages, Session session, Agenda agenda,
                                         String labelKey, String action) {
        List<Card.Item> items = new ArrayList<>();
        for (Signal signal : agenda.signals()) {
            items.add(new Card.Item(signal.body(), messages.get("session.agenda.signal", signal.authorName()),
                    List.of(), List.of(button(messages, labelKey, action, session, AgendaItem.of(signal))), false,
                    null, signal.link() == null ? null : Link.to(signal.link())));
        }
        for (ThemeCount theme : agenda.themes()) {
            items.add(new Card.Item(messages.get("session.agenda.theme", theme.name(),
                    String.join(", ", theme.claimants())), null, List.of(),
                    List.of(button(messages, labelKey, action, session, AgendaItem.of(theme))), false));
        }
        return items;
    }

    private static Button button(Messages messages, String labelKey, String action, Session session,
                                 AgendaItem item) {
        return Button.action(messages.get(labelKey), action, SessionActions.agendaValue(session, item));
    }
}
