package io.collectivepulse.signal;

import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Link;
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

    /**
     * The card posted in the channel for a signal or resource: its text and link, author and date, themes, and two
     * buttons everyone uses (+1, take it up). What only some may do — put it on the session's agenda (facilitators),
     * edit or delete it (its author, facilitators) — is in its secondary actions (Slack's overflow menu, Teams' "…");
     * they are personal, so that Teams answers a refusal, a form or the question before deleting to the presser alone.
     */
    static Card card(Messages messages, Community community, Signal signal) {
        String value = Long.toString(signal.id());
        List<Button> buttons = new ArrayList<>();
        buttons.add(Button.action(messages.get("signal.button.vote", signal.votes()), SignalActions.VOTE, value));
        buttons.add(Button.action(messages.get("signal.button.claim"), SignalActions.CLAIM, value));
        buttons.add(Button.personal(messages.get(signal.isFlagged() ? "signal.button.unflag" : "signal.button.flag"),
                SignalActions.FLAG, value).inOverflow());
        buttons.add(Button.personal(messages.get("signal.button.edit"), SignalActions.EDIT, value).inOverflow());
        buttons.add(Button.personal(messages.get("signal.button.deleteAsk"), SignalActions.DELETE, value).inOverflow());
        var item = new Card.Item(signal.body(), meta(messages, community, signal), signal.themes(), buttons, false,
                moment(messages, community, signal), link(signal));
        String title = messages.get(signal.kind() == Signal.Kind.RESOURCE ? "watch.card.title" : "signal.card.title");
        return new Card(title, List.of(item), status(messages, signal).orElse(null));
    }

    /**
     * The question asked, privately, before a signal is deleted: what will go, a "Supprimer" button that asks once more
     * in Slack's confirm dialog, and "Annuler".
     */
    static Card confirmDelete(Messages messages, Signal signal) {
        String feature = signal.kind() == Signal.Kind.RESOURCE ? "watch" : "signal";
        String value = Long.toString(signal.id());
        var confirm = new Button.Confirm(messages.get(feature + ".confirmDelete.title"),
                messages.get(feature + ".confirmDelete.text"), messages.get("signal.button.delete"),
                messages.get("signal.button.keep"), true);
        List<Button> buttons = List.of(
                Button.personal(messages.get("signal.button.delete"), SignalActions.DELETE_CONFIRMED, value)
                        .confirmed(confirm),
                Button.personal(messages.get("signal.button.keep"), SignalActions.KEEP, value));
        var item = new Card.Item(signal.body(), messages.get("signal.meta.author", signal.authorName()), List.of(),
                buttons, false, null, link(signal));
        return new Card(messages.get(feature + ".confirmDelete.title"), List.of(item),
                messages.get(feature + ".confirmDelete.text"));
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
        return new Card.Item(signal.body(), meta, signal.themes()).withLink(link(signal));
    }

    /** The signal's address as a real link that reads as its host and path, or null when it has none. */
    static Link link(Signal signal) {
        return signal.link() == null ? null : Link.to(signal.link());
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
