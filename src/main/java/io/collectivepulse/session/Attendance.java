package io.collectivepulse.session;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Who came to the sessions: facilitators correct it once a session has started ({@code /seance présence}), and
 * the cycle's review ({@code /seance bilan}) counts it.
 */
final class Attendance {
    private static final String FACILITATORS_ONLY = "session.attendance.facilitatorsOnly";
    /** Refusals of an attendance form that are shown next to its field. */
    static final String CHANGED = "session.attendance.changed";
    static final String UNKNOWN_NUMBER = "session.attendance.unknownNumber";

    private final CommunityService communities;
    private final Clock clock;
    private final SessionDao dao;
    private final SessionEnds ends;
    private final AttendanceDao attendanceDao;
    private final FacilitatorGate facilitator;

    Attendance(CommunityService communities, Clock clock, SessionDao dao, SessionEnds ends,
               AttendanceDao attendanceDao, FacilitatorGate facilitator) {
        this.communities = communities;
        this.clock = clock;
        this.dao = dao;
        this.ends = ends;
        this.attendanceDao = attendanceDao;
        this.facilitator = facilitator;
    }

    /**
     * The cycle's review, facilitators only: each session with its answers; for those that took place, who came
     * (as a facilitator recorded it, otherwise those who said they would), and the rate over the cycle.
     */
    Optional<Review> review(Community community, Actor actor) {
        if (!communities.isFacilitator(community, actor)) {
            return Optional.empty();
        }
        Map<Long, SessionDao.Tally> tallies = dao.tallies(community.id()).stream()
                .collect(Collectors.toMap(SessionDao.Tally::sessionId, t -> t));
        Map<Long, List<String>> recorded = attendanceDao.came(community.id());
        Instant now = clock.instant();
        List<Review.Line> lines = dao.all(community.id()).stream()
                .map(s -> {
                    boolean held = !s.cancelled() && !s.endsAt().isAfter(now);
                    return new Review.Line(s, tallies.get(s.id()), held, Optional.ofNullable(recorded.get(s.id())),
                            held ? ends.followUp().reviewNote(s.id(), community.locale()) : Optional.empty());
                })
                .toList();
        return Optional.of(new Review(lines));
    }

    /** Who answered session {@code number}, and who came, for the form that corrects it; facilitators only. */
    Facilitated<AttendanceSheet> attendanceSheet(Community community, Actor actor, int number) {
        return facilitator.byNumber(community, actor, FACILITATORS_ONLY, number,
                session -> sheet(community, session));
    }

    /**
     * Records who came to session {@code sessionId}: the members numbered {@code present} on the sheet the form
     * showed ({@code version}) as present, the others as absent, all in one go. The review counts them from then on.
     */
    Facilitated<AttendanceSheet> recordAttendance(Community community, Actor actor, long sessionId, String version,
                                                  Set<Integer> present) {
        return facilitator.byId(community, actor, FACILITATORS_ONLY, sessionId, session -> {
            Facilitated<AttendanceSheet> found = sheet(community, session);
            if (!(found instanceof Facilitated.Done<AttendanceSheet> done)) {
                return found;
            }
            List<AttendanceSheet.Attendee> attendees = done.value().attendees();
            if (!done.value().version().equals(version)) {
                return Facilitated.refused(CHANGED, session.number());
            }
            Optional<Integer> unknown = present.stream().filter(n -> n < 1 || n > attendees.size()).findFirst();
            if (unknown.isPresent()) {
                return Facilitated.refused(UNKNOWN_NUMBER, unknown.get(), attendees.size());
            }
            attendanceDao.record(session.id(), IntStream.range(0, attendees.size())
                    .mapToObj(i -> new AttendanceDao.Presence(attendees.get(i).member(), present.contains(i + 1)))
                    .toList(), actor.userId(), clock.instant());
            return sheet(community, session);
        });
    }

    /** The session's attendance sheet, once it has started, if anyone answered its announcement. */
    private Facilitated<AttendanceSheet> sheet(Community community, Session session) {
        if (session.startsAt().isAfter(clock.instant())) {
            return Facilitated.refused("session.attendance.notStarted", session.number(),
                    SessionWhen.dateTime(session.startsAt().atZone(community.timeZone()), community.locale()));
        }
        List<Answer> answers = dao.answers(session.id());
        if (answers.isEmpty()) {
            return Facilitated.refused("session.attendance.nobody", session.number());
        }
        Map<String, Boolean> recorded = attendanceDao.of(session.id()).stream()
                .collect(Collectors.toMap(p -> AttendanceSheet.key(p.member()), AttendanceDao.Presence::present));
        return new Facilitated.Done<>(AttendanceSheet.of(session, answers, recorded, community.locale()));
    }
}
