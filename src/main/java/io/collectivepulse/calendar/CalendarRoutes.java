package io.collectivepulse.calendar;

import io.collectivepulse.community.Community;
import io.collectivepulse.session.Session;
import io.collectivepulse.session.SessionService;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.Optional;

/**
 * The calendar addresses: {@code GET /seances/{id}.ics}, one session, and {@code GET /calendrier/{token}.ics}, a
 * community's feed. Both ids are unguessable; an unknown or revoked one gets the same 404 as a malformed one, so
 * that nothing tells whether a session or a community exists.
 */
public final class CalendarRoutes {
    public static final String SESSION_PATH = SessionService.SESSION_FILES + "{file}";
    public static final String FEED_PATH = SessionService.FEEDS + "{file}";
    private static final String SUFFIX = ".ics";

    private final SessionService sessions;

    public CalendarRoutes(SessionService sessions) {
        this.sessions = sessions;
    }

    public Handler session() {
        return ctx -> {
            Optional<Session> session = id(ctx).flatMap(sessions::byPublicId);
            Optional<Community> community = session.flatMap(sessions::community);
            if (community.isEmpty()) {
                notFound(ctx);
                return;
            }
            ics(ctx, SessionCalendar.event(session.get(), community.get(),
                    sessions.description(community.get(), session.get()),
                    sessions.calendarUrl(session.get()).map(URI::create)));
        };
    }

    public Handler feed() {
        return ctx -> {
            Optional<SessionService.Feed> feed = id(ctx).flatMap(sessions::feed);
            if (feed.isEmpty()) {
                notFound(ctx);
                return;
            }
            Community community = feed.get().community();
            ics(ctx, SessionCalendar.feed(community, feed.get().sessions(),
                    session -> sessions.description(community, session)));
        };
    }

    private static Optional<String> id(Context ctx) {
        String file = ctx.pathParam("file");
        return file.endsWith(SUFFIX) ? Optional.of(file.substring(0, file.length() - SUFFIX.length()))
                : Optional.empty();
    }

    private static void ics(Context ctx, String body) {
        ctx.contentType(SessionCalendar.MEDIA_TYPE).header("Cache-Control", "private, max-age=300").result(body);
    }

    private static void notFound(Context ctx) {
        ctx.status(404).contentType("text/plain; charset=utf-8").result("Not found");
    }
}
