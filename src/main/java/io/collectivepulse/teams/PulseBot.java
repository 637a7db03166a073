package io.collectivepulse.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.router.ArrivalHandler;
import io.collectivepulse.router.Router;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The Teams bot: remembers every conversation it sees (to post there later), reads commands typed as messages,
 * with or without its @mention, and buttons pressed on its cards. What a message does, the fact that it was
 * handled, and the reply (through the outbox: in the message's thread, or in the member's private chat with the bot
 * for an answer meant for them alone) are committed together before the Bot Connector gets its 200: a redelivered
 * activity is handled once, and one whose handling failed is handled again.
 */
final class PulseBot extends ActivityHandler {
    /** The type of an invoke answer that Teams shows as a message to the presser alone. */
    private static final String MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message";
    private final Router router;
    private final Database database;
    private final ConversationReferenceDao references;
    private final DeliveredActivityDao delivered;
    private final Clock clock;
    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();
    private final TeamsAnswers answers;

    PulseBot(Router router, Database database, Outbox outbox, ConversationReferenceDao references,
             DeliveredActivityDao delivered, Clock clock) {
        this.router = router;
        this.database = database;
        this.references = references;
        this.delivered = delivered;
        this.clock = clock;
        this.answers = new TeamsAnswers(router, outbox, new PressOrigins(database, clock));
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        if (activity.getConversation() != null && activity.getServiceUrl() != null) {
            var channel = TeamsChannels.channel(activity);
            ConversationReference conversation = activity.getConversationReference();
            // What posting there later needs, and nothing of this activity: not its id, nor who sent it in a
            // channel (the last member to press a poll's button would otherwise be kept beside the poll's card).
            conversation.setActivityId(null);
            boolean personal = "personal".equals(activity.getConversation().getConversationType());
            if (!personal) {
                conversation.setUser(null);
            }
            String reference = Serialization.toStringSilent(conversation);
            references.save(channel.workspaceId(), channel.channelId(), reference, clock.instant());
            var from = activity.getFrom();
            if (from != null && from.getAadObjectId() != null && from.getId() != null
                    && !from.getId().equals(from.getAadObjectId())) {
                references.saveAccount(channel.workspaceId(), from.getAadObjectId(), from.getId(), clock.instant());
            }
            if (personal && from != null) {
                // The member's private chat with the bot: where their private messages go.
                references.save(channel.workspaceId(), ChannelRef.direct(TeamsChannels.actor(activity)).channelId(),
                        reference, clock.instant());
            }
        }
        return super.onTurn(turnContext);
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turnContext) {
        Activity activity = turnContext.getActivity();
        String text = activity.getValue() != null ? null : Activity.removeRecipientMentionImmutable(activity);
        if (activity.getValue() == null && (text == null || text.isBlank())) {
            // An attachment or a reaction without text: nothing to answer.
            return CompletableFuture.completedFuture(null);
        }
        ChannelRef channel = TeamsChannels.channel(activity);
        database.inTransaction(() -> {
            if (activity.getId() != null
                    && delivered.record(activity.getConversation().getId(), activity.getId(), clock.instant()) == 0) {
                return; // Delivered again by the Bot Connector after it was handled.
            }
            if (activity.getValue() == null) {
                answers.answer(activity, router.handleMessage(TeamsChannels.actor(activity), channel, text), null);
                return;
            }
            TeamsAnswers.Pressed pressed = press(activity);
            answers.answer(activity, router.press(pressed.press()), pressed.origin());
        });
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The bot or members added to a conversation: the router's arrivals, handled once per activity (the Bot
     * Connector redelivers), in the transaction that records it.
     */
    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turnContext) {
        return arrive(turnContext.getActivity(), TeamsArrivals.of(turnContext.getActivity()));
    }

    @Override
    protected CompletableFuture<Void> onInstallationUpdate(TurnContext turnContext) {
        return arrive(turnContext.getActivity(), TeamsArrivals.installed(turnContext.getActivity()));
    }

    private CompletableFuture<Void> arrive(Activity activity, List<ArrivalHandler.Arrival> arrivals) {
        if (!arrivals.isEmpty()) {
            database.inTransaction(() -> {
                String conversation = activity.getConversation().getId();
                if (activity.getId() == null || delivered.record(conversation, activity.getId(), clock.instant()) > 0) {
                    arrivals.forEach(router::arrived);
                }
            });
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * An Action.Execute button ({@link io.collectivepulse.chat.Button#personal}): the answer goes back in the invoke,
     * to the presser alone — their own view of the card (or a question such as "Delete this signal?", or a form), or
     * what the feature says (a refusal) as a message Teams shows them. Nothing of the press is recorded here: its feature takes a press delivered twice as one.
     */
    @Override
    protected CompletableFuture<AdaptiveCardInvokeResponse> onAdaptiveCardInvoke(TurnContext turnContext,
                                                                                AdaptiveCardInvokeValue invoke) {
        Activity activity = turnContext.getActivity();
        JsonNode data = Serialization.objectToTree(invoke.getAction().getData());
        String action = data == null ? invoke.getAction().getVerb()
                : data.path(AdaptiveCardRenderer.ACTION).asText(invoke.getAction().getVerb());
        String value = data == null ? "" : data.path(AdaptiveCardRenderer.VALUE).asText("");
        TeamsAnswers.Pressed pressed = answers.pressed(activity, action == null ? "" : action, value, Map.of(),
                activity.getId());
        Reply reply = router.press(pressed.press());
        String member = pressed.press().actor().userId();
        var response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        if (reply.view() && reply.card() != null) {
            response.setType(AdaptiveCardRenderer.CONTENT_TYPE);
            response.setValue(renderer.render(answers.stamped(reply.card(), pressed.origin(), member)));
            return CompletableFuture.completedFuture(response);
        }
        if (reply.form() != null) {
            // A form (editing a signal from its card's secondary actions): shown in place of the card, to the presser
            // alone; its submit button is an Action.Submit, handled as every form's.
            response.setType(AdaptiveCardRenderer.CONTENT_TYPE);
            response.setValue(renderer.render(answers.stamped(reply.form(), pressed.origin(), member)));
            return CompletableFuture.completedFuture(response);
        }
        return CompletableFuture.completedFuture(message(reply.card() == null ? "" : reply.card().fallbackText()));
    }

    /** The answer to an invoke that Teams shows as a message to the member who pressed the button. */
    static AdaptiveCardInvokeResponse message(String text) {
        var response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType(MESSAGE_RESPONSE);
        response.setValue(text);
        return response;
    }

    /** An Action.Submit button on one of our cards: its data says which action, on what, with the form's fields. */
    private TeamsAnswers.Pressed press(Activity activity) {
        JsonNode data = Serialization.objectToTree(activity.getValue());
        Map<String, String> fields = new HashMap<>();
        data.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        return answers.pressed(activity, data.path(AdaptiveCardRenderer.ACTION).asText(""),
                data.path(AdaptiveCardRenderer.VALUE).asText(""), fields, "");
    }
}
