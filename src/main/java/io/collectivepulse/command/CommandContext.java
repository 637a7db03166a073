package io.collectivepulse.command;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import java.util.Optional;

/**
 * A command with what every handler needs to answer it: the channel's community if it has one, the
 * messages in its language, and how commands are typed on its platform.
 */
record CommandContext(Command command, Optional<Community> community, Messages messages) {
    String prefix() {
        return command.channel().platform().commandPrefix();
    }

    /** What follows the sub-command word. */
    String argument() {
        return Keywords.afterFirstWord(command.text()).strip();
    }

    Reply privately(String key, Object... args) {
        return Reply.privately(Card.text(messages.get(key, args)));
    }
}
