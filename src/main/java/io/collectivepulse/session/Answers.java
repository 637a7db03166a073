package io.collectivepulse.session;

import static io.collectivepulse.session.SessionService.ANNOUNCEMENT;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Members' answers to announcements: je participe, peut-être, je ne peux pas; and the sessions to come. */
final class Answers {
    private final Database database;
    private final CommunityService communities;
    private final Outbox outbox;
    private final Clock clock;
    private final SessionDao dao;

    Answers(Database database, CommunityService communities, Outbox outbox, Clock clock, SessionDao dao) {
        this.database = database;
        this.communities = communities;
        this.outbox = outbox;
        this.clock = clock;
        this.dao = dao;
    }

    /** The outcome of a member's answer. */
    enum Answered { DONE, UNCHANGED, NOT_FOUND, CANCELLED, OVER }

    /** Records the member's answer and redraws the announcement in every channel (a burst is one redraw). */
    Answered answer(Community community, Actor actor, long sessionId, Answer.Choice choice) {
        return database.inTransaction(() -> {
            Optional<Session> found = dao.find(sessionId).filter(s -> s.communityId() == community.id());
            if (found.isEmpty()) {
                return Answered.NOT_FOUND;
            }
            if (found.get().cancelled()) {
                return Answered.CANCELLED;
            }
            if (!found.get().endsAt().isAfter(clock.instant())) {
                return Answered.OVER;
            }
            communities.recordParticipation(community, actor);
            if (!dao.answer(sessionId, actor, choice, clock.instant())) {
                return Answered.UNCHANGED;
            }
            outbox.redraw(ANNOUNCEMENT, sessionId, communities.channels(community));
            return Answered.DONE;
        });
    }

    /** The sessions to come, each with the actor's answer if they gave one. */
    List<Upcoming> upcoming(Community community, Actor actor) {
        return dao.upcoming(community.id(), clock.instant()).stream()
                .map(s -> new Upcoming(s, dao.answerOf(s.id(), actor).map(Answer::choice))).toList();
    }

    /** A session to come, with the member's answer if they gave one. */
    record Upcoming(Session session, Optional<Answer.Choice> answer) {
    }
}
