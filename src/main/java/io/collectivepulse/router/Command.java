package io.collectivepulse.router;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Typed;
import io.collectivepulse.chat.ChannelRef;

/**
 * A command as typed by a member, whatever the platform: {@code /signal text} in Slack is
 * {@code new Command(actor, channel, "signal", "text")}, and so is the Teams message {@code signal text}.
 *
 * @param root the command's root word, as registered by a feature ({@code pulse}, {@code signal}…)
 * @param text everything after it, untrimmed
 */
public record Command(Actor actor, ChannelRef channel, String root, String text) {
    public Command {
        text = text == null ? "" : Typed.clean(text);
    }
}
