package io.collectivepulse;

import io.collectivepulse.calendar.CalendarRoutes;
import io.collectivepulse.metrics.Metrics;
import io.collectivepulse.slack.SlackBridge;
import io.collectivepulse.spreadsheet.ExportRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every HTTP route of the service, in one place. */
final class Routes {
    static final String SLACK_EVENTS = "/slack/events";
    static final String TEAMS_MESSAGES = "/api/messages";
    static final String HEALTH = "/health";
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";

    private Routes() {
    }

    /** Declares the routes and returns one line per endpoint for the start-up log. */
    static List<String> declare(RoutesConfig routes, Handler slack, Handler teams, Health health) {
        List<String> lines = new ArrayList<>();
        routes.post(SLACK_EVENTS, slack);
        lines.add("POST " + SLACK_EVENTS + "  Slack slash commands, interactivity and events");
        routes.post(TEAMS_MESSAGES, teams);
        lines.add("POST " + TEAMS_MESSAGES + "  Microsoft Teams (Bot Framework) activities");
        routes.get(HEALTH, health.people());
        lines.add("GET  " + HEALTH + "  database and scheduler status, for people");
        routes.get(LIVE, health.live());
        lines.add("GET  " + LIVE + "  200 while the process serves (liveness)");
        routes.get(READY, health.ready());
        lines.add("GET  " + READY + "  200 when the database answers, the scheduler runs and the service is not"
                + " stopping (readiness)");
        return lines;
    }

    /**
     * {@code GET /metrics} for Prometheus, and the handlers around every request that measure it and put its id on
     * the log lines.
     */
    static List<String> declareMetrics(RoutesConfig routes, Metrics metrics, Optional<String> token) {
        routes.before(metrics.requests()::before);
        routes.after(metrics.requests()::after);
        routes.get(METRICS, metrics.endpoint(token));
        return List.of("GET  " + METRICS + "  metrics in Prometheus' text format"
                + (token.isPresent() ? " (bearer token: METRICS_TOKEN)" : ""));
    }

    /** The calendars of the sessions: one file per session, one feed per community. */
    static List<String> declareCalendars(RoutesConfig routes, CalendarRoutes calendars) {
        routes.get(CalendarRoutes.SESSION_PATH, calendars.session());
        routes.get(CalendarRoutes.FEED_PATH, calendars.feed());
        return List.of("GET  " + CalendarRoutes.SESSION_PATH + "  a session as an iCalendar file",
                "GET  " + CalendarRoutes.FEED_PATH + "  a community's sessions as an iCalendar feed");
    }

    /** The polls' CSV files, each behind a one-time link. */
    static List<String> declareExports(RoutesConfig routes, ExportRoutes exports) {
        routes.get(ExportRoutes.PATH, exports.file());
        routes.head(ExportRoutes.PATH, exports.probe());
        return List.of("GET  " + ExportRoutes.PATH + "  a poll as a CSV file, once, behind a 15-minute link",
                "HEAD " + ExportRoutes.PATH + "  405: only a download uses the link");
    }

    /**
     * The OAuth installation, when workspaces install the Slack app themselves: our pages (the install page, the
     * success and failure pages) and Bolt's start and redirect.
     */
    static List<String> declareSlackInstallation(RoutesConfig routes, Handler bolt, Map<String, Handler> pages) {
        pages.forEach(routes::get);
        routes.get(SlackBridge.INSTALL_START_PATH, bolt);
        routes.get(SlackBridge.REDIRECT_PATH, bolt);
        return List.of("GET  " + SlackBridge.INSTALL_PATH + "  install the Slack app in a workspace: what it may do,"
                        + " the Add to Slack button (OAuth)",
                "GET  " + SlackBridge.INSTALL_START_PATH + "  starts the OAuth installation (to Slack)",
                "GET  " + SlackBridge.REDIRECT_PATH + "  Slack's OAuth redirect, then the success or failure page");
    }
}
