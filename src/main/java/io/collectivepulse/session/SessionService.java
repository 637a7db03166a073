package io.collectivepulse.session;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.schedule.PulseScheduler;
import io.collectivepulse.signal.SignalService;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cycle of sessions: facilitators plan, move and cancel them; members answer; the announcements, reminders
 * and cancellations go out through the outbox, the reminders at the instants Quartz fires, in the community's time
 * zone. Every change and what it owes the channels are committed together.
 */
public final class SessionService {
    static final String ANNOUNCEMENT = "session";
    static final String REMINDER = "session-reminder";
    static final String CANCELLATION = "session-cancelled";
    /** How long an announcement or a cancellation is retried; a reminder is dropped once its session starts. */
    private static final Duration PATIENCE = Duration.ofHours(12);
    /** Where a session's calendar file and a community's feed are served. */
    public static final String SESSION_FILES = "/seances/";
    public static final String FEEDS = "/calendrier/";

    private final Database database;
    private final CommunityService communities;
    private final SignalService signals;
    private final Outbox outbox;
    private final PulseScheduler scheduler;
    private final Clock clock;
    private final SessionDao dao;
    private final ReminderDao reminderDao;
    private final AgendaDao agendaDao;
    private final FacilitatorGate facilitator;
    private final Agendas agendas;
    private final Attendance attendance;
    private final Reminders reminders;
    private final Answers answers;
    private final Calendars calendars;
    private final PublicIds publicIds = new PublicIds();
    private final Optional<URI> baseUrl;

    /** {@code baseUrl}: where the service is reached from the Internet (BASE_URL), for the calendar addresses. */
    public SessionService(Database database, CommunityService communities, SignalService signals, Outbox outbox,
                          PulseScheduler scheduler, Clock clock, Optional<URI> baseUrl) {
        this.baseUrl = baseUrl;
        this.database = database;
        this.communities = communities;
        this.signals = signals;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.clock = clock;
        this.dao = new SessionDao(database);
        this.reminderDao = new ReminderDao(database);
        this.agendaDao = new AgendaDao(database);
        this.facilitator = new FacilitatorGate(database, communities, dao);
        this.agendas = new Agendas(communities, signals, outbox, clock, dao, agendaDao, facilitator);
        this.calendars = new Calendars(database, communities, clock, dao, new CalendarDao(database), agendas,
                publicIds, baseUrl);
        this.answers = new Answers(database, communities, outbox, clock, dao);
        this.reminders = new Reminders(database, communities, outbox, scheduler, clock, dao, reminderDao);
        this.attendance = new Attendance(communities, clock, dao, new AttendanceDao(database), facilitator);
        scheduler.register(REMINDER, reminders::remind);
        outbox.source(ANNOUNCEMENT, (id, channel, asOf, posted) -> draw(id, this::announcement), PATIENCE);
        var missed = new MissedReminders(database, dao, reminderDao, communities, outbox, clock);
        outbox.source(REMINDER, (id, channel, asOf, posted) -> reminders.draw(id), PATIENCE, missed::undelivered);
        outbox.source(MissedReminders.KIND, (id, channel, asOf, posted) -> missed.draw(id, channel), PATIENCE);
        communities.listen(missed);
        outbox.source(CANCELLATION, (id, channel, asOf, posted) -> draw(id, this::cancellation), PATIENCE);
    }

    /** Plans the triggers of reminders that have none (a replica that stopped between a commit and its plan). */
    public void start() {
        reminders.start();
    }

    /** Members' answers, for their buttons and {@code /seance}. */
    Answers answers() {
        return answers;
    }

    /** When members are reminded, for the facilitators' command. */
    Reminders reminders() {
        return reminders;
    }

    /** Sessions' agendas, for the facilitators' commands. */
    Agendas agendas() {
        return agendas;
    }

    /** Who came to sessions, for the facilitators' commands. */
    Attendance attendance() {
        return attendance;
    }

    /** The calendar feed's address, for the facilitators' command. */
    Calendars calendars() {
        return calendars;
    }

    /** The outcome of a facilitator's planning. */
    sealed interface Planned {
        record Done(List<Session> sessions) implements Planned {
        }

        record FacilitatorsOnly() implements Planned {
        }

        record NotFound(int number) implements Planned {
        }

        record AlreadyCancelled(Session session) implements Planned {
        }

        record InThePast() implements Planned {
        }
    }

    /** Plans sessions (one, or a whole cycle) and announces each in every linked channel. */
    Planned plan(Community community, Actor actor, List<Draft> drafts) {
        Instant now = clock.instant();
        if (drafts.stream().anyMatch(d -> !d.startsAt().isAfter(now))) {
            return new Planned.InThePast();
        }
        return database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return new Planned.FacilitatorsOnly();
            }
            dao.lock(community.id());
            List<Session> sessions = new ArrayList<>();
            for (Draft draft : drafts) {
                Session session = dao.insert(community.id(), draft, publicIds.next(), actor.userId(), now);
                announce(community, session);
                reminders.remindOf(community, session);
                sessions.add(session);
            }
            return new Planned.Done(sessions);
        });
    }

    /** Moves session {@code number} to {@code startsAt}: a new announcement, new reminders, a new calendar version. */
    Planned move(Community community, Actor actor, int number, Instant startsAt) {
        if (!startsAt.isAfter(clock.instant())) {
            return new Planned.InThePast();
        }
        return changing(community, actor, number, session -> {
            reminders.forget(session);
            Session moved = dao.move(session.id(), startsAt, clock.instant());
            announce(community, moved);
            reminders.remindOf(community, moved);
            return new Planned.Done(List.of(moved));
        });
    }

    /**
     * Cancels session {@code number}: its reminders go, one cancellation is posted in each channel and sent to each
     * member who had said they would come or might, and its announcement is redrawn as cancelled.
     */
    Planned cancel(Community community, Actor actor, int number) {
        return changing(community, actor, number, found -> {
            // Cancelled by a concurrent command since it was read: one cancellation only.
            Optional<Session> cancelled = dao.cancel(found.id(), clock.instant());
            if (cancelled.isEmpty()) {
                return new Planned.AlreadyCancelled(found);
            }
            Session session = cancelled.get();
            reminders.forget(session);
            for (ChannelRef channel : communities.channels(community)) {
                outbox.post(CANCELLATION, session.id(), channel, CANCELLATION + ":" + session.id() + ":" + key(channel));
                outbox.redraw(ANNOUNCEMENT, session.id(), channel);
            }
            for (Answer answer : dao.answers(session.id())) {
                if (answer.choice() != Answer.Choice.NO) {
                    ChannelRef direct = ChannelRef.direct(answer.member());
                    outbox.post(CANCELLATION, session.id(), direct,
                            CANCELLATION + ":" + session.id() + ":" + key(direct));
                }
            }
            return new Planned.Done(List.of(session));
        });
    }

    /** Session {@code number}, for the form that changes it; facilitators only. */
    Planned toEdit(Community community, Actor actor, int number) {
        return changing(community, actor, number, session -> new Planned.Done(List.of(session)));
    }

    /**
     * Changes session {@code id} as the form says: moved, a new announcement and new reminders; otherwise the
     * announcement is redrawn. Either way its calendar version goes up.
     */
    Planned edit(Community community, Actor actor, long id, Draft draft) {
        if (!draft.startsAt().isAfter(clock.instant())) {
            return new Planned.InThePast();
        }
        Optional<Session> found = dao.find(id).filter(s -> s.communityId() == community.id());
        if (found.isEmpty()) {
            return new Planned.NotFound(0);
        }
        return changing(community, actor, found.get().number(), session -> {
            boolean moved = !session.startsAt().equals(draft.startsAt());
            Session changed = dao.update(session.id(), draft, clock.instant());
            if (moved) {
                reminders.forget(session);
                announce(community, changed);
                reminders.remindOf(community, changed);
            } else {
                communities.channels(community).forEach(c -> outbox.redraw(ANNOUNCEMENT, changed.id(), c));
            }
            return new Planned.Done(List.of(changed));
        });
    }

    /** Posts session {@code number}'s announcement again in every channel, now; facilitators only. */
    Planned recall(Community community, Actor actor, int number) {
        return changing(community, actor, number, session -> {
            if (!session.startsAt().isAfter(clock.instant())) {
                return new Planned.InThePast();
            }
            String asked = Long.toString(clock.instant().toEpochMilli());
            communities.channels(community).forEach(channel -> outbox.post(ANNOUNCEMENT, session.id(), channel,
                    "session-recall:" + session.id() + ":" + asked + ":" + key(channel)));
            return new Planned.Done(List.of(session));
        });
    }

    /**
     * Runs {@code change} on session {@code number} in one transaction, if the actor is a facilitator and the
     * session exists and is not cancelled; otherwise says which of these it is not.
     */
    private Planned changing(Community community, Actor actor, int number, Function<Session, Planned> change) {
        return database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return new Planned.FacilitatorsOnly();
            }
            Optional<Session> found = dao.byNumber(community.id(), number);
            if (found.isEmpty()) {
                return new Planned.NotFound(number);
            }
            return found.get().cancelled() ? new Planned.AlreadyCancelled(found.get()) : change.apply(found.get());
        });
    }

    private void announce(Community community, Session session) {
        for (ChannelRef channel : communities.channels(community)) {
            outbox.post(ANNOUNCEMENT, session.id(), channel,
                    ANNOUNCEMENT + ":" + session.id() + ":" + session.sequence() + ":" + key(channel));
        }
    }

    private Optional<Card> draw(long sessionId, Function<Session, Card> card) {
        return dao.find(sessionId).map(card);
    }

    private Card announcement(Session session) {
        Community community = communities.find(session.communityId()).orElseThrow();
        Messages messages = Messages.of(community.locale());
        return SessionCards.announcement(messages, community, session, dao.answers(session.id()),
                agendas.agenda(community, session), calendars.calendarUrl(session));
    }

    private Card cancellation(Session session) {
        Community community = communities.find(session.communityId()).orElseThrow();
        return SessionCards.cancellation(Messages.of(community.locale()), community, session);
    }

    /** Today in the community's time zone: dates typed without a year are the next ones from it. */
    java.time.LocalDate today(Community community) {
        return clock.instant().atZone(community.timeZone()).toLocalDate();
    }

    /** The address of the session's calendar file, when the service knows its own (BASE_URL). */
    public Optional<String> calendarUrl(Session session) {
        return calendars.calendarUrl(session);
    }

    /** The session of a calendar file, by its unguessable id. */
    public Optional<Session> byPublicId(String publicId) {
        return calendars.byPublicId(publicId);
    }

    /** The community of a calendar feed and every session of its cycle, by the feed's token. */
    public Optional<Feed> feed(String token) {
        return calendars.feed(token);
    }

    /** A community's calendar feed: the community and its sessions. */
    public record Feed(Community community, List<Session> sessions) {
    }

    /** The community a session belongs to. */
    public Optional<Community> community(Session session) {
        return communities.find(session.communityId());
    }

    /** What a calendar shows of the session: the facilitators' notes and the agenda the shared watch brought. */
    public String description(Community community, Session session) {
        return calendars.description(community, session);
    }

    /** The channel's part of an outbox row's idempotency key. */
    static String key(ChannelRef channel) {
        return channel.platform().id() + ":" + channel.workspaceId() + ":" + channel.channelId();
    }
}
