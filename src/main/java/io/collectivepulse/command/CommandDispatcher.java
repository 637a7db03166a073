package io.collectivepulse.command;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.signal.SignalActions;
import io.collectivepulse.signal.SignalService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a typed command or a pressed button into a service call and the service's result into a reply, the
 * same way for every platform. Adapters only translate their wire format to a {@link Command} or a
 * {@link ButtonPress} and the {@link Reply} back; no exception ever reaches them: an unexpected failure
 * becomes a polite message.
 */
public final class CommandDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommunityService communities;
    private final SignalPresses signalPresses;
    private final PulseCommands pulse;
    private final SignalCommands signalCommands;

    public CommandDispatcher(CommunityService communities, SignalService signals, DigestService digests) {
        this.communities = communities;
        this.signalPresses = new SignalPresses(signals);
        this.pulse = new PulseCommands(communities, digests);
        this.signalCommands = new SignalCommands(signals);
    }

    /** Handles a Slack-style command whose root word ({@code pulse}, {@code signal}, {@code veille}) is known. */
    public Reply handle(Command command) {
        Optional<Community> community = Optional.empty();
        try {
            community = communities.findByChannel(command.channel());
            var context = new CommandContext(command, community, Messages.of(communities.localeOf(community)));
            return switch (command.root()) {
                case Keywords.SIGNAL -> signalCommands.signal(context);
                case Keywords.WATCH -> signalCommands.watch(context);
                default -> pulse.handle(context);
            };
        } catch (RuntimeException e) {
            LOG.error("Command {} failed in {}", command.root(), command.channel(), e);
            return Reply.privately(Card.text(Messages.of(communities.localeOf(community)).get("error.unexpected")));
        }
    }

    /**
     * Handles a free-text message (Teams, Slack mentions): {@code signal …}, {@code veille …}, {@code pulse lier …},
     * or a pulse keyword on its own such as {@code lier …} or {@code aide}.
     */
    public Reply handleMessage(Actor actor, ChannelRef channel, String text) {
        String root = Keywords.ROOTS.get(Keywords.firstWord(text));
        if (root != null) {
            return handle(new Command(actor, channel, root, Keywords.afterFirstWord(text)));
        }
        return handle(new Command(actor, channel, Keywords.PULSE, text));
    }

    /** Handles a button pressed on a card; the card itself is updated by the service. */
    public Reply press(ButtonPress press) {
        Optional<Community> community = Optional.empty();
        try {
            community = communities.findByChannel(press.channel());
            Messages messages = Messages.of(communities.localeOf(community));
            if (community.isEmpty()) {
                return Reply.privately(Card.text(messages.get("signal.notLinked", press.channel().platform()
                        .commandPrefix())));
            }
            if (!press.action().startsWith(SignalActions.PREFIX)) {
                return Reply.privately(Card.text(messages.get("action.unknown")));
            }
            return signalPresses.press(press, community.get(), messages);
        } catch (RuntimeException e) {
            LOG.error("Button {} failed in {}", press.action(), press.channel(), e);
            return Reply.privately(Card.text(Messages.of(communities.localeOf(community)).get("error.unexpected")));
        }
    }
}
