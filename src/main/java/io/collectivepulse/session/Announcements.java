package io.collectivepulse.session;

import static io.collectivepulse.session.SessionService.ANNOUNCEMENT;
import static io.collectivepulse.session.SessionService.CANCELLATION;
import static io.collectivepulse.session.SessionService.key;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.People;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.i18n.Messages;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a session posts in the channels and to members, and the cards the outbox draws from the session as it is
 * when they are sent: the announcement with its answers (the members who come by their current names) and agenda,
 * and the cancellation. Each post's idempotency
 * key names the session and the channel (and the session's date for an announcement, the moment it was asked for
 * one posted again), so that the same post is never written twice.
 */
final class Announcements {
    private final CommunityService communities;
    private final Outbox outbox;
    private final SessionDao dao;
    private final Agendas agendas;
    private final Calendars calendars;
    private final People people;

    Announcements(CommunityService communities, Outbox outbox, SessionDao dao, Agendas agendas, Calendars calendars,
                  People people) {
        this.communities = communities;
        this.outbox = outbox;
        this.dao = dao;
        this.agendas = agendas;
        this.calendars = calendars;
        this.people = people;
    }

    /** Posts the session's announcement in every channel: once per date (its sequence) and channel. */
    void announce(Community community, Session session) {
        for (ChannelRef channel : communities.channels(community)) {
            outbox.post(ANNOUNCEMENT, session.id(), channel,
                    ANNOUNCEMENT + ":" + session.id() + ":" + session.sequence() + ":" + key(channel));
        }
    }

    /**
     * Posts the session's cancellation in each channel, where its announcement is redrawn as cancelled, and sends it
     * to each member who had said they would come or might.
     */
    void announceCancellation(Community community, Session session) {
        for (ChannelRef channel : communities.channels(community)) {
            outbox.post(CANCELLATION, session.id(), channel, CANCELLATION + ":" + session.id() + ":" + key(channel));
            outbox.redraw(ANNOUNCEMENT, session.id(), channel);
        }
        for (Answer answer : dao.answers(session.id())) {
            if (answer.choice() != Answer.Choice.NO) {
                ChannelRef direct = ChannelRef.direct(answer.member());
                outbox.post(CANCELLATION, session.id(), direct, CANCELLATION + ":" + session.id() + ":" + key(direct));
            }
        }
    }

    /** Posts the session's announcement again in every channel, as asked at {@code asked}. */
    void announceAgain(Community community, Session session, Instant asked) {
        String at = Long.toString(asked.toEpochMilli());
        communities.channels(community).forEach(channel -> outbox.post(ANNOUNCEMENT, session.id(), channel,
                "session-recall:" + session.id() + ":" + at + ":" + key(channel)));
    }

    /** The announcement of session {@code sessionId}, as it is now. */
    Optional<Card> drawAnnouncement(long sessionId) {
        return draw(sessionId, this::announcement);
    }

    /** The cancellation of session {@code sessionId}. */
    Optional<Card> drawCancellation(long sessionId) {
        return draw(sessionId, this::cancellation);
    }

    private Optional<Card> draw(long sessionId, Function<Session, Card> card) {
        return dao.find(sessionId).map(card);
    }

    private Card announcement(Session session) {
        Community community = communities.find(session.communityId()).orElseThrow();
        Messages messages = Messages.of(community.locale());
        return SessionCards.announcement(messages, community, session, named(dao.answers(session.id())),
                agendas.agenda(community, session), calendars.calendarUrl(session));
    }

    /** The answers, each member called by their current name: drawn when sent, so the platform may be asked. */
    private List<Answer> named(List<Answer> answers) {
        People.Names names = people.current(answers.stream().map(Answer::member).toList());
        return answers.stream().map(a -> new Answer(names.named(a.member()), a.choice(), a.answeredAt())).toList();
    }

    private Card cancellation(Session session) {
        Community community = communities.find(session.communityId()).orElseThrow();
        return SessionCards.cancellation(Messages.of(community.locale()), community, session);
    }
}
