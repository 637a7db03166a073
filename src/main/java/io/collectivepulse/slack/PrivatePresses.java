package io.collectivepulse.slack;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.util.json.GsonFactory;
import io.collectivepulse.router.Router;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Presses on private buttons (anonymous votes), answered without Bolt once the bridge checked their signature.
 * Bolt's {@code BlockActionRequest} builds a new Gson for every request, whose reflective adapters for the whole
 * payload type are then built again for each press: 57 % of the service's CPU at 300 votes a second, measured with
 * JDK Flight Recorder. These presses open no form and are never remembered, so nothing of Bolt is needed for them;
 * every other request still goes through Bolt.
 */
final class PrivatePresses {
    private static final String PAYLOAD = "payload=";
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private final Router router;
    private final SlackActions actions;
    private final SlackFailures failures;

    PrivatePresses(Router router, SlackActions actions, SlackFailures failures) {
        this.router = router;
        this.actions = actions;
        this.failures = failures;
    }

    /** Handles the request and answers it when it is a press on a private button; false for anything else. */
    boolean handled(Context ctx) {
        String body = ctx.body();
        if (!body.startsWith(PAYLOAD) || body.indexOf('&') >= 0) {
            return false;
        }
        BlockActionPayload payload;
        try {
            String json = URLDecoder.decode(body.substring(PAYLOAD.length()), StandardCharsets.UTF_8);
            if (!json.contains("\"block_actions\"")) {
                return false;
            }
            payload = GSON.fromJson(json, BlockActionPayload.class);
        } catch (IllegalArgumentException | JsonParseException e) {
            return false;
        }
        if (payload == null || !"block_actions".equals(payload.getType()) || payload.getActions() == null
                || payload.getActions().size() != 1 || payload.getTeam() == null || payload.getUser() == null
                || !router.isPrivate(payload.getActions().get(0).getActionId())) {
            return false;
        }
        try {
            actions.pressPrivately(payload);
        } catch (RuntimeException e) {
            // The press's notice could not be written (the database did not answer): nothing was kept.
            failures.pressFailed(payload, e);
        }
        ctx.status(200).result("");
        return true;
    }
}
