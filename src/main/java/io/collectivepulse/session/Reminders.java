package io.collectivepulse.session;

import static io.collectivepulse.session.SessionService.ANNOUNCEMENT;
import static io.collectivepulse.session.SessionService.REMINDER;
import static io.collectivepulse.session.SessionService.key;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.schedule.PulseScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions' reminders: written with the change that plans or moves a session, at the offsets the community chose
 * ({@code /pulse rappels}), and posted once at the instant Quartz fires, unless the session was moved, cancelled or
 * has started: in the channels, or privately to each member who said they would come or might.
 * {@link MissedReminders} takes over where a private one cannot go.
 */
final class Reminders {
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    private final Database database;
    private final CommunityService communities;
    private final Outbox outbox;
    private final PulseScheduler scheduler;
    private final Clock clock;
    private final SessionDao dao;
    private final ReminderDao reminderDao;

    Reminders(Database database, CommunityService communities, Outbox outbox, PulseScheduler scheduler, Clock clock,
              SessionDao dao, ReminderDao reminderDao) {
        this.database = database;
        this.communities = communities;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.clock = clock;
        this.dao = dao;
        this.reminderDao = reminderDao;
    }

    /** Plans the triggers of reminders that have none (a replica that stopped between a commit and its plan). */
    void start() {
        int planned = 0;
        for (Reminder reminder : reminderDao.pendingReminders()) {
            if (scheduler.next(REMINDER, reminder.id()).isEmpty()) {
                scheduler.planOnce(REMINDER, reminder.id(), reminder.dueAt());
                planned++;
            }
        }
        if (planned > 0) {
            LOG.info("Planned {} session reminders that had no trigger", planned);
        }
    }

    /** The reminders of the community, the default ones until a facilitator changes them. */
    List<ReminderOffset> offsets(Community community) {
        return reminderDao.reminderSettings(community.id()).orElse(ReminderOffset.DEFAULT);
    }

    /**
     * Changes when members are reminded (empty: never); facilitators only. Sessions already planned keep the
     * reminders they have; those planned or moved from now on get the new ones.
     */
    boolean setOffsets(Community community, Actor actor, List<ReminderOffset> offsets) {
        return database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return false;
            }
            reminderDao.saveReminderSettings(community.id(), offsets.stream().distinct().sorted().toList(),
                    clock.instant());
            return true;
        });
    }

    /**
     * Writes the session's reminders for its current date, with the change that plans or moves it; their Quartz
     * triggers are planned once that is committed (a replica that stops in between plans them at its next start).
     */
    void remindOf(Community community, Session session) {
        Instant now = clock.instant();
        List<Reminder> wanted = offsets(community).stream()
                .map(o -> new Reminder(o, o.before(session.startsAt().atZone(community.timeZone())).toInstant()))
                .filter(r -> r.dueAt().isAfter(now))
                .toList();
        List<Reminder> written = reminderDao.addReminders(session, wanted);
        database.afterCommit(() -> written.stream().filter(r -> r.sentAt() == null)
                .forEach(r -> scheduler.planOnce(REMINDER, r.id(), r.dueAt())));
    }

    /** Removes the session's reminders not sent yet, and their triggers once that is committed. */
    void forget(Session session) {
        List<Long> removed = reminderDao.removePendingReminders(session.id());
        database.afterCommit(() -> removed.forEach(id -> scheduler.cancel(REMINDER, id)));
    }

    /**
     * The Quartz task of a reminder: posts it, once, unless its session was moved, cancelled or has started
     * (a reminder missed while every replica was down goes out late only before the session starts).
     */
    void remind(long reminderId) {
        database.inTransaction(() -> {
            Optional<Reminder> found = reminderDao.reminder(reminderId);
            if (found.isEmpty() || found.get().sentAt() != null) {
                return;
            }
            Reminder reminder = found.get();
            Optional<Session> session = dao.find(reminder.sessionId());
            Optional<Community> community = session.flatMap(s -> communities.find(s.communityId()));
            Instant now = clock.instant();
            String outcome;
            if (session.isEmpty() || community.isEmpty() || session.get().cancelled()) {
                outcome = "cancelled";
            } else if (session.get().sequence() != reminder.sequence()) {
                outcome = "moved";
            } else if (!session.get().startsAt().isAfter(now)) {
                outcome = "too_late";
            } else {
                outcome = "sent";
            }
            if (!reminderDao.markDone(reminderId, outcome, now) || !outcome.equals("sent")) {
                LOG.info("Session reminder {} not sent: {}", reminderId, outcome);
                return;
            }
            send(community.get(), session.get(), reminder);
        });
    }

    private void send(Community community, Session session, Reminder reminder) {
        String key = REMINDER + ":" + reminder.id() + ":";
        if (reminder.offset().inChannels()) {
            communities.channels(community).forEach(channel -> outbox.post(ANNOUNCEMENT, session.id(), channel,
                    key + key(channel)));
            return;
        }
        // Asked now, not when the reminder was planned: whoever declined since gets nothing.
        for (Answer answer : dao.answers(session.id())) {
            if (answer.choice() != Answer.Choice.NO) {
                ChannelRef direct = ChannelRef.direct(answer.member());
                outbox.post(REMINDER, reminder.id(), direct, key + key(direct));
            }
        }
    }

    /** The card of reminder {@code reminderId}, as its session is now; nothing once it was moved or cancelled. */
    Optional<Card> draw(long reminderId) {
        // One query for the reminder and its session: a session's reminders go to each of its members, one draw each.
        return dao.owing(reminderId).flatMap(session -> communities.find(session.communityId())
                .map(community -> SessionCards.reminder(Messages.of(community.locale()), community, session)));
    }

    /** Reminder {@code reminderId} with its session and community; nothing once the session was moved or cancelled. */
    Optional<Owed> owed(long reminderId) {
        return reminderDao.reminder(reminderId).flatMap(r -> dao.find(r.sessionId())
                .filter(s -> !s.cancelled() && s.sequence() == r.sequence())
                .flatMap(s -> communities.find(s.communityId()).map(c -> new Owed(r, s, c))));
    }

    /** A reminder still owed for its session's current date. */
    record Owed(Reminder reminder, Session session, Community community) {
    }
}
