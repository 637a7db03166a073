package io.collectivepulse.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ErrorResponse;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

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
    /**
     * What the bot allows itself of the tenant's 50 a second: Teams counts on arrival, and calls leaving evenly
     * spaced arrive bunched when the machine or the network is busy.
     */
    private static final int TENANT_PACE = 45;

    private final TeamsAdapter adapter;
    private final Clock clock;
    private final String appId;
    private final ConversationReferenceDao references;
    private final AdaptiveCardRenderer renderer;

    TeamsSender(TeamsAdapter adapter, String appId, ConversationReferenceDao references,
                AdaptiveCardRenderer renderer, Clock clock) {
        this.adapter = adapter;
        this.clock = clock;
        this.appId = appId;
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

    private Outcome send(ChannelRef channel, Activity message, String replyTo) {
        Optional<ConversationReference> reference = reference(channel);
        if (reference.isEmpty() && channel.isDirect()) {
            Outcome opened = openDirect(channel);
            if (!(opened instanceof Outcome.Sent)) {
                return opened;
            }
            reference = reference(channel);
        }
        if (reference.isEmpty()) {
            return new Outcome.Failed("no_conversation_reference", Outcome.Advice.MENTION);
        }
        var id = new AtomicReference<String>();
        try {
            adapter.continueConversation(appId, reference.get(), turn -> {
                // A new post, or a reply in the thread of the message it answers; never a reply to the synthetic
                // activity that starts a proactive turn.
                turn.onSendActivities((context, activities, next) -> {
                    activities.forEach(a -> a.setReplyToId(replyTo));
                    return next.get();
                });
                return turn.sendActivity(message)
                        .thenAccept(sent -> id.set(sent == null ? null : sent.getId()));
            }).join();
        } catch (CompletionException e) {
            return failure(channel, e);
        }
        return new Outcome.Sent(id.get() == null ? "" : id.get());
    }

    /** Teams has no message for one member only: the notice goes to the conversation, in the thread if any. */
    @Override
    public Outcome notify(ChannelRef channel, String memberId, Card card, String replyTo) {
        return send(channel, activity(renderer, card), replyTo);
    }

    @Override
    public Outcome update(ChannelRef channel, String messageId, Card card) {
        Optional<ConversationReference> reference = reference(channel);
        if (reference.isEmpty()) {
            return new Outcome.Failed("no_conversation_reference", Outcome.Advice.MENTION);
        }
        Activity replacement = activity(renderer, card);
        replacement.setId(messageId);
        try {
            adapter.continueConversation(appId, reference.get(),
                    turn -> turn.updateActivity(replacement).thenApply(updated -> null)).join();
            return new Outcome.Sent(messageId);
        } catch (CompletionException e) {
            return failure(channel, e);
        }
    }

    /**
     * Opens the member's private conversation with the bot ({@code POST /v3/conversations}, with the Bot
     * Connector address and bot account of another conversation of the tenant) and keeps its reference: Teams
     * lets a bot open one only where the app is installed for the member or in a team of theirs, and answers 403
     * otherwise.
     */
    private Outcome openDirect(ChannelRef channel) {
        Optional<ConversationReference> template = references.anyIn(channel.workspaceId()).map(TeamsSender::parse);
        if (template.isEmpty()) {
            return new Outcome.Failed("no_conversation_reference", Outcome.Advice.MENTION);
        }
        var parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(template.get().getBot());
        // The member's account id where the bot heard from them: Teams accepts it from a team the app is in too.
        String member = references.account(channel.workspaceId(), channel.memberId()).orElse(channel.memberId());
        parameters.setMembers(List.of(new ChannelAccount(member)));
        parameters.setTenantId(channel.workspaceId());
        var data = new TeamsChannelData();
        data.setTenant(new TenantInfo(channel.workspaceId()));
        parameters.setChannelData(data);
        ConversationResourceResponse created;
        try {
            created = adapter.createConversation(template.get().getServiceUrl(), parameters).join();
        } catch (CompletionException e) {
            return failure(channel, e);
        }
        if (created == null || created.getId() == null || created.getId().isBlank()) {
            return new Outcome.Retry(Duration.ZERO, null, "conversation_without_id");
        }
        var reference = new ConversationReference();
        reference.setChannelId(template.get().getChannelId());
        reference.setServiceUrl(created.getServiceUrl() != null ? created.getServiceUrl()
                : template.get().getServiceUrl());
        reference.setBot(template.get().getBot());
        reference.setUser(new ChannelAccount(member));
        var conversation = new ConversationAccount(created.getId());
        conversation.setIsGroup(false);
        conversation.setConversationType("personal");
        conversation.setTenantId(channel.workspaceId());
        reference.setConversation(conversation);
        references.save(channel.workspaceId(), channel.channelId(), Serialization.toStringSilent(reference),
                clock.instant());
        return new Outcome.Sent(created.getId());
    }

    @Override
    public List<Limit> limits(Call call, ChannelRef channel) {
        String conversation = conversationKey(channel);
        var limits = new java.util.ArrayList<Limit>();
        CONVERSATION_WINDOWS.forEach(w -> limits.add(Limit.window(conversation, w[0], Duration.ofSeconds(w[1]))));
        Limit tenant = Limit.window(tenantKey(channel), TENANT_PACE, Duration.ofSeconds(1));
        limits.add(tenant);
        if (channel.isDirect() && references.find(channel.workspaceId(), channel.channelId()).isEmpty()) {
            // A first private message opens the conversation, then writes: two calls for the tenant.
            limits.add(tenant);
        }
        limits.add(Limit.scope(conversation));
        limits.add(Limit.scope(tenantKey(channel)));
        return limits;
    }

    private static Outcome failure(ChannelRef channel, CompletionException e) {
        RestException rest = cause(e, RestException.class);
        if (rest == null || rest.response() == null) {
            Throwable root = e.getCause() == null ? e : e.getCause();
            return new Outcome.Retry(Duration.ZERO, null, root.toString());
        }
        int status = rest.response().code();
        String reason = status + errorCode(rest).map(code -> " " + code).orElse("");
        if (status == 429) {
            // Teams does not say which limit it was: the tenant's, shared by every conversation, is the safe guess.
            return new Outcome.Retry(retryAfter(rest), tenantKey(channel), reason);
        }
        if (status == 412 || status >= 500) {
            return new Outcome.Retry(retryAfter(rest), null, reason);
        }
        return new Outcome.Failed(reason, advice(status, errorCode(rest).orElse("")));
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

    private static Optional<String> errorCode(RestException rest) {
        Object body = rest.body();
        if (body instanceof ErrorResponse error && error.getError() != null) {
            return Optional.ofNullable(error.getError().getCode());
        }
        return Optional.empty();
    }

    private static Duration retryAfter(RestException rest) {
        String header = rest.response().headers().get("Retry-After");
        try {
            return header == null ? Duration.ZERO : Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
        } catch (NumberFormatException ignored) {
            return Duration.ofSeconds(1);
        }
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The tenant's limit, {@value #TENANT_PER_SECOND} requests a second, shared by all its conversations. */
    private static String tenantKey(ChannelRef channel) {
        return "teams:" + channel.workspaceId();
    }

    private static String conversationKey(ChannelRef channel) {
        return "teams:" + channel.workspaceId() + ":" + channel.channelId();
    }

    /** A message activity carrying the card as an Adaptive Card attachment. */
    static Activity activity(AdaptiveCardRenderer renderer, Card card) {
        return activity(AdaptiveCardRenderer.CONTENT_TYPE, renderer.render(card), card.fallbackText());
    }

    static Activity activity(String contentType, Object content, String summary) {
        var attachment = new Attachment();
        attachment.setContentType(contentType);
        attachment.setContent(content);
        Activity activity = MessageFactory.attachment(attachment);
        activity.setSummary(summary);
        return activity;
    }

    /**
     * The stored reference of the conversation. A channel's is the one of the last activity from it, which may
     * name a thread: the conversation's own id replaces it. A member's private conversation keeps its id.
     */
    private Optional<ConversationReference> reference(ChannelRef channel) {
        return references.find(channel.workspaceId(), channel.channelId()).map(json -> {
            ConversationReference reference = parse(json);
            if (!channel.isDirect()) {
                reference.getConversation().setId(channel.channelId());
            }
            return reference;
        });
    }

    private static ConversationReference parse(String json) {
        try {
            return Serialization.treeToValue(Serialization.jsonToTree(json), ConversationReference.class);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable conversation reference", e);
        }
    }
}
