package io.collectivepulse.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.ViewState;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.router.Router;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forms as Slack modals: opened with {@code views.open} from a command or a button (their trigger id), and
 * submitted back here. A refused submission keeps the modal open with the message under the field to fix.
 */
final class SlackForms {
    private static final Logger LOG = LoggerFactory.getLogger(SlackForms.class);

    private final Router router;
    private final BlockKitRenderer renderer;
    private final Outbox outbox;
    private final Database database;
    private final SlackNames names;

    SlackForms(Router router, BlockKitRenderer renderer, Outbox outbox, Database database, SlackNames names) {
        this.router = router;
        this.renderer = renderer;
        this.outbox = outbox;
        this.database = database;
        this.names = names;
    }

    void register(App app) {
        app.viewSubmission(Pattern.compile(".*"), (req, ctx) -> {
            ViewSubmissionPayload payload = req.getPayload();
            String[] metadata = payload.getView().getPrivateMetadata().split("\\|", 2);
            String workspace = payload.getTeam().getId();
            String user = payload.getUser().getId();
            var channel = new ChannelRef(Platform.SLACK, workspace, metadata[0]);
            Actor actor = names.actor(workspace, user, payload.getUser().getName());
            Reply reply = router.press(new ButtonPress(actor, channel, payload.getView().getCallbackId(),
                    metadata.length > 1 ? metadata[1] : "", values(payload.getView().getState())));
            if (!reply.fieldErrors().isEmpty()) {
                return ctx.ackWithErrors(reply.fieldErrors());
            }
            if (reply.card() != null) {
                outbox.notify(channel, user, reply.card());
            }
            return ctx.ack();
        });
    }

    /**
     * Opens the reply's form as a modal once the request's transaction has committed and given its connection back
     * (the call to Slack holds no database connection), before the request is answered (the trigger lasts three
     * seconds). Where Slack refuses (an expired trigger, for instance), the member gets the reply's card instead,
     * privately.
     */
    void open(MethodsClient client, String triggerId, ChannelRef channel, String user, Reply reply) {
        database.afterCommit(() -> {
            if (!open(client, triggerId, channel, reply.form()) && reply.card() != null) {
                outbox.notify(channel, user, reply.card());
            }
        });
    }

    private boolean open(MethodsClient client, String triggerId, ChannelRef channel, Form form) {
        try {
            var response = client.viewsOpen(r -> r.triggerId(triggerId).view(renderer.modal(form, channel.channelId())));
            if (!response.isOk()) {
                LOG.warn("Slack refused to open a form in {}: {}", channel, response.getError());
            }
            return response.isOk();
        } catch (IOException | SlackApiException e) {
            LOG.warn("Could not open a form in {}: {}", channel, e.getMessage());
            return false;
        }
    }

    private static Map<String, String> values(ViewState state) {
        Map<String, String> values = new HashMap<>();
        if (state == null || state.getValues() == null) {
            return values;
        }
        state.getValues().forEach((blockId, actions) -> {
            ViewState.Value value = actions.get(BlockKitRenderer.FIELD_ACTION);
            if (value != null && value.getValue() != null) {
                values.put(blockId, SlackText.unescape(value.getValue()));
            } else if (value != null && value.getSelectedOption() != null) {
                values.put(blockId, value.getSelectedOption().getValue());
            }
        });
        return values;
    }
}
