package io.collectivepulse.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import io.collectivepulse.delivery.Limit;
import io.collectivepulse.delivery.Outcome;
import io.collectivepulse.delivery.Sender;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends the outbox's messages to Teams conversations proactively, from the conversation reference stored when the
 * bot last heard from there: a card starts a new post in a channel (its own thread), a reply goes in the thread of
 * the message it answers, and a card is updated in place. Answers are classified: 429, 412, 502, 504 and other 5xx
 * or time-outs are tried again later, 403 (the bot was removed, the conversation blocks writes) and 404 are not.
 */
final class TeamsSender implements Sender {
    /** Teams: per conversation 7 messages a second, 8 per 2 s, 60 per 30 s; 50 requests a second per tenant. */
    private static final List<int[]> CONVERSATION_WINDOWS = List.of(new int[] {7, 1}, new int[] {8, 2},
            new int[] {60, 30});
    private static final int TENANT_PER_SECOND = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BotConnector connector;
    private final Clock clock;
    private final ConversationReferenceDao references;
    private final AdaptiveCardRenderer renderer;
    /**
     * Members' private chats found without a reference when their message was paced (see {@link #limits}), so
     * that sending it does not ask the database again: it opens the chat (opening one that exists gives it back).
     */
    private final Cache<ChannelRef, Boolean> unopened = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    TeamsSender(BotConnector connector, ConversationReferenceDao references, AdaptiveCardRenderer renderer,
                Clock clock) {
        this.connector = connector;
        this.clock = clock;
        this.references = references;
        this.renderer = renderer;
    }

    @Override
    public int parts(Card card) {
        return 1;
    }

    @Override
    public Outcome post(ChannelRef channel, Card card, int part, String replyTo, String key) {
        return send(channel, activity(renderer, card), replyTo);
    }

    @Override
    public Outcome postForm(ChannelRef channel, Form form, String replyTo) {
        return send(channel, activity(AdaptiveCardRenderer.CONTENT_TYPE, renderer.render(form), form.title()),
                replyTo);
    }

    /**
     * A new post, or a reply in the thread of the message it answers, addressed as the stored reference says (the
     * bot as sender, the conversation, its Bot Connector address).
     */
    private Outcome send(ChannelRef channel, ObjectNode message, String replyTo) {
        boolean toOpen = channel.isDirect() && unopened.getIfPresent(channel) != null;
        Optional<ObjectNode> reference = toOpen ? Optional.empty() : reference(channel);
        if (reference.isEmpty() && channel.isDirect()) {
            Outcome opened = openDirect(channel);
            if (!(opened instanceof Outcome.Sent)) {
                return opened;
            }
            unopened.invalidate(channel);
            reference = reference(channel);
        }
        if (reference.isEmpty()) {
            return new Outcome.Failed("no_conversation_reference", Outcome.Advice.MENTION);
        }
        ObjectNode activity = addressed(message, reference.get());
        if (replyTo != null) {
            activity.put("replyToId", replyTo);
        }
        try {
            BotConnector.Answer answer = connector.post(serviceUrl(reference.get()), conversationId(reference.get()),
                    replyTo, activity);
            return answer.ok() ? new Outcome.Sent(answer.body().path("id").asText("")) : failure(channel, answer);
        } catch (IOException | RuntimeException e) {
            return new Outcome.Retry(Duration.ZERO, null, e.toString());
        }
    }

    /** Teams has no message for one member only: the notice goes to the conversation, in the thread if any. */
    @Override
    public Outcome notify(ChannelRef channel, String memberId, Card card, String replyTo) {
        return send(channel, activity(renderer, card), replyTo);
    }

    /** Teams has no home tab: the member's home is a card in their personal chat with the bot. */
    @Override
    public Outcome home(ChannelRef member, Card card) {
        return send(member, activity(renderer, card), null);
    }

    @Override
    public Outcome update(ChannelRef channel, String messageId, Card card) {
        Optional<ObjectNode> reference = reference(channel);
        if (reference.isEmpty()) {
            return new Outcome.Failed("no_conversation_reference", Outcome.Advice.MENTION);
        }
        ObjectNode replacement = addressed(activity(renderer, card), reference.get()).put("id", messageId);
        try {
            BotConnector.Answer answer = connector.update(serviceUrl(reference.get()),
                    conversationId(reference.get()), messageId, replacement);
            return answer.ok() ? new Outcome.Sent(messageId) : failure(channel, answer);
        } catch (IOException | RuntimeException e) {
            return new Outcome.Retry(Duration.ZERO, null, e.toString());
        }
    }

    /**
     * Opens the member's private conversation with the bot ({@code POST /v3/conversations}, with the Bot
     * Connector address and bot account of another conversation of the tenant) and keeps its reference: Teams
     * lets a bot open one only where the app is installed for the member or in a team of theirs, and answers 403
     * otherwise.
     */
    private Outcome openDirect(ChannelRef channel) {
        Optional<ObjectNode> template = references.anyIn(channel.workspaceId()).map(TeamsSender::parse);
        if (template.isEmpty()) {
            return new Outcome.Failed("no_conversation_reference", Outcome.Advice.MENTION);
        }
        // The member's account id where the bot heard from them: Teams accepts it from a team the app is in too.
        String member = references.account(channel.workspaceId(), channel.memberId()).orElse(channel.memberId());
        ObjectNode parameters = JSON.createObjectNode().put("isGroup", false);
        parameters.set("bot", template.get().path("bot"));
        parameters.putArray("members").addObject().put("id", member);
        parameters.put("tenantId", channel.workspaceId());
        parameters.putObject("channelData").putObject("tenant").put("id", channel.workspaceId());
        BotConnector.Answer created;
        try {
            created = connector.createConversation(serviceUrl(template.get()), parameters);
        } catch (IOException | RuntimeException e) {
            return new Outcome.Retry(Duration.ZERO, null, e.toString());
        }
        if (!created.ok()) {
            return failure(channel, created);
        }
        String id = created.body().path("id").asText("");
        if (id.isBlank()) {
            return new Outcome.Retry(Duration.ZERO, null, "conversation_without_id");
        }
        ObjectNode reference = JSON.createObjectNode()
                .put("channelId", template.get().path("channelId").asText("msteams"))
                .put("serviceUrl", created.body().path("serviceUrl").asText(serviceUrl(template.get())));
        reference.set("bot", template.get().path("bot"));
        reference.putObject("user").put("id", member);
        reference.putObject("conversation").put("id", id).put("isGroup", false).put("conversationType", "personal")
                .put("tenantId", channel.workspaceId());
        references.save(channel.workspaceId(), channel.channelId(), reference.toString(), clock.instant());
        return new Outcome.Sent(id);
    }

    @Override
    public List<Limit> limits(Call call, ChannelRef channel) {
        String conversation = conversationKey(channel);
        var limits = new java.util.ArrayList<Limit>();
        CONVERSATION_WINDOWS.forEach(w -> limits.add(Limit.window(conversation, w[0], Duration.ofSeconds(w[1]))));
        Limit tenant = Limit.window(tenantKey(channel), TENANT_PER_SECOND, Duration.ofSeconds(1));
        limits.add(tenant);
        if (channel.isDirect() && references.find(channel.workspaceId(), channel.channelId()).isEmpty()) {
            // A first private message opens the conversation, then writes: two calls for the tenant.
            limits.add(tenant);
            unopened.put(channel, true);
        } else if (channel.isDirect()) {
            // Opened meanwhile (the member wrote to the bot): one call, as paced.
            unopened.invalidate(channel);
        }
        limits.add(Limit.scope(conversation));
        limits.add(Limit.scope(tenantKey(channel)));
        return limits;
    }

    private static Outcome failure(ChannelRef channel, BotConnector.Answer answer) {
        int status = answer.status();
        String reason = status + (answer.errorCode().isEmpty() ? "" : " " + answer.errorCode());
        if (status == 429) {
            // Teams does not say which limit it was: the tenant's, shared by every conversation, is the safe guess.
            return new Outcome.Retry(retryAfter(answer), tenantKey(channel), reason);
        }
        if (status == 412 || status >= 500) {
            return new Outcome.Retry(retryAfter(answer), null, reason);
        }
        return new Outcome.Failed(reason, advice(status, answer.errorCode()));
    }

    private static Outcome.Advice advice(int status, String code) {
        if (status == 404) {
            return Outcome.Advice.GONE;
        }
        if (status == 403) {
            return code.contains("Blocked") ? Outcome.Advice.BLOCKED : Outcome.Advice.ADD_AGAIN;
        }
        return Outcome.Advice.OTHER;
    }

    private static Duration retryAfter(BotConnector.Answer answer) {
        try {
            return answer.retryAfter().map(h -> Duration.ofSeconds(Math.max(1, Long.parseLong(h.strip()))))
                    .orElse(Duration.ZERO);
        } catch (NumberFormatException ignored) {
            return Duration.ofSeconds(1);
        }
    }

    /** The tenant's limit, {@value #TENANT_PER_SECOND} requests a second, shared by all its conversations. */
    private static String tenantKey(ChannelRef channel) {
        return "teams:" + channel.workspaceId();
    }

    private static String conversationKey(ChannelRef channel) {
        return "teams:" + channel.workspaceId() + ":" + channel.channelId();
    }

    /** A message activity carrying the card as an Adaptive Card attachment. */
    static ObjectNode activity(AdaptiveCardRenderer renderer, Card card) {
        return activity(AdaptiveCardRenderer.CONTENT_TYPE, renderer.render(card), card.fallbackText());
    }

    static ObjectNode activity(String contentType, JsonNode content, String summary) {
        ObjectNode activity = JSON.createObjectNode().put("type", "message");
        ObjectNode attachment = activity.putArray("attachments").addObject().put("contentType", contentType);
        attachment.set("content", content);
        return activity.put("summary", summary);
    }

    /** The activity as sent in the reference's conversation: from the bot, to the member or channel. */
    private static ObjectNode addressed(ObjectNode message, ObjectNode reference) {
        ObjectNode activity = message.deepCopy();
        activity.put("channelId", reference.path("channelId").asText("msteams"));
        activity.put("serviceUrl", serviceUrl(reference));
        activity.set("conversation", reference.path("conversation"));
        activity.set("from", reference.path("bot"));
        if (reference.hasNonNull("user")) {
            activity.set("recipient", reference.path("user"));
        }
        return activity;
    }

    private static String serviceUrl(ObjectNode reference) {
        return reference.path("serviceUrl").asText();
    }

    private static String conversationId(ObjectNode reference) {
        return reference.path("conversation").path("id").asText();
    }

    /**
     * The stored reference of the conversation. A channel's is the one of the last activity from it, which may
     * name a thread: the conversation's own id replaces it. A member's private conversation keeps its id.
     */
    private Optional<ObjectNode> reference(ChannelRef channel) {
        return references.find(channel.workspaceId(), channel.channelId()).map(json -> {
            ObjectNode reference = parse(json);
            if (!channel.isDirect()) {
                ObjectNode conversation = reference.path("conversation") instanceof ObjectNode c ? c.deepCopy()
                        : JSON.createObjectNode();
                reference.set("conversation", conversation.put("id", channel.channelId()));
            }
            return reference;
        });
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (!(node instanceof ObjectNode reference) || reference.path("serviceUrl").asText("").isEmpty()) {
                throw new IllegalStateException("A conversation reference without its Bot Connector address");
            }
            return reference;
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable conversation reference", e);
        }
    }
}
