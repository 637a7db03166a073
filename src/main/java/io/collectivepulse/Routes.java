package io.collectivepulse;

import io.collectivepulse.slack.SlackBridge;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** Every HTTP route of the service, in one place. */
final class Routes {
    static final String SLACK_EVENTS = "/slack/events";
    static final String TEAMS_MESSAGES = "/api/messages";
    static final String HEALTH = "/health";

    private Routes() {
    }

    /** Declares the routes and returns one line per endpoint for the start-up log. */
    static List<String> declare(RoutesConfig routes, Handler slack, Handler teams, Handler health) {
        List<String> lines = new ArrayList<>();
        routes.post(SLACK_EVENTS, slack);
        lines.add("POST " + SLACK_EVENTS + "  Slack slash commands, interactivity and events");
        routes.post(TEAMS_MESSAGES, teams);
        lines.add("POST " + TEAMS_MESSAGES + "  Microsoft Teams (Bot Framework) activities");
        routes.get(HEALTH, health);
        lines.add("GET  " + HEALTH + "  database and scheduler status");
        return lines;
    }

    /** The OAuth installation pages, when workspaces install the Slack app themselves. */
    static List<String> declareSlackInstallation(RoutesConfig routes, Handler installation) {
        routes.get(SlackBridge.INSTALL_PATH, installation);
        routes.get(SlackBridge.REDIRECT_PATH, installation);
        return List.of("GET  " + SlackBridge.INSTALL_PATH + "  install the Slack app in a workspace (OAuth)",
                "GET  " + SlackBridge.REDIRECT_PATH + "  Slack's OAuth redirect");
    }
}
