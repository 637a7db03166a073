package io.collectivepulse.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.AdaptiveCardInvokeValue;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
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
import java.util.UUID;
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
    private final Outbox outbox;
    private final ConversationReferenceDao references;
    private final DeliveredActivityDao delivered;
    private final Clock clock;
    private final AdaptiveCardRenderer renderer = new AdaptiveCardRenderer();

    PulseBot(Router router, Database database, Outbox outbox, ConversationReferenceDao references,
             DeliveredActivityDao delivered, Clock clock) {
        this.router = router;
        this.database = database;
        this.outbox = outbox;
        this.references = references;
        this.delivered = delivered;
        this.clock = clock;
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
            Reply reply = activity.getValue() != null ? router.press(press(activity))
                    : router.handleMessage(TeamsChannels.actor(activity), channel, text);
            answer(channel, activity, reply);
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
        Reply reply = router.press(new ButtonPress(TeamsChannels.actor(activity), TeamsChannels.channel(activity),
                action == null ? "" : action, value, Map.of(), activity.getId()));
        var response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        if (reply.view() && reply.card() != null) {
            response.setType(AdaptiveCardRenderer.CONTENT_TYPE);
            response.setValue(renderer.render(reply.card()));
            return CompletableFuture.completedFuture(response);
        }
        if (reply.form() != null) {
            // A form (editing a signal from its card's secondary actions): shown in place of the card, to the presser
            // alone; its submit button is an Action.Submit, handled as every form's.
            response.setType(AdaptiveCardRenderer.CONTENT_TYPE);
            response.setValue(renderer.render(reply.form()));
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
    private static ButtonPress press(Activity activity) {
        JsonNode data = Serialization.objectToTree(activity.getValue());
        Map<String, String> fields = new HashMap<>();
        data.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        return new ButtonPress(TeamsChannels.actor(activity), TeamsChannels.channel(activity),
                data.path(AdaptiveCardRenderer.ACTION).asText(""), data.path(AdaptiveCardRenderer.VALUE).asText(""),
                fields);
    }

    /**
     * Sends the reply through the outbox, once per activity. An answer meant for the member alone
     * ({@link Reply#privately}) goes to their private chat with the bot, opened if need be, and the conversation
     * gets nothing; where that chat cannot be opened, it goes in the message's thread, saying so. In a private chat
     * already the reply goes there. Forms and cards with buttons stay in the conversation they answer: a press or
     * a submission is handled in the conversation it comes from (its channel names the community), so one sent
     * from the private chat would lose its channel, and the button's data cannot be trusted to name it.
     */
    private void answer(ChannelRef channel, Activity activity, Reply reply) {
        if (reply.isEmpty()) {
            return;
        }
        String key = "teams:" + activity.getConversation().getId() + ":"
                + (activity.getId() != null ? activity.getId() : UUID.randomUUID().toString());
        if (reply.form() != null) {
            outbox.reply(channel, activity.getId(), reply.form(), key);
        } else if (reply.privately() && !TeamsChannels.isPersonal(activity) && !pressable(reply.card())) {
            Card notice = withLine(reply.card(), router.messages(channel).get("answer.notPrivate.teams"));
            outbox.replyDirect(ChannelRef.direct(TeamsChannels.actor(activity)), reply.card(), channel,
                    activity.getId(), notice, key);
        } else {
            outbox.reply(channel, activity.getId(), reply.card(), key);
        }
    }

    /** True when the card has a button whose press comes back to the bot (not a link). */
    private static boolean pressable(Card card) {
        return card.items().stream().flatMap(item -> item.buttons().stream()).anyMatch(button -> !button.isLink());
    }

    /** The card with one more line in its small print, after what it says there already. */
    private static Card withLine(Card card, String line) {
        String footer = card.footer() == null || card.footer().isBlank() ? line : card.footer() + "\n" + line;
        return new Card(card.title(), card.items(), footer, card.mentions());
    }
}
