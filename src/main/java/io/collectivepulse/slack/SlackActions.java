package io.collectivepulse.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.router.Router;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buttons pressed on the cards the bot posted: the press is handled before the ack (database work only: the card
 * is redrawn through the outbox), a form opens at once with the click's trigger, and any notice goes to the member
 * alone ({@code chat.postEphemeral}) through the outbox.
 */
final class SlackActions {
    private static final Logger LOG = LoggerFactory.getLogger(SlackActions.class);
    private static final Pattern EVERY_ACTION = Pattern.compile(".*");
    private final Router router;
    private final Outbox outbox;
    private final SlackForms forms;
    private final SlackNames names;
    private final SlackResponseUrlDao responseUrls;
    private final Clock clock;

    SlackActions(Router router, Outbox outbox, SlackForms forms, SlackNames names, SlackResponseUrlDao responseUrls,
                 Clock clock) {
        this.router = router;
        this.outbox = outbox;
        this.forms = forms;
        this.names = names;
        this.responseUrls = responseUrls;
        this.clock = clock;
    }

    void register(App app) {
        // One handler for every button: the router knows which feature's it is. A link button opens its page in
        // the browser; Slack still reports the click, which needs an ack and nothing else.
        app.blockAction(EVERY_ACTION, (req, ctx) -> {
            BlockActionPayload payload = req.getPayload();
            if (payload.getActions() != null && !payload.getActions().isEmpty()
                    && BlockKitRenderer.LINK_ACTION.equals(pressed(payload.getActions().get(0))[0])) {
                return ctx.ack();
            }
            press(ctx.client(), payload);
            return ctx.ack();
        });
    }

    /**
     * A press on a private button ({@link PrivatePresses}), outside Bolt: it opens no form, so it needs no client;
     * a form its feature would answer with is a bug, said in the log, and the member gets the form's fallback text.
     */
    void pressPrivately(BlockActionPayload payload) {
        press(null, payload);
    }

    /**
     * The action id and value of what was pressed: a button's own, or those an overflow menu's chosen option carries
     * ({@link BlockKitRenderer#choice}), so that choosing "Supprimer…" in the menu is the same press as a button
     * "Supprimer…" would be. An option that is not the bot's is an action nobody handles.
     */
    static String[] pressed(BlockActionPayload.Action action) {
        if (!BlockKitRenderer.OVERFLOW_ACTION.equals(action.getActionId())) {
            return new String[] {action.getActionId(), action.getValue()};
        }
        String option = action.getSelectedOption() == null ? null : action.getSelectedOption().getValue();
        return BlockKitRenderer.choice(option).orElse(new String[] {BlockKitRenderer.OVERFLOW_ACTION, ""});
    }

    private void press(MethodsClient client, BlockActionPayload payload) {
        boolean home = payload.getView() != null && "home".equals(payload.getView().getType());
        if ((payload.getChannel() == null && !home) || payload.getActions() == null
                || payload.getActions().isEmpty()) {
            return;
        }
        String workspace = payload.getTeam().getId();
        String user = payload.getUser().getId();
        Actor actor = names.actor(workspace, user, payload.getUser().getName());
        // A button on the member's Home tab has no channel: what it answers goes to their conversation with the app.
        var channel = payload.getChannel() == null ? ChannelRef.direct(actor)
                : new ChannelRef(Platform.SLACK, workspace, payload.getChannel().getId());
        var action = payload.getActions().get(0);
        if (client != null && payload.getResponseUrl() != null && !payload.getResponseUrl().isBlank()) {
            // How to reach the member if the bot is no longer in the channel (see SlackSender#notify), kept before
            // the press is handled, whose notice may be sent as soon as it is written. Not for the private presses
            // (anonymous votes, hundreds a second), whose answers are their own views.
            responseUrls.record(channel, user, payload.getResponseUrl(), clock.instant());
        }
        String[] pressed = pressed(action);
        Reply reply = router.press(new ButtonPress(actor, channel, pressed[0], pressed[1], Map.of(),
                action.getActionTs()));
        if (reply.form() != null && client == null) {
            LOG.warn("A private button ({}) answered with a form; its fallback text was sent instead",
                    action.getActionId());
            outbox.notify(channel, user, reply.card());
        } else if (reply.form() != null) {
            forms.open(client, payload.getTriggerId(), channel, user, reply);
        } else if (reply.view() && reply.card() != null) {
            outbox.view(channel, user, reply.card());
        } else if (!reply.isEmpty()) {
            outbox.notify(channel, user, reply.card());
        }
    }
}
