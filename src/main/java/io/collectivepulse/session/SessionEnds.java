package io.collectivepulse.session;

import io.collectivepulse.db.Database;
import io.collectivepulse.schedule.PulseScheduler;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of each session, for the features that follow sessions up ({@link SessionFollowUp}): a Quartz trigger at
 * the end, planned with the change that plans, moves or changes a session and removed when it is cancelled; when
 * it fires, the session is marked followed up and the follow-up runs in that transaction, once.
 */
final class SessionEnds {
    static final String END = "session-end";
    private static final Logger LOG = LoggerFactory.getLogger(SessionEnds.class);

    private final Database database;
    private final PulseScheduler scheduler;
    private final Clock clock;
    private final SessionDao dao;
    private volatile SessionFollowUp followUp = SessionFollowUp.NONE;

    SessionEnds(Database database, PulseScheduler scheduler, Clock clock, SessionDao dao) {
        this.database = database;
        this.scheduler = scheduler;
        this.clock = clock;
        this.dao = dao;
    }

    void followUp(SessionFollowUp followUp) {
        this.followUp = followUp;
    }

    SessionFollowUp followUp() {
        return followUp;
    }

    /** Plans (or re-plans) the trigger at the session's end, once the change is committed. */
    void plan(Session session) {
        database.afterCommit(() -> scheduler.planOnce(END, session.id(), session.endsAt()));
    }

    /** Removes the trigger of a cancelled session, once that is committed. */
    void forget(Session session) {
        database.afterCommit(() -> scheduler.cancel(END, session.id()));
    }

    /** Plans the triggers of sessions to come that have none (a replica that stopped between a commit and a plan). */
    void start() {
        var planned = scheduler.planned(END);
        dao.toFollowUp(clock.instant()).stream().filter(s -> !planned.contains(s.id()))
                .forEach(s -> scheduler.planOnce(END, s.id(), s.endsAt()));
    }

    /**
     * The Quartz task: hands the session's end to the follow-up, once, if it took place and has ended (a session
     * made longer since its trigger was planned gets a trigger at its new end).
     */
    void ended(long sessionId) {
        Optional<Session> planned = database.inTransaction(() -> {
            Optional<Session> session = dao.find(sessionId).filter(s -> !s.cancelled());
            if (session.isEmpty() || session.get().endsAt().isAfter(clock.instant())) {
                return session;
            }
            if (dao.markFollowedUp(sessionId, clock.instant())) {
                Session ended = session.get();
                followUp.ended(ended.communityId(), ended.id(), ended.number(), ended.title());
                LOG.info("Session {} ended: followed up", sessionId);
            }
            return Optional.<Session>empty();
        });
        planned.ifPresent(s -> scheduler.planOnce(END, s.id(), s.endsAt()));
    }
}
