package io.collectivepulse.session;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.i18n.Messages;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What calendars get of sessions: the address of each session's file, a community's feed behind its token, and
 * what an event says; facilitators ask for the feed's address or renew it ({@code /pulse calendrier}).
 */
final class Calendars {
    private final Database database;
    private final CommunityService communities;
    private final Clock clock;
    private final SessionDao dao;
    private final CalendarDao calendarDao;
    private final Agendas agendas;
    private final PublicIds publicIds;
    private final Optional<URI> baseUrl;

    Calendars(Database database, CommunityService communities, Clock clock, SessionDao dao, CalendarDao calendarDao,
              Agendas agendas, PublicIds publicIds, Optional<URI> baseUrl) {
        this.database = database;
        this.communities = communities;
        this.clock = clock;
        this.dao = dao;
        this.calendarDao = calendarDao;
        this.agendas = agendas;
        this.publicIds = publicIds;
        this.baseUrl = baseUrl;
    }

    /** The address of the session's calendar file, when the service knows its own (BASE_URL). */
    Optional<String> calendarUrl(Session session) {
        return baseUrl.map(base -> base.resolve(SessionService.SESSION_FILES + session.publicId() + ".ics")
                .toString());
    }

    /** The session of a calendar file, by its unguessable id. */
    Optional<Session> byPublicId(String publicId) {
        return PublicIds.looksValid(publicId) ? dao.byPublicId(publicId) : Optional.empty();
    }

    /** The community of a calendar feed and every session of its cycle, by the feed's token. */
    Optional<SessionService.Feed> feed(String token) {
        if (!PublicIds.looksValid(token)) {
            return Optional.empty();
        }
        return calendarDao.communityOfFeed(token).flatMap(communities::find)
                .map(community -> new SessionService.Feed(community, dao.all(community.id())));
    }

    /** What a calendar shows of the session: the facilitators' notes and the agenda the shared watch brought. */
    String description(Community community, Session session) {
        Messages messages = Messages.of(community.locale());
        List<String> lines = new ArrayList<>();
        if (session.guest() != null) {
            lines.add(messages.get("session.guest", session.guest()));
        }
        if (session.notes() != null) {
            lines.add(messages.get("session.notes", session.notes()));
        }
        Agenda agenda = agendas.agenda(community, session);
        if (!session.cancelled() && !agenda.isEmpty()) {
            lines.add(messages.get("session.agenda.title"));
            agenda.signals().forEach(s -> lines.add("- " + s.body() + " (" + messages.get("session.agenda.signal",
                    s.authorName()) + ")"));
            agenda.themes().forEach(t -> lines.add("- " + messages.get("session.agenda.theme", t.name(),
                    String.join(", ", t.claimants()))));
        }
        if (session.link() != null) {
            lines.add(messages.get("session.calendar.video", session.link()));
        }
        return String.join("\n", lines);
    }

    /** The outcome of a facilitator's question about the calendar feed. */
    sealed interface FeedAddress {
        record Shown(String https, String webcal) implements FeedAddress {
        }

        record NoBaseUrl() implements FeedAddress {
        }

        record FacilitatorsOnly() implements FeedAddress {
        }
    }

    /** The feed's address (a token is made the first time); with {@code renew}, a new one that revokes the old. */
    FeedAddress feedAddress(Community community, Actor actor, boolean renew) {
        if (baseUrl.isEmpty()) {
            return new FeedAddress.NoBaseUrl();
        }
        return database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return new FeedAddress.FacilitatorsOnly();
            }
            Optional<String> existing = renew ? Optional.empty() : calendarDao.feedToken(community.id());
            String token = existing.orElseGet(() -> {
                String fresh = publicIds.next();
                calendarDao.saveFeedToken(community.id(), fresh, clock.instant());
                return fresh;
            });
            URI https = baseUrl.get().resolve(SessionService.FEEDS + token + ".ics");
            return new FeedAddress.Shown(https.toString(), "webcal://" + https.getRawAuthority() + https.getRawPath());
        });
    }
}
