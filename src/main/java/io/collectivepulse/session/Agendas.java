package io.collectivepulse.session;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.signal.Signal;
import io.collectivepulse.signal.SignalService;
import io.collectivepulse.signal.ThemeCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Sessions' agendas: what the shared watch brings to each session, less what its facilitators took off; they see
 * a session's agenda and take items off it or put them back.
 */
final class Agendas {
    /** How far back the agenda looks when there was no session before. */
    static final Duration WITHOUT_PREVIOUS = Duration.ofDays(60);
    private static final String FACILITATORS_ONLY = "session.agenda.facilitatorsOnly";

    private final CommunityService communities;
    private final SignalService signals;
    private final Outbox outbox;
    private final Clock clock;
    private final SessionDao dao;
    private final AgendaDao agendaDao;
    private final FacilitatorGate facilitator;

    Agendas(CommunityService communities, SignalService signals, Outbox outbox, Clock clock, SessionDao dao,
            AgendaDao agendaDao, FacilitatorGate facilitator) {
        this.communities = communities;
        this.signals = signals;
        this.outbox = outbox;
        this.clock = clock;
        this.dao = dao;
        this.agendaDao = agendaDao;
        this.facilitator = facilitator;
    }

    /**
     * What the shared watch brings to the session: the signals flagged for a session and those taken up, and the
     * themes taken up, since the previous session (or the last two months); less what facilitators took off it.
     */
    Agenda agenda(Community community, Session session) {
        return watched(community, session).without(agendaDao.removed(session.id()));
    }

    /** Everything the shared watch brings to the session, the items taken off its agenda included. */
    private Agenda watched(Community community, Session session) {
        Instant since = dao.all(community.id()).stream()
                .filter(s -> !s.cancelled() && s.startsAt().isBefore(session.startsAt()))
                .map(Session::startsAt).max(Instant::compareTo)
                .orElse(session.startsAt().minus(WITHOUT_PREVIOUS));
        Instant until = session.startsAt().isBefore(clock.instant()) ? session.startsAt() : clock.instant();
        List<Signal> items = signals.posted(community, until, until, since).stream()
                .filter(s -> s.isFlagged() || !s.claimants().isEmpty()).toList();
        List<ThemeCount> themes = signals.claimedThemes(community, since);
        return new Agenda(items, themes);
    }

    /** Session {@code number}'s agenda and the items taken off it; facilitators only. */
    Facilitated<AgendaEdit> agendaToEdit(Community community, Actor actor, int number) {
        return facilitator.byNumber(community, actor, FACILITATORS_ONLY, number, session ->
                new Facilitated.Done<>(agendaEdit(community, session)));
    }

    /**
     * Takes {@code item} off session {@code sessionId}'s agenda ({@code off}) or puts it back; when that changes the
     * agenda, the session's announcement is redrawn in every channel (its reminders and calendar file are drawn
     * from the agenda when they are sent or asked for). Pressing twice changes nothing more.
     */
    Facilitated<AgendaEdit> editAgenda(Community community, Actor actor, long sessionId, AgendaItem item,
                                       boolean off) {
        return facilitator.byId(community, actor, FACILITATORS_ONLY, sessionId, session -> {
            boolean changed;
            if (off) {
                // Only what the watch brings can be taken off: a button cannot store an item of its own making.
                changed = watched(community, session).contains(item)
                        && agendaDao.remove(session.id(), item, actor.userId(), clock.instant());
            } else {
                changed = agendaDao.restore(session.id(), item);
            }
            if (changed) {
                outbox.redraw(SessionService.ANNOUNCEMENT, session.id(), communities.channels(community));
            }
            return new Facilitated.Done<>(agendaEdit(community, session));
        });
    }

    private AgendaEdit agendaEdit(Community community, Session session) {
        Agenda watched = watched(community, session);
        Set<AgendaItem> removed = agendaDao.removed(session.id());
        return new AgendaEdit(session, watched.without(removed), watched.only(removed));
    }
}
