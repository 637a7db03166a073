package io.collectivepulse.slack;

import com.slack.api.methods.Methods;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.conversations.ConversationsHistoryRequest;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import io.collectivepulse.delivery.Limit;
import io.collectivepulse.delivery.Outcome;
import io.collectivepulse.delivery.Sender;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's messages to Slack with the bot token of the channel's workspace: {@code chat.postMessage}
 * (one call per part of a card that needs more than 50 blocks), {@code chat.update}, {@code chat.postEphemeral}.
 * Answers are read as {@link SlackAnswer}s and classified: sent, try again later (429 with its Retry-After for that
 * method and workspace, 5xx, time-outs), or refused for good (the bot is not in the channel, the app was removed…).
 */
final class SlackSender implements Sender {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSender.class);
    /** Errors that no retry can fix; the facilitators are told what to do in {@code /pulse etat}. */
    static final Set<String> PERMANENT = Set.of("channel_not_found", "not_in_channel", "is_archived", "invalid_auth",
            "account_inactive", "token_revoked", "missing_scope", "not_authed", "no_permission", "not_installed",
            "team_access_not_granted", "restricted_action", "message_not_found", "cant_update_message",
            "edit_window_closed", "user_not_in_channel", "invalid_blocks", "msg_too_long", "ekm_access_denied");
    /** Slack: about one message a second per channel, short bursts allowed; chat.update in Tier 3 (50 a minute). */
    private static final int BURST = 20;
    private static final int UPDATES_PER_MINUTE = 50;
    /** views.publish is in Tier 4: 100 calls a minute per workspace. */
    private static final int HOMES_PER_MINUTE = 100;
    /** The metadata every post carries, so that it can be found again after a crash. */
    static final String METADATA_TYPE = "collective_pulse_message";
    private static final String KEY = "key";
    private static final String PART = "part";

    /** How long Slack takes messages through a response_url. */
    static final Duration RESPONSE_URL_LIFETIME = Duration.ofMinutes(30);

    private final MethodsClient client;
    private final SlackJsonCalls writes;
    private final Function<String, Optional<String>> tokens;
    private final BlockKitRenderer renderer;
    private final NotInChannel notInChannel;

    /**
     * Where the bot is not in the channel, the members who used a command or a button there: their response_urls,
     * and what they are told through them.
     */
    record NotInChannel(SlackResponseUrlDao urls, ResponseUrls responses, Function<ChannelRef, String> notShown,
                        Clock clock) {
    }

    /**
     * {@code client} reads a channel's history, {@code writes} posts and updates; {@code tokens}: the bot token of a
     * workspace, if the app is installed there; {@code notInChannel}: how to reach members where the bot is not in
     * the channel, or null not to.
     */
    SlackSender(MethodsClient client, SlackJsonCalls writes, Function<String, Optional<String>> tokens,
                BlockKitRenderer renderer, NotInChannel notInChannel) {
        this.client = client;
        this.writes = writes;
        this.tokens = tokens;
        this.renderer = renderer;
        this.notInChannel = notInChannel;
    }

    @Override
    public int parts(Card card) {
        return renderer.messages(card).size();
    }

    @Override
    public Outcome post(ChannelRef channel, Card card, int part, String replyTo, String key) {
        List<LayoutBlock> blocks = renderer.messages(card).get(part);
        Outcome outcome = call(channel, Methods.CHAT_POST_MESSAGE, arguments("channel", address(channel),
                "thread_ts", replyTo, "text", renderer.fallbackText(card), "blocks", blocks,
                "unfurl_links", false, "unfurl_media", false,
                "metadata", new Message.Metadata(METADATA_TYPE, Map.of(KEY, key, PART, part))));
        if (part == 0 && notInChannel(channel, outcome)) {
            tellNotShown(channel);
        }
        return outcome;
    }

    /** True when the call failed because the bot is not in the channel (a private one it was not invited to). */
    private boolean notInChannel(ChannelRef channel, Outcome outcome) {
        return notInChannel != null && !channel.isDirect() && outcome instanceof Outcome.Failed failed
                && failed.advice() == Outcome.Advice.INVITE;
    }

    /**
     * Tells the members who used a command or a button in the channel in the last 30 minutes, through its
     * response_url, once per command or press, that what the bot posts there cannot be shown until it is invited:
     * Slack refuses the ephemeral messages of a bot that is not in the channel as well. Asynchronously: the lane
     * does not wait for it.
     */
    private void tellNotShown(ChannelRef channel) {
        try {
            Instant now = notInChannel.clock().instant();
            List<String> urls = notInChannel.urls().untold(channel, now.minus(RESPONSE_URL_LIFETIME), now);
            if (!urls.isEmpty()) {
                String text = notInChannel.notShown().apply(channel);
                urls.forEach(url -> notInChannel.responses().tell(url, text));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not tell the members of {} that the bot is not in it: {}", channel, e.toString());
        }
    }

    /**
     * Looks for the message in the channel's history since {@code since}, by the key its metadata carries
     * ({@code conversations.history} with {@code include_all_metadata}); empty if not found or unreadable.
     */
    @Override
    public Optional<String> find(ChannelRef channel, String key, int part, Instant since) {
        Optional<String> token = tokens.apply(channel.workspaceId());
        if (token.isEmpty() || channel.isDirect()) {
            return Optional.empty();
        }
        try {
            var history = client.conversationsHistory(ConversationsHistoryRequest.builder().token(token.get())
                    .channel(channel.channelId()).oldest(since.getEpochSecond() + ".000000").limit(200)
                    .includeAllMetadata(true).build());
            if (!history.isOk() || history.getMessages() == null) {
                return Optional.empty();
            }
            return history.getMessages().stream()
                    .filter(m -> m.getMetadata() != null && METADATA_TYPE.equals(m.getMetadata().getEventType())
                            && m.getMetadata().getEventPayload() != null
                            && key.equals(String.valueOf(m.getMetadata().getEventPayload().get(KEY)))
                            && String.valueOf(part).equals(number(m.getMetadata().getEventPayload().get(PART))))
                    .map(Message::getTs).findFirst();
        } catch (IOException | SlackApiException e) {
            return Optional.empty();
        }
    }

    /**
     * Where a call writes: the channel, or for a member's private conversation the member's id, which Slack reads
     * as their conversation with the app.
     */
    private static String address(ChannelRef channel) {
        return channel.isDirect() ? channel.memberId() : channel.channelId();
    }

    /** A JSON number as Slack's SDK reads it back (a double), written as the integer it is. */
    private static String number(Object value) {
        return value instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(value);
    }

    /** Slack's forms are modals, opened at once with a trigger id, never posted. */
    @Override
    public Outcome postForm(ChannelRef channel, Form form, String replyTo) {
        return new Outcome.Failed("forms_are_modals", Outcome.Advice.OTHER);
    }

    @Override
    public Outcome update(ChannelRef channel, String messageId, Card card) {
        return call(channel, Methods.CHAT_UPDATE, arguments("channel", address(channel), "ts", messageId,
                "text", renderer.fallbackText(card), "blocks", renderer.blocks(card)));
    }

    /** {@code views.publish}: the member's Home tab, replaced as a whole. */
    @Override
    public Outcome home(ChannelRef member, Card card) {
        return call(member, Methods.VIEWS_PUBLISH, arguments("user_id", member.memberId(),
                "view", renderer.home(card)));
    }

    /**
     * {@code chat.postEphemeral}; where the bot is not in the channel, which Slack refuses as well, the notice goes
     * through the response_url of the member's latest command or press there (30 minutes at most), if any.
     */
    @Override
    public Outcome notify(ChannelRef channel, String memberId, Card card, String replyTo) {
        if (channel.isDirect()) {
            // The member's conversation with the app is theirs alone: a plain message there is private already.
            return call(channel, Methods.CHAT_POST_MESSAGE, arguments("channel", address(channel),
                    "text", renderer.fallbackText(card), "blocks", renderer.blocks(card),
                    "unfurl_links", false, "unfurl_media", false));
        }
        Outcome outcome = call(channel, Methods.CHAT_POST_EPHEMERAL, arguments("channel", channel.channelId(),
                "user", memberId, "thread_ts", replyTo, "text", renderer.fallbackText(card),
                "blocks", renderer.blocks(card)));
        if (!notInChannel(channel, outcome)) {
            return outcome;
        }
        try {
            Instant now = notInChannel.clock().instant();
            Optional<String> url = notInChannel.urls().find(channel, memberId, now.minus(RESPONSE_URL_LIFETIME));
            if (url.isPresent() && notInChannel.responses().send(url.get(), renderer.fallbackText(card),
                    renderer.blocks(card))) {
                return new Outcome.Sent("");
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not reach a member of {} through a response_url: {}", channel, e.toString());
        }
        return outcome;
    }

    /**
     * A channel's limits are the channel's, whichever workspace a message goes through: a Slack channel id is unique
     * across workspaces, and a channel shared by two organisations (Slack Connect) has one id and one limit, even
     * when both communities' rows name it with their own workspace.
     */
    @Override
    public List<Limit> limits(Call call, ChannelRef channel) {
        String workspace = "slack:" + channel.workspaceId();
        String slackChannel = "slack:channel:" + channel.channelId();
        return switch (call) {
            case POST -> List.of(Limit.bucket(slackChannel + ":post", BURST, 1.0),
                    Limit.scope(scope(channel, Methods.CHAT_POST_MESSAGE)));
            case NOTIFY -> List.of(Limit.bucket(slackChannel + ":ephemeral", BURST, 1.0),
                    Limit.scope(scope(channel, Methods.CHAT_POST_EPHEMERAL)));
            case HOME -> List.of(Limit.bucket(workspace + ":home", HOMES_PER_MINUTE, HOMES_PER_MINUTE / 60.0),
                    Limit.scope(scope(channel, Methods.VIEWS_PUBLISH)));
            case UPDATE -> List.of(Limit.bucket(workspace + ":update", UPDATES_PER_MINUTE, UPDATES_PER_MINUTE / 60.0),
                    Limit.scope(scope(channel, Methods.CHAT_UPDATE)));
        };
    }

    /** A call's arguments in the order given, as name and value pairs; those without a value are left out. */
    private static Map<String, Object> arguments(Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return arguments;
    }

    private Outcome call(ChannelRef channel, String method, Map<String, Object> arguments) {
        Optional<String> token = tokens.apply(channel.workspaceId());
        if (token.isEmpty()) {
            return new Outcome.Failed("not_installed", Outcome.Advice.REINSTALL);
        }
        try {
            SlackAnswer answer = writes.call(method, token.get(), arguments);
            if (answer.isOk()) {
                return new Outcome.Sent(answer.getTs() == null ? "" : answer.getTs());
            }
            return refused(channel, method, answer.getError());
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                return new Outcome.Retry(SlackSdk.retryAfter(e), scope(channel, method), "429 " + method);
            }
            String error = e.getError() == null ? null : e.getError().getError();
            return status < 500 && error != null ? refused(channel, method, error)
                    : new Outcome.Retry(Duration.ZERO, null, "HTTP " + status + " " + method);
        } catch (IOException e) {
            return new Outcome.Retry(Duration.ZERO, null, method + ": " + e);
        }
    }

    private static Outcome refused(ChannelRef channel, String method, String error) {
        if (PERMANENT.contains(error)) {
            return new Outcome.Failed(error, advice(error));
        }
        if ("ratelimited".equals(error)) {
            return new Outcome.Retry(Duration.ofSeconds(1), scope(channel, method), error);
        }
        return new Outcome.Retry(Duration.ZERO, null, method + ": " + error);
    }

    private static Outcome.Advice advice(String error) {
        return switch (error) {
            case "channel_not_found", "not_in_channel", "user_not_in_channel" -> Outcome.Advice.INVITE;
            case "is_archived" -> Outcome.Advice.ARCHIVED;
            case "invalid_auth", "account_inactive", "token_revoked", "missing_scope", "not_authed", "not_installed",
                 "team_access_not_granted", "no_permission" -> Outcome.Advice.REINSTALL;
            default -> Outcome.Advice.OTHER;
        };
    }


    private static String scope(ChannelRef channel, String method) {
        return "slack:" + channel.workspaceId() + ":" + method;
    }
}
