package io.collectivepulse.command;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.community.CommunityService.LinkResult;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.signal.SignalCards;
import io.collectivepulse.signal.SignalService;
import io.collectivepulse.signal.SignalService.PostResult;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a typed command into a service call and the service's result into a reply, the same way for
 * every platform. Adapters only translate their wire format to a {@link Command} and the {@link Reply}
 * back; no exception ever reaches them: an unexpected failure becomes a polite message.
 */
public final class CommandDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommunityService communities;
    private final SignalService signals;

    public CommandDispatcher(CommunityService communities, SignalService signals) {
        this.communities = communities;
        this.signals = signals;
    }

    /** Handles a Slack-style command whose root word is already known. */
    public Reply handle(Command command) {
        Optional<Community> community = Optional.empty();
        try {
            community = communities.findByChannel(command.channel());
            Messages messages = Messages.of(communities.localeOf(community));
            if (Keywords.SIGNAL.equals(command.root())) {
                return signal(command, community, messages);
            }
            return pulse(command, messages);
        } catch (RuntimeException e) {
            LOG.error("Command {} failed in {}", command.root(), command.channel(), e);
            Messages messages = Messages.of(communities.localeOf(community));
            return Reply.privately(Card.text(messages.get("error.unexpected")));
        }
    }

    /**
     * Handles a free-text message (Teams): {@code signal …}, {@code pulse lier …}, or a pulse keyword on its
     * own such as {@code lier …} or {@code aide}.
     */
    public Reply handleMessage(Actor actor, ChannelRef channel, String text) {
        String first = Keywords.firstWord(text);
        if (first.equals(Keywords.PULSE) || first.equals(Keywords.SIGNAL)) {
            return handle(new Command(actor, channel, first, Keywords.afterFirstWord(text)));
        }
        return handle(new Command(actor, channel, Keywords.PULSE, text));
    }

    private Reply pulse(Command command, Messages messages) {
        String sub = Keywords.firstWord(command.text());
        var platform = command.channel().platform();
        if (sub.isEmpty() || Keywords.HELP.contains(sub)) {
            return Reply.privately(HelpCard.build(messages, platform, null));
        }
        if (Keywords.LINK.contains(sub)) {
            return link(command, messages);
        }
        return Reply.privately(HelpCard.build(messages, platform, messages.get("command.unknown", sub)));
    }

    private Reply link(Command command, Messages messages) {
        String prefix = command.channel().platform().commandPrefix();
        LinkResult result = communities.create(command.actor(), command.channel(),
                Keywords.afterFirstWord(command.text()));
        if (result instanceof LinkResult.Linked linked) {
            Community community = linked.community();
            return Reply.publicly(Card.text(Messages.of(community.locale()).get("link.done", community.name(), prefix)));
        }
        if (result instanceof LinkResult.AlreadyLinked already) {
            return Reply.privately(Card.text(messages.get("link.already", already.community().name())));
        }
        if (result instanceof LinkResult.NameTooLong tooLong) {
            return Reply.privately(Card.text(messages.get("link.nameTooLong", tooLong.max())));
        }
        return Reply.privately(Card.text(messages.get("link.missingName", prefix)));
    }

    private Reply signal(Command command, Optional<Community> maybeCommunity, Messages messages) {
        String prefix = command.channel().platform().commandPrefix();
        if (maybeCommunity.isEmpty()) {
            return Reply.privately(Card.text(messages.get("signal.notLinked", prefix)));
        }
        Community community = maybeCommunity.get();
        String sub = Keywords.firstWord(command.text());
        if (sub.isEmpty()) {
            return Reply.privately(Card.text(messages.get("signal.usage", prefix)));
        }
        if (Keywords.LIST.contains(sub) && Keywords.afterFirstWord(command.text()).isBlank()) {
            return Reply.privately(SignalCards.list(messages, community, signals.latest(community), prefix));
        }
        if (Keywords.HELP.contains(sub) && Keywords.afterFirstWord(command.text()).isBlank()) {
            return Reply.privately(HelpCard.build(messages, command.channel().platform(), null));
        }
        PostResult result = signals.post(community, command.actor(), command.channel(), command.text());
        if (result instanceof PostResult.Posted posted) {
            return Reply.privately(SignalCards.posted(messages, community, posted.signal()));
        }
        if (result instanceof PostResult.TooLong tooLong) {
            return Reply.privately(Card.text(messages.get("signal.tooLong", tooLong.length(), tooLong.max())));
        }
        if (result instanceof PostResult.TooManyThemes many) {
            return Reply.privately(Card.text(messages.get("signal.tooManyThemes", many.max())));
        }
        return Reply.privately(Card.text(messages.get("signal.usage", prefix)));
    }
}
