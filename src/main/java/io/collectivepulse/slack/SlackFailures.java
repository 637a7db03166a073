package io.collectivepulse.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.db.Unavailable;
import io.collectivepulse.router.Router;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Slack and the member get when a request failed: never an error status, which Slack shows as a broken app,
 * but the apology where the member sees it, in the channel's language as last seen.
 */
final class SlackFailures {
    private static final Logger LOG = LoggerFactory.getLogger(SlackFailures.class);
    private static final ObjectMapper APOLOGY = new ObjectMapper();

    private final Router router;
    private final ResponseUrls responses;

    SlackFailures(Router router, ResponseUrls responses) {
        this.router = router;
        this.responses = responses;
    }

    /**
     * The answer to a request whose handling failed, with nothing kept (its transaction rolled back), and the
     * apology ("try again in a moment" when the database did not answer): as the ephemeral answer of a command, as
     * an error under the first field of a submitted form, through the {@code response_url} of a click. An event
     * gets a 503 while the database does not answer, so that Slack delivers it again later.
     */
    Response answer(Request<?> request, Throwable failure) {
        boolean unavailable = Unavailable.isCause(failure);
        if (unavailable) {
            LOG.warn("Slack {} not handled: the database did not answer ({})", request.getRequestType(),
                    failure.toString());
        } else {
            // Bolt's own calls to Slack (auth.test) can fail too; the sender gets no stack trace.
            LOG.error("Slack {} failed", request.getRequestType(), failure);
        }
        if (request instanceof SlashCommandRequest command) {
            var payload = command.getPayload();
            String text = apology(payload.getTeamId(), payload.getChannelId(), failure);
            return Response.json(200, APOLOGY.createObjectNode().put("response_type", "ephemeral")
                    .put("text", text).toString());
        }
        if (request instanceof ViewSubmissionRequest submission) {
            return underFirstField(submission.getPayload(), failure);
        }
        if (request instanceof BlockActionRequest press) {
            pressFailed(press.getPayload(), failure);
        }
        if (unavailable && request instanceof EventRequest) {
            return Response.builder().statusCode(503).body("").build();
        }
        return Response.ok();
    }

    /** Tells the member who pressed a button, through the click's response_url, that it failed. */
    void pressFailed(BlockActionPayload payload, Throwable failure) {
        responses.tell(payload.getResponseUrl(), apology(payload.getTeam().getId(),
                payload.getChannel() == null ? "" : payload.getChannel().getId(), failure));
    }

    /** The apology as an error under the form's first field, where Slack shows it in the open modal. */
    private Response underFirstField(ViewSubmissionPayload payload, Throwable failure) {
        var view = payload.getView();
        String channel = view.getPrivateMetadata().split("\\|", 2)[0];
        String text = apology(payload.getTeam().getId(), channel, failure);
        return Optional.ofNullable(view.getBlocks()).orElse(List.of()).stream()
                .filter(InputBlock.class::isInstance).map(LayoutBlock::getBlockId)
                .findFirst().map(field -> {
                    var answer = APOLOGY.createObjectNode().put("response_action", "errors");
                    answer.putObject("errors").put(field, text);
                    return Response.json(200, answer.toString());
                }).orElseGet(Response::ok);
    }

    private String apology(String workspace, String channel, Throwable failure) {
        return router.apology(new ChannelRef(Platform.SLACK, workspace, channel), failure).card().fallbackText();
    }

}
