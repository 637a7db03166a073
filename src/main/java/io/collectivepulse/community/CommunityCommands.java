package io.collectivepulse.community;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.CommunityService.LinkResult;
import io.collectivepulse.delivery.ChannelStatus;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.CommandEntry.Flag;
import io.collectivepulse.router.CommandHandler;
import io.collectivepulse.router.Feature;
import io.collectivepulse.router.Registry;
import io.collectivepulse.router.Request;
import io.collectivepulse.router.Router;
import io.collectivepulse.router.Words;
import io.collectivepulse.when.WhenFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code /pulse lier|inviter|langue|fuseau}: creating a community or joining one with an invitation code,
 * inviting another channel, and the community's language and time zone.
 */
public final class CommunityCommands implements Feature {
    static final Words LINK = Words.of("lier", "link");
    static final Words INVITE = Words.of("inviter", "invite");
    static final Words LANGUAGE = Words.of("langue", "language");
    static final Words TIME_ZONE = Words.of("fuseau", "timezone");
    static final Words STATUS = Words.of("état", "status");

    private final CommunityService communities;
    private final Outbox outbox;

    public CommunityCommands(CommunityService communities, Outbox outbox) {
        this.communities = communities;
        this.outbox = outbox;
    }

    @Override
    public void register(Registry registry) {
        String pulse = Router.DEFAULT_ROOT;
        registry.command(pulse, LINK, "help.link", this::link, Flag.TEAMS_MENU)
                .command(pulse, INVITE, "help.invite", linked(this::invite), Flag.FACILITATORS, Flag.TEAMS_MENU)
                .command(pulse, LANGUAGE, "help.language", linked(this::language), Flag.FACILITATORS)
                .command(pulse, TIME_ZONE, "help.timezone", linked(this::timeZone), Flag.FACILITATORS)
                .command(pulse, STATUS, "help.status", linked(this::status), Flag.FACILITATORS);
    }

    /**
     * A handler that needs the channel's community: in a channel that has none, the help says how to link it.
     * Features whose commands live under {@code /pulse} use it too.
     */
    public static CommandHandler linked(CommunityService communities, BiFunction<Request, Community, Reply> handler) {
        return request -> {
            Optional<Community> community = communities.findByChannel(request.channel());
            if (community.isEmpty()) {
                Messages messages = communities.messages(community);
                return request.help(messages, messages.get("pulse.notLinked", request.prefix()));
            }
            return handler.apply(request, community.get());
        };
    }

    private CommandHandler linked(BiFunction<Request, Community, Reply> handler) {
        return linked(communities, handler);
    }

    private Reply link(Request request) {
        if (Invite.looksLikeCode(request.argument())) {
            return join(request);
        }
        LinkResult result = communities.create(request.actor(), request.channel(), request.argument());
        if (result instanceof LinkResult.Linked linked) {
            Community community = linked.community();
            return Reply.publicly(Card.text(Messages.of(community.locale())
                    .get("link.done", community.name(), request.prefix())));
        }
        if (result instanceof LinkResult.AlreadyLinked already) {
            return request.privately(Messages.of(already.community().locale()), "link.already",
                    already.community().name());
        }
        Messages messages = communities.messages(communities.findByChannel(request.channel()));
        if (result instanceof LinkResult.NameTooLong tooLong) {
            return request.privately(messages, "link.nameTooLong", tooLong.max());
        }
        return request.privately(messages, "link.missingName", request.prefix());
    }

    private Reply join(Request request) {
        JoinResult result = communities.join(request.actor(), request.channel(), request.argument());
        if (result instanceof JoinResult.Joined joined) {
            Community community = joined.community();
            return Reply.publicly(Card.text(Messages.of(community.locale())
                    .get("join.done", community.name(), request.prefix())));
        }
        if (result instanceof JoinResult.AlreadyLinked already) {
            return request.privately(Messages.of(already.community().locale()), "link.already",
                    already.community().name());
        }
        // Not linked, or the join would have said so: the service's default language.
        Messages messages = communities.messages(Optional.empty());
        if (result instanceof JoinResult.TooManyTries wait) {
            return request.privately(messages, wait.key(), wait.minutes());
        }
        if (result instanceof JoinResult.RefusedToIssuer refused) {
            return request.privately(messages, refused.key(), request.prefix());
        }
        return request.privately(messages, "join.refused", request.prefix());
    }

    private Reply invite(Request request, Community community) {
        Messages messages = Messages.of(community.locale());
        Optional<Invite> invite = communities.invite(community, request.actor());
        if (invite.isEmpty()) {
            return request.privately(messages, "pulse.facilitatorsOnly");
        }
        String code = invite.get().code();
        return Reply.privately(new Card(messages.get("invite.title", community.name()), List.of(
                Card.Item.of(messages.get("invite.code", code)),
                Card.Item.of(messages.get("invite.slack", code)),
                Card.Item.of(messages.get("invite.teams", code))),
                messages.get("invite.footer",
                        WhenFormat.dayAndTime(invite.get().expiresAt(), community.timeZone(), messages.locale()))));
    }

    private Reply language(Request request, Community community) {
        Messages messages = Messages.of(community.locale());
        String language = Words.fold(request.argument());
        if (!language.equals("fr") && !language.equals("en")) {
            return request.privately(messages, "language.usage", request.prefix());
        }
        return communities.setLocale(community, request.actor(), Locale.forLanguageTag(language))
                .map(changed -> Reply.publicly(Card.text(Messages.of(changed.locale()).get("language.done"))))
                .orElseGet(() -> request.privately(messages, "pulse.facilitatorsOnly"));
    }

    private Reply timeZone(Request request, Community community) {
        Messages messages = Messages.of(community.locale());
        Optional<ZoneId> zone = region(request.argument());
        if (zone.isEmpty()) {
            return request.privately(messages, "timezone.usage", request.prefix(), community.timeZone().getId());
        }
        return communities.setTimeZone(community, request.actor(), zone.get())
                .map(changed -> Reply.publicly(Card.text(messages.get("timezone.done", zone.get().getId()))))
                .orElseGet(() -> request.privately(messages, "pulse.facilitatorsOnly"));
    }

    /**
     * Facilitators: for each linked channel, when the last message reached it, what waits, and each permanent
     * failure with what to do about it.
     */
    private Reply status(Request request, Community community) {
        Messages messages = Messages.of(community.locale());
        if (!communities.isFacilitator(community, request.actor())) {
            return request.privately(messages, "pulse.facilitatorsOnly");
        }
        Function<Instant, String> dates = at -> WhenFormat.dayAndTime(at, community.timeZone(), messages.locale());
        List<Card.Item> items = new ArrayList<>();
        for (ChannelRef channel : communities.channels(community)) {
            ChannelStatus status = outbox.status(channel);
            items.add(Card.Item.heading(messages.get("status.channel." + channel.platform().id(), channel.channelId())));
            items.add(Card.Item.of(status.lastSent() == null
                    ? messages.get("status.nothingYet", status.waiting())
                    : messages.get("status.delivered", dates.apply(status.lastSent()), status.waiting())));
            status.failures().forEach(failure -> items.add(Card.Item.of(messages.get("status.failure", failure.reason(),
                    failure.count(), dates.apply(failure.last()),
                    messages.get("status.advice." + failure.advice().name().toLowerCase(Locale.ROOT))))));
        }
        items.addAll(communities.status(community, messages));
        return Reply.privately(new Card(messages.get("status.title", community.name()), items,
                messages.get("status.footer")));
    }

    /** An IANA region such as {@code Europe/Paris}; fixed offsets such as +01:00 would ignore daylight saving time. */
    static Optional<ZoneId> region(String typed) {
        if (!typed.contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(typed));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
