package io.collectivepulse.session;

import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Link;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What sessions look like in the channels: the announcement with its answers, a reminder, a cancellation. */
final class SessionCards {
    /** Names of members who come shown on the card; beyond, "and n more". */
    static final int NAMES_SHOWN = 15;

    private SessionCards() {
    }

    static Card announcement(Messages messages, Community community, Session session, List<Answer> answers,
                             Agenda agenda, Optional<String> calendarUrl) {
        List<Card.Item> items = new ArrayList<>(details(messages, community, session));
        if (session.cancelled()) {
            items.add(Card.Item.of(messages.get("session.announcement.cancelled")));
            return new Card(messages.get("session.announcement.title", session.number(), session.title()), items, null);
        }
        if (!agenda.isEmpty()) {
            items.add(Card.Item.heading(messages.get("session.agenda.title")));
            agenda.signals().forEach(signal -> items.add(new Card.Item(signal.body(),
                    messages.get("session.agenda.signal", signal.authorName()), List.of())
                    .withLink(signal.link() == null ? null : Link.to(signal.link()))));
            agenda.themes().forEach(theme -> items.add(Card.Item.of(messages.get("session.agenda.theme", theme.name(),
                    String.join(", ", theme.claimants())))));
        }
        items.add(answersItem(messages, session, answers, calendarUrl));
        return new Card(messages.get("session.announcement.title", session.number(), session.title()), items,
                messages.get("session.announcement.footer"));
    }

    static Card reminder(Messages messages, Community community, Session session) {
        List<Card.Item> items = new ArrayList<>(details(messages, community, session));
        items.add(Card.Item.of(messages.get("session.reminder.decline")));
        return new Card(messages.get("session.reminder.title", session.number(), session.title()), items, null);
    }

    static Card cancellation(Messages messages, Community community, Session session) {
        ZonedDateTime start = session.startsAt().atZone(community.timeZone());
        return new Card(messages.get("session.cancelled.title", session.number(), session.title()),
                List.of(Card.Item.of(messages.get("session.cancelled.body",
                        SessionWhen.dateTime(start, messages.locale())))), null);
    }

    /** When, how long, where, with whom, and the facilitators' notes. */
    private static List<Card.Item> details(Messages messages, Community community, Session session) {
        ZonedDateTime start = session.startsAt().atZone(community.timeZone());
        List<Card.Item> items = new ArrayList<>();
        items.add(Card.Item.of(messages.get("session.when", SessionWhen.dateTime(start, messages.locale()),
                SessionWhen.duration(session.duration(), messages.locale()))));
        if (session.place() != null) {
            items.add(Card.Item.of(messages.get("session.place", session.place())));
        }
        if (session.link() != null) {
            items.add(new Card.Item(messages.get("session.video"), null, List.of(),
                    List.of(Button.link(messages.get("session.button.join"), session.link())), false));
        }
        if (session.guest() != null) {
            items.add(Card.Item.of(messages.get("session.guest", session.guest())));
        }
        if (session.notes() != null) {
            items.add(Card.Item.of(messages.get("session.notes", session.notes())));
        }
        return items;
    }

    /** The counts, who comes, and the buttons to answer. */
    private static Card.Item answersItem(Messages messages, Session session, List<Answer> answers,
                                         Optional<String> calendarUrl) {
        List<String> coming = answers.stream().filter(a -> a.choice() == Answer.Choice.YES)
                .map(a -> a.member().displayName()).toList();
        long maybe = answers.stream().filter(a -> a.choice() == Answer.Choice.MAYBE).count();
        long no = answers.stream().filter(a -> a.choice() == Answer.Choice.NO).count();
        String names = coming.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
        if (coming.size() > NAMES_SHOWN) {
            names = messages.get("session.andMore", names, coming.size() - NAMES_SHOWN);
        }
        String text = messages.get("session.counts", coming.size(), maybe, no)
                + (coming.isEmpty() ? "" : "\n" + messages.get("session.coming", names));
        String id = Long.toString(session.id());
        List<Button> buttons = new ArrayList<>(List.of(
                Button.action(messages.get("session.button.yes"), SessionActions.YES, id),
                Button.action(messages.get("session.button.maybe"), SessionActions.MAYBE, id),
                Button.action(messages.get("session.button.no"), SessionActions.NO, id)));
        calendarUrl.ifPresent(url -> buttons.add(Button.link(messages.get("session.button.calendar"), url)));
        return new Card.Item(text, null, List.of(), buttons, false);
    }

    /** One line of {@code /seance}: number, title, when, and the member's answer. */
    static Card.Item upcoming(Messages messages, Community community, Answers.Upcoming upcoming) {
        Session session = upcoming.session();
        String answer = upcoming.answer().map(choice -> messages.get("session.yourAnswer." + choice.name()
                .toLowerCase(Locale.ROOT))).orElse(messages.get("session.yourAnswer.none"));
        return new Card.Item(messages.get("session.announcement.title", session.number(), session.title()),
                SessionWhen.dateTime(session.startsAt().atZone(community.timeZone()), messages.locale()) + " · "
                        + answer, List.of());
    }

    /**
     * {@code /seance bilan}: a line per session, who came to those that took place (as recorded, when a facilitator
     * did), the rate over the cycle.
     */
    static Card review(Messages messages, Community community, Review review) {
        List<Card.Item> items = new ArrayList<>();
        for (Review.Line line : review.lines()) {
            Session session = line.session();
            String when = SessionWhen.dateTime(session.startsAt().atZone(community.timeZone()), messages.locale());
            String counts = session.cancelled() ? messages.get("session.review.cancelled")
                    : messages.get("session.counts", line.tally().yes(), line.tally().maybe(), line.tally().no());
            List<String> names = line.came();
            String came = !line.held() ? "" : "\n" + messages.get(line.recorded().isPresent()
                    ? "session.review.cameRecorded" : "session.review.came", names.size(),
                    names.isEmpty() ? "—" : String.join(", ", names));
            String note = line.note().map(n -> "\n" + n).orElse("");
            items.add(new Card.Item(counts + came + note, messages.get("session.review.line", session.number(),
                    session.title(), when), List.of()));
        }
        String footer = review.attendanceRate().isPresent()
                ? messages.get("session.review.rate", review.attendanceRate().getAsInt())
                : messages.get("session.review.noneHeld");
        return new Card(messages.get("session.review.title", community.name()), items, footer);
    }
}
