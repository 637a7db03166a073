package io.collectivepulse.session;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a facilitator's verb on one session starts: it runs in one transaction if the actor is a facilitator and the
 * session exists and is not cancelled; otherwise it is refused with the message that says which of these it is not.
 */
final class FacilitatorGate {
    private final Database database;
    private final CommunityService communities;
    private final SessionDao dao;

    FacilitatorGate(Database database, CommunityService communities, SessionDao dao) {
        this.database = database;
        this.communities = communities;
        this.dao = dao;
    }

    /**
     * Runs {@code verb} on session {@code number} in one transaction, if the actor is a facilitator and the session
     * exists and is not cancelled; otherwise refuses with the message that says which of these it is not.
     */
    <T> Facilitated<T> byNumber(Community community, Actor actor, String facilitatorsOnly, int number,
                                Function<Session, Facilitated<T>> verb) {
        return database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return Facilitated.<T>refused(facilitatorsOnly);
            }
            Optional<Session> found = dao.byNumber(community.id(), number);
            if (found.isEmpty()) {
                return Facilitated.<T>refused("session.notFound", number);
            }
            return found.get().cancelled() ? Facilitated.<T>refused("session.alreadyCancelled", number)
                    : verb.apply(found.get());
        });
    }

    /** Same, for session {@code id} of the community, as a button or a form names it. */
    <T> Facilitated<T> byId(Community community, Actor actor, String facilitatorsOnly, long id,
                            Function<Session, Facilitated<T>> verb) {
        Optional<Session> found = dao.find(id).filter(s -> s.communityId() == community.id());
        return found.isEmpty() ? Facilitated.refused("session.answer.notFound")
                : byNumber(community, actor, facilitatorsOnly, found.get().number(), verb);
    }
}
