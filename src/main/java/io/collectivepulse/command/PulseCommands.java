package io.collectivepulse.command;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.community.CommunityService.JoinResult;
import io.collectivepulse.community.CommunityService.LinkResult;
import io.collectivepulse.community.Invite;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.i18n.Messages;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/** {@code /pulse …}: help, linking channels, invitations and the community's settings. */
final class PulseCommands {
    private final CommunityService communities;
    private final DigestService digests;
    private final DigestCommand digest;

    PulseCommands(CommunityService communities, DigestService digests) {
        this.communities = communities;
        this.digests = digests;
        this.digest = new DigestCommand(communities, digests);
    }

    Reply handle(CommandContext context) {
        String sub = Keywords.firstWord(context.command().text());
        var platform = context.command().channel().platform();
        if (sub.isEmpty() || Keywords.HELP.contains(sub)) {
            return Reply.privately(HelpCard.build(context.messages(), platform, null));
        }
        if (Keywords.LINK.contains(sub)) {
            return Invite.looksLikeCode(context.argument()) ? join(context) : link(context);
        }
        boolean known = Keywords.INVITE.contains(sub) || Keywords.LANGUAGE.contains(sub)
                || Keywords.TIME_ZONE.contains(sub) || Keywords.DIGEST.contains(sub);
        if (!known) {
            return Reply.privately(HelpCard.build(context.messages(), platform,
                    context.messages().get("command.unknown", sub)));
        }
        if (context.community().isEmpty()) {
            return Reply.privately(HelpCard.build(context.messages(), platform,
                    context.messages().get("pulse.notLinked", context.prefix())));
        }
        Community community = context.community().get();
        if (Keywords.INVITE.contains(sub)) {
            return invite(context, community);
        }
        if (Keywords.LANGUAGE.contains(sub)) {
            return language(context, community);
        }
        if (Keywords.TIME_ZONE.contains(sub)) {
            return timeZone(context, community);
        }
        return digest.handle(context, community);
    }

    private Reply link(CommandContext context) {
        var command = context.command();
        LinkResult result = communities.create(command.actor(), command.channel(), context.argument());
        if (result instanceof LinkResult.Linked linked) {
            Community community = linked.community();
            digests.plan(community);
            return Reply.publicly(Card.text(Messages.of(community.locale())
                    .get("link.done", community.name(), context.prefix())));
        }
        if (result instanceof LinkResult.AlreadyLinked already) {
            return context.privately("link.already", already.community().name());
        }
        if (result instanceof LinkResult.NameTooLong tooLong) {
            return context.privately("link.nameTooLong", tooLong.max());
        }
        return context.privately("link.missingName", context.prefix());
    }

    private Reply join(CommandContext context) {
        var command = context.command();
        JoinResult result = communities.join(command.actor(), command.channel(), context.argument());
        if (result instanceof JoinResult.Joined joined) {
            Community community = joined.community();
            return Reply.publicly(Card.text(Messages.of(community.locale())
                    .get("join.done", community.name(), context.prefix())));
        }
        if (result instanceof JoinResult.AlreadyLinked already) {
            return context.privately("link.already", already.community().name());
        }
        if (result instanceof JoinResult.Expired) {
            return context.privately("join.expired");
        }
        if (result instanceof JoinResult.Used) {
            return context.privately("join.used");
        }
        return context.privately("join.unknown", context.prefix());
    }

    private Reply invite(CommandContext context, Community community) {
        Optional<Invite> invite = communities.invite(community, context.command().actor());
        if (invite.isEmpty()) {
            return context.privately("pulse.facilitatorsOnly");
        }
        var expires = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(context.messages().locale()).withZone(community.timeZone());
        Messages messages = context.messages();
        return Reply.privately(new Card(messages.get("invite.title", community.name()), java.util.List.of(
                Card.Item.of(messages.get("invite.code", invite.get().code())),
                Card.Item.of(messages.get("invite.slack", invite.get().code())),
                Card.Item.of(messages.get("invite.teams", invite.get().code()))),
                messages.get("invite.footer", expires.format(invite.get().expiresAt()))));
    }

    private Reply language(CommandContext context, Community community) {
        String language = Keywords.fold(context.argument());
        if (!language.equals("fr") && !language.equals("en")) {
            return context.privately("language.usage", context.prefix());
        }
        return communities.setLocale(community, context.command().actor(), Locale.forLanguageTag(language))
                .map(changed -> Reply.publicly(Card.text(Messages.of(changed.locale()).get("language.done"))))
                .orElseGet(() -> context.privately("pulse.facilitatorsOnly"));
    }

    private Reply timeZone(CommandContext context, Community community) {
        ZoneId zone;
        try {
            zone = ZoneId.of(context.argument());
        } catch (DateTimeException e) {
            return context.privately("timezone.usage", context.prefix(), community.timeZone().getId());
        }
        if (context.argument().isEmpty() || !context.argument().contains("/")) {
            // Region ids only: fixed offsets such as +01:00 would ignore daylight saving time.
            return context.privately("timezone.usage", context.prefix(), community.timeZone().getId());
        }
        return communities.setTimeZone(community, context.command().actor(), zone)
                .map(changed -> {
                    digests.plan(changed);
                    return Reply.publicly(Card.text(context.messages().get("timezone.done", zone.getId())));
                })
                .orElseGet(() -> context.privately("pulse.facilitatorsOnly"));
    }
}
