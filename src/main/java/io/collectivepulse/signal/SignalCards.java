package io.collectivepulse.signal;

import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.when.WhenFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How signals and resources look in a chat: the card posted for each, lists and the theme overview. */
final class SignalCards {
    private SignalCards() {
    }

    /** The card posted in the channel for a signal or resource, with its buttons. */
    static Card card(Messages messages, Community community, Signal signal) {
        String value = Long.toString(signal.id());
        List<Button> buttons = new ArrayList<>();
        buttons.add(Button.action(messages.get("signal.button.vote", signal.votes()), SignalActions.VOTE, value));
        if (signal.link() != null) {
            buttons.add(Button.link(messages.get("signal.button.open"), signal.link()));
        }
        buttons.add(Button.action(messages.get("signal.button.claim"), SignalActions.CLAIM, value));
        buttons.add(Button.action(messages.get(signal.isFlagged() ? "signal.button.unflag" : "signal.button.flag"),
                SignalActions.FLAG, value));
        buttons.add(Button.action(messages.get("signal.button.edit"), SignalActions.EDIT, value));
        buttons.add(Button.action(messages.get("signal.button.delete"), SignalActions.DELETE, value));
        var item = new Card.Item(text(signal), meta(messages, community, signal), signal.themes(), buttons, false,
                moment(messages, community, signal));
        String title = messages.get(signal.kind() == Signal.Kind.RESOURCE ? "watch.card.title" : "signal.card.title");
        return new Card(title, List.of(item), status(messages, signal).orElse(null));
    }

    /** What replaces the card of a deleted signal. */
    static Card deleted(Messages messages, Signal signal) {
        return Card.text(messages.get(signal.kind() == Signal.Kind.RESOURCE ? "watch.deleted" : "signal.deleted"));
    }

    static Card list(Messages messages, Community community, Signal.Kind kind, Optional<String> theme,
                            List<Signal> signals, String commandPrefix) {
        String prefix = kind == Signal.Kind.RESOURCE ? "watch" : "signal";
        String title = theme.isPresent()
                ? messages.get(prefix + ".list.titleTheme", community.name(), theme.get())
                : messages.get(prefix + ".list.title", community.name());
        if (signals.isEmpty()) {
            return new Card(title, List.of(Card.Item.of(messages.get(prefix + ".list.empty", commandPrefix))), null);
        }
        return new Card(title, signals.stream().map(s -> listItem(messages, community, s)).toList(),
                messages.get(prefix + ".list.footer", signals.size()));
    }

    static Card themes(Messages messages, Community community, List<ThemeCount> themes, String commandPrefix) {
        String title = messages.get("signal.themes.title", community.name());
        if (themes.isEmpty()) {
            return new Card(title, List.of(Card.Item.of(messages.get("signal.themes.empty", commandPrefix))), null);
        }
        List<Card.Item> items = themes.stream()
                .map(t -> new Card.Item(t.claimants().isEmpty()
                        ? messages.get("signal.themes.line", t.name(), t.count())
                        : messages.get("signal.themes.lineClaimed", t.name(), t.count(), String.join(", ", t.claimants())),
                        null, List.of(), List.of(Button.action(messages.get("signal.button.claim"),
                                SignalActions.CLAIM_THEME, t.name())), false))
                .toList();
        return new Card(title, items, messages.get("signal.themes.footer", commandPrefix));
    }

    /** A signal as one element of a list or a digest: text, author and date, themes, +1s. */
    static Card.Item listItem(Messages messages, Community community, Signal signal) {
        String meta = meta(messages, community, signal);
        if (signal.votes() > 0) {
            meta = messages.get("signal.meta.votes", meta, signal.votes());
        }
        return new Card.Item(text(signal), meta, signal.themes());
    }

    private static String text(Signal signal) {
        if (signal.link() == null) {
            return signal.body();
        }
        return signal.body().isEmpty() ? signal.link() : signal.body() + "\n" + signal.link();
    }

    private static String meta(Messages messages, Community community, Signal signal) {
        return messages.get("signal.meta", signal.authorName(), when(messages, community, signal));
    }

    private static String when(Messages messages, Community community, Signal signal) {
        return WhenFormat.dayAndTime(signal.createdAt(), community.timeZone(), messages.locale());
    }

    /** When the signal was posted, which ends its card's meta line, for Slack to show in each reader's zone. */
    private static Card.Moment moment(Messages messages, Community community, Signal signal) {
        return new Card.Moment(signal.createdAt().getEpochSecond(), when(messages, community, signal),
                messages.locale().toLanguageTag());
    }

    private static Optional<String> status(Messages messages, Signal signal) {
        List<String> parts = new ArrayList<>();
        if (signal.isFlagged()) {
            parts.add(messages.get("signal.status.flagged"));
        }
        if (!signal.claimants().isEmpty()) {
            parts.add(messages.get("signal.status.claimed", String.join(", ", signal.claimants())));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", parts));
    }
}
