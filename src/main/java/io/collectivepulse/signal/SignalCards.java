package io.collectivepulse.signal;

import io.collectivepulse.chat.Card;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/** How signals look in a chat: the confirmation after posting, and the list of the latest ones. */
public final class SignalCards {
    private SignalCards() {
    }

    public static Card posted(Messages messages, Community community, Signal signal) {
        return new Card(null, List.of(Card.Item.of(messages.get("signal.posted", community.name())),
                item(messages, community, signal)), null);
    }

    public static Card list(Messages messages, Community community, List<Signal> signals, String commandPrefix) {
        if (signals.isEmpty()) {
            return new Card(messages.get("signal.list.title", community.name()),
                    List.of(Card.Item.of(messages.get("signal.list.empty", commandPrefix))), null);
        }
        return new Card(messages.get("signal.list.title", community.name()),
                signals.stream().map(s -> item(messages, community, s)).toList(),
                messages.get("signal.list.footer", signals.size()));
    }

    private static Card.Item item(Messages messages, Community community, Signal signal) {
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale())
                .withZone(community.timeZone());
        String meta = messages.get("signal.meta", signal.authorName(), format.format(signal.createdAt()));
        return new Card.Item(signal.body(), meta, signal.themes());
    }
}
