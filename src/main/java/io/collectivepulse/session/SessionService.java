package io.collectivepulse.session;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.People;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.schedule.PulseScheduler;
import io.collectivepulse.signal.SignalService;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cycle of sessions: facilitators plan, move and cancel them; members answer; the announcements, reminders
 * and cancellations go out through the outbox, the reminders at the instants Quartz fires, in the community's time
 * zone. Every change and what it owes the channels are committed together.
 *
 * <p>This class wires the parts of the feature ({@link Planning}, {@link Answers}, {@link Reminders},
 * {@link Agendas}, {@link Attendance}, {@link Calendars}) and registers what it draws and runs with the outbox and
 * the scheduler; the calendar routes read sessions through its public methods.
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

    private final CommunityService communities;
    private final Planning planning;
    private final Answers answers;
    private final Reminders reminders;
    private final Agendas agendas;
    private final Attendance attendance;
    private final Calendars calendars;
    private final SessionEnds ends;

    /** {@code baseUrl}: where the service is reached from the Internet (BASE_URL), for the calendar addresses. */
    public SessionService(Database database, CommunityService communities, SignalService signals, Outbox outbox,
                          PulseScheduler scheduler, Clock clock, Optional<URI> baseUrl) {
        this(database, communities, signals, outbox, scheduler, clock, baseUrl, new People());
    }

    /**
     * Same, with the names members go by: an announcement drawn when sent calls the members who come by their
     * current names (on Slack, their display names).
     */
    public SessionService(Database database, CommunityService communities, SignalService signals, Outbox outbox,
                          PulseScheduler scheduler, Clock clock, Optional<URI> baseUrl, People people) {
        this.communities = communities;
        var dao = new SessionDao(database);
        var reminderDao = new ReminderDao(database);
        var publicIds = new PublicIds();
        var facilitator = new FacilitatorGate(database, communities, dao);
        this.agendas = new Agendas(communities, signals, outbox, clock, dao, new AgendaDao(database), facilitator);
        this.calendars = new Calendars(database, communities, clock, dao, new CalendarDao(database), agendas,
                publicIds, baseUrl);
        this.answers = new Answers(database, communities, outbox, clock, dao);
        this.reminders = new Reminders(database, communities, outbox, scheduler, clock, dao, reminderDao);
        this.ends = new SessionEnds(database, scheduler, clock, dao);
        this.attendance = new Attendance(communities, clock, dao, ends, new AttendanceDao(database), facilitator);
        var announcements = new Announcements(communities, outbox, dao, agendas, calendars, people);
        this.planning = new Planning(database, communities, outbox, clock, dao, announcements, reminders, ends,
                publicIds);
        scheduler.register(REMINDER, reminders::remind);
        scheduler.register(SessionEnds.END, ends::ended);
        outbox.source(ANNOUNCEMENT, (id, channel, asOf, posted) -> announcements.drawAnnouncement(id), PATIENCE);
        var missed = new MissedReminders(database, dao, reminders, communities, outbox, clock);
        outbox.source(REMINDER, (id, channel, asOf, posted) -> reminders.draw(id), PATIENCE, missed::undelivered);
        outbox.source(MissedReminders.KIND, (id, channel, asOf, posted) -> missed.draw(id, channel), PATIENCE);
        communities.listen(missed);
        outbox.source(CANCELLATION, (id, channel, asOf, posted) -> announcements.drawCancellation(id), PATIENCE);
    }

    /**
     * Plans the triggers of reminders and session ends that have none (a replica that stopped between a commit and
     * its plan).
     */
    public void start() {
        reminders.start();
        ends.start();
    }

    /** What other features do when a session ends and add to the cycle's review; call while wiring. */
    public void followUp(SessionFollowUp followUp) {
        ends.followUp(followUp);
    }

    /** Planning, moving, changing and cancelling sessions, for the facilitators' commands and the session form. */
    Planning planning() {
        return planning;
    }

    /** Members' answers, for their buttons and {@code /seance}. */
    Answers answers() {
        return answers;
    }

    /** When members are reminded, for the facilitators' command. */
    Reminders reminders() {
        return reminders;
    }

    /** The community's reminder offsets as codes ({@code J-7 J-1 H-1}), earliest first; empty when off. */
    public List<String> reminderCodes(Community community) {
        return reminders.offsets(community).stream().map(ReminderOffset::code).toList();
    }

    /** Reminder codes as members read them in {@code locale}: {@code D-7 D-1 H-1} in English. */
    public String reminderLabels(List<String> codes, Locale locale) {
        return String.join(" ", codes.stream().map(ReminderOffset::parse).flatMap(Optional::stream)
                .map(offset -> offset.label(locale)).toList());
    }

    /**
     * Changes the community's reminders to these codes ({@code J-1}, {@code H-1}; none: off); false, and nothing
     * changed, when one is not a reminder or the member does not facilitate the community.
     */
    public boolean setReminders(Community community, Actor actor, List<String> codes) {
        List<ReminderOffset> offsets = codes.stream().map(ReminderOffset::parse).flatMap(Optional::stream).toList();
        return offsets.size() == codes.size() && reminders.setOffsets(community, actor, offsets);
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
