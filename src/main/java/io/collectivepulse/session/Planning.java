package io.collectivepulse.session;

import static io.collectivepulse.session.SessionService.ANNOUNCEMENT;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Facilitators plan sessions (one, or a whole cycle), move, change, cancel them and post an announcement again.
 * Each verb is one transaction with what it owes the channels and the members: announcements, reminders,
 * cancellations.
 */
final class Planning {
    private final Database database;
    private final CommunityService communities;
    private final Outbox outbox;
    private final Clock clock;
    private final SessionDao dao;
    private final Announcements announcements;
    private final Reminders reminders;
    private final SessionEnds ends;
    private final PublicIds publicIds;

    Planning(Database database, CommunityService communities, Outbox outbox, Clock clock, SessionDao dao,
             Announcements announcements, Reminders reminders, SessionEnds ends, PublicIds publicIds) {
        this.database = database;
        this.communities = communities;
        this.outbox = outbox;
        this.clock = clock;
        this.dao = dao;
        this.announcements = announcements;
        this.reminders = reminders;
        this.ends = ends;
        this.publicIds = publicIds;
    }

    /** Today in the community's time zone: dates typed without a year are the next ones from it. */
    LocalDate today(Community community) {
        return clock.instant().atZone(community.timeZone()).toLocalDate();
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
                announcements.announce(community, session);
                reminders.remindOf(community, session);
                ends.plan(session);
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
            announcements.announce(community, moved);
            reminders.remindOf(community, moved);
            ends.plan(moved);
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
            ends.forget(session);
            announcements.announceCancellation(community, session);
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
            ends.plan(changed);
            if (moved) {
                reminders.forget(session);
                announcements.announce(community, changed);
                reminders.remindOf(community, changed);
            } else {
                outbox.redraw(ANNOUNCEMENT, changed.id(), communities.channels(community));
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
            announcements.announceAgain(community, session, clock.instant());
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
}
