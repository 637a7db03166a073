package io.collectivepulse.digest;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Link;
import io.collectivepulse.chat.MemberText;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.signal.Signal;
import io.collectivepulse.when.WhenFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a {@link Digest} reads. It stays short whatever the week: the top themes with their most seconded
 * signals, then pointers to the full lists, so that it fits one Teams card and one or two Slack messages.
 */
final class DigestCards {
    static final int MAX_THEMES = 8;
    static final int MAX_PER_THEME = 3;
    static final int MAX_RESOURCES = 5;
    static final int MAX_AGENDA = 10;
    static final int EXCERPT = 280;

    private DigestCards() {
    }

    /** The digest as posted; {@code prefix} is how commands are typed on the channel's platform. */
    static Card card(Messages messages, Digest digest, String prefix) {
        String name = digest.community().name();
        if (digest.isQuiet()) {
            return Card.text(messages.get("digest.quiet", name, prefix));
        }
        ZoneId zone = digest.community().timeZone();
        List<Card.Item> items = new ArrayList<>();
        items.add(Card.Item.of(messages.get("digest.intro",
                WhenFormat.day(digest.from().atZone(zone).toLocalDate(), messages.locale()),
                WhenFormat.day(digest.to().minusSeconds(1).atZone(zone).toLocalDate(), messages.locale()), digest.signalCount(), digest.resources().size())));
        themes(messages, digest, prefix, items);
        section(messages, "digest.resources", digest.resources(), MAX_RESOURCES, items,
                messages.get("digest.more.resources", prefix));
        if (!digest.claimedThemes().isEmpty() || !digest.claimed().isEmpty()) {
            items.add(Card.Item.heading(messages.get("digest.claimed")));
            digest.claimedThemes().stream().limit(MAX_AGENDA).forEach(t -> items.add(Card.Item.of(
                    messages.get("digest.claimedTheme", t.name(), String.join(", ", t.claimants())))));
            digest.claimed().stream().limit(MAX_AGENDA).forEach(s -> items.add(Card.Item.of(
                    messages.get("digest.claimedBy", line(messages, s), String.join(", ", s.claimants())))
                    .withLink(link(s))));
        }
        section(messages, "digest.flagged", digest.flagged(), MAX_AGENDA, items, null);
        return new Card(messages.get("digest.title", name), items, messages.get("digest.footer", prefix));
    }

    private static void themes(Messages messages, Digest digest, String prefix, List<Card.Item> items) {
        List<Digest.ThemeGroup> groups = digest.themes();
        for (Digest.ThemeGroup group : groups.subList(0, Math.min(MAX_THEMES, groups.size()))) {
            String heading = group.theme().isEmpty()
                    ? messages.get("digest.theme.none", group.signals().size())
                    : messages.get("digest.theme", group.theme(), group.signals().size(), group.votes());
            items.add(Card.Item.heading(heading));
            group.signals().stream().limit(MAX_PER_THEME).forEach(s -> items.add(item(messages, s)));
            int more = group.signals().size() - MAX_PER_THEME;
            if (more > 0) {
                items.add(Card.Item.of(group.theme().isEmpty()
                        ? messages.get("digest.more", more, prefix)
                        : messages.get("digest.more.theme", more, prefix, group.theme())));
            }
        }
        if (groups.size() > MAX_THEMES) {
            String others = groups.subList(MAX_THEMES, groups.size()).stream()
                    .filter(g -> !g.theme().isEmpty())
                    .map(g -> "#" + g.theme() + " (" + g.signals().size() + ")")
                    .collect(Collectors.joining(", "));
            items.add(Card.Item.of(messages.get("digest.otherThemes", others, prefix)));
        }
    }

    private static void section(Messages messages, String key, List<Signal> signals, int max, List<Card.Item> items,
                                String moreText) {
        if (signals.isEmpty()) {
            return;
        }
        items.add(Card.Item.heading(messages.get(key, signals.size())));
        signals.stream().limit(max).forEach(s -> items.add(item(messages, s)));
        if (signals.size() > max && moreText != null) {
            items.add(Card.Item.of(moreText));
        }
    }

    /** One signal: its line, then its address as a real link. */
    private static Card.Item item(Messages messages, Signal signal) {
        return Card.Item.of(line(messages, signal)).withLink(link(signal));
    }

    /**
     * One signal on one line: its text cut to an excerpt (or, for a resource without a comment, where its link goes),
     * author and +1s. The address itself is never in the text: it follows as a real link ({@link #link}).
     */
    private static String line(Messages messages, Signal signal) {
        String body = excerpt(signal.body());
        if (body.isEmpty() && signal.link() != null) {
            body = Link.to(signal.link()).text();
        }
        return messages.get("digest.line", body, signal.authorName(), signal.votes());
    }

    private static Link link(Signal signal) {
        return signal.link() == null ? null : Link.to(signal.link());
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (MemberText.length(oneLine) <= EXCERPT) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, EXCERPT - 1)) + "…";
    }
}
