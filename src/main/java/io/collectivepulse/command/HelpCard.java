package io.collectivepulse.command;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.i18n.Messages;
import java.util.ArrayList;
import java.util.List;

/** The help card, with commands written the way they are typed on the platform. */
final class HelpCard {
    private HelpCard() {
    }

    static Card build(Messages messages, Platform platform, String preamble) {
        String prefix = platform.commandPrefix();
        List<Card.Item> items = new ArrayList<>();
        items.add(Card.Item.of(preamble == null ? messages.get("help.intro") : preamble));
        for (String key : List.of("help.signal", "help.signalList", "help.watch", "help.link", "help.join",
                "help.help")) {
            items.add(Card.Item.of(messages.get(key, prefix)));
        }
        items.add(Card.Item.heading(messages.get("help.facilitators")));
        for (String key : List.of("help.invite", "help.digest", "help.settings")) {
            items.add(Card.Item.of(messages.get(key, prefix)));
        }
        return new Card(messages.get("help.title"), items, messages.get("help.footer"));
    }
}
