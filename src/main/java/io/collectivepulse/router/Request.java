package io.collectivepulse.router;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.i18n.Messages;

/**
 * A command routed to a feature's handler: who typed it, where, and what followed the command's words.
 */
public final class Request {
    private final Command command;
    private final String argument;
    private final Router router;

    Request(Command command, String argument, Router router) {
        this.command = command;
        this.argument = argument;
        this.router = router;
    }

    public Command command() {
        return command;
    }

    public Actor actor() {
        return command.actor();
    }

    public ChannelRef channel() {
        return command.channel();
    }

    public Platform platform() {
        return command.channel().platform();
    }

    /** How commands are typed on the platform: {@code /} in Slack, nothing in Teams. */
    public String prefix() {
        return platform().commandPrefix();
    }

    /**
     * What followed the sub-command's word, trimmed; for the root's own handler, everything after the root.
     */
    public String argument() {
        return argument;
    }


    /** A short private answer from the bundle. */
    public Reply privately(Messages messages, String key, Object... args) {
        return Reply.privately(Card.text(messages.get(key, args)));
    }

    /** The help card (every registered command), privately, opened by {@code preamble} when not null. */
    public Reply help(Messages messages, String preamble) {
        return Reply.privately(router.helpCard(messages, platform(), preamble));
    }
}
