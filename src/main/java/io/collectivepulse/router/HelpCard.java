package io.collectivepulse.router;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.i18n.Messages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The help card, built from the registered commands only, each written the way it is typed on the platform and
 * in the community's language: it cannot list a command that does not exist, nor miss one that does.
 */
final class HelpCard {
    private HelpCard() {
    }

    static Card build(Messages messages, Platform platform, String preamble, List<CommandEntry> commands) {
        List<Card.Item> items = new ArrayList<>();
        items.add(Card.Item.of(preamble == null ? messages.get("help.intro") : preamble));
        commands.stream().filter(c -> !c.has(CommandEntry.Flag.FACILITATORS))
                .forEach(c -> items.add(Card.Item.of(line(messages, platform, c))));
        List<CommandEntry> facilitators = commands.stream().filter(c -> c.has(CommandEntry.Flag.FACILITATORS)).toList();
        if (!facilitators.isEmpty()) {
            items.add(Card.Item.heading(messages.get("help.facilitators")));
            facilitators.forEach(c -> items.add(Card.Item.of(line(messages, platform, c))));
        }
        return new Card(messages.get("help.title"), items, messages.get("help.footer", otherWords(messages, commands)));
    }

    /** {@code /signal liste [#thème] — affiche les 10 derniers signaux…} */
    static String line(Messages messages, Platform platform, CommandEntry command) {
        String usage = messages.get(command.helpKey() + ".usage");
        String typed = command.typed(platform, messages.locale()) + (usage.isEmpty() ? "" : " " + usage);
        return messages.get("help.line", typed, messages.get(command.helpKey()));
    }

    /** The sub-command words of the other language, which work too. */
    private static String otherWords(Messages messages, List<CommandEntry> commands) {
        Locale here = messages.locale();
        Locale other = here.getLanguage().equals("en") ? Locale.FRENCH : Locale.ENGLISH;
        Set<String> words = new LinkedHashSet<>();
        commands.stream().filter(c -> c.words() != null && !c.words().in(other).equals(c.words().in(here)))
                .forEach(c -> words.add(c.words().in(other)));
        return String.join(", ", words);
    }
}
