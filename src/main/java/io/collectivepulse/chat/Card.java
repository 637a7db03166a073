package io.collectivepulse.chat;

import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral message: what the features say, rendered to Block Kit or to an Adaptive Card by the
 * adapters. Every string in it is plain text — member text included — and renderers must escape it so
 * that it can never become markup, a link or a mention.
 *
 * @param title  a short heading, or null
 * @param items  the body, one entry per paragraph or listed element
 * @param footer   a closing hint in small print, or null
 * @param mentions members the card calls by name, shown last and notified where the platform does: the only way
 *                 the bot ever pings anyone, never from member text
 */
public record Card(String title, List<Item> items, String footer, List<Mention> mentions) {
    public Card {
        items = List.copyOf(items);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    public Card(String title, List<Item> items, String footer) {
        this(title, items, footer, List.of());
    }

    /** A card that is just one paragraph. */
    public static Card text(String text) {
        return new Card(null, List.of(Item.of(text)), null);
    }

    /** Plain text for notifications and screen readers: the title and the first item. */
    public String fallbackText() {
        String first = items.isEmpty() ? "" : items.get(0).text();
        return title == null ? first : title + (first.isEmpty() ? "" : " — " + first);
    }

    /**
     * A date and time as the community reads it: {@code text} is what {@code WhenFormat} wrote for the community's
     * time zone and language ("8 décembre 2026 à 21 h 24"), the text every platform can show; {@code epochSecond}
     * the moment itself, for a platform that shows it in each reader's zone (Slack's date tokens), {@code language}
     * the community's (a BCP 47 tag), for the words around it.
     */
    public record Moment(long epochSecond, String text, String language) {
        public Moment {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(language, "language");
        }
    }

    /** A member the card calls: their id on the platform and the name they go by. */
    public record Mention(String memberId, String name) {
        public Mention {
            Objects.requireNonNull(memberId, "memberId");
            name = name == null || name.isBlank() ? memberId : name;
        }
    }

    /**
     * One paragraph or listed element.
     *
     * @param text    the body
     * @param meta    a small line above it such as author and date, or null
     * @param tags    labels shown after it, such as themes (without the leading #)
     * @param buttons what can be done with it, shown under it
     * @param heading true for a heading that introduces the items after it (a theme in a digest)
     * @param moment  the date and time {@code meta} ends with, or null: a platform that can show a moment in each
     *                reader's own time zone writes it so, in place of that text
     * @param link    a link shown after the text (a signal's or a resource's address), or null
     */
    public record Item(String text, String meta, List<String> tags, List<Button> buttons, boolean heading,
                       Moment moment, Link link) {
        public Item {
            tags = List.copyOf(tags);
            buttons = List.copyOf(buttons);
            if (moment != null && (meta == null || !meta.endsWith(moment.text()))) {
                throw new IllegalArgumentException("The meta line does not end with its moment: " + moment.text());
            }
        }

        public Item(String text, String meta, List<String> tags, List<Button> buttons, boolean heading,
                    Moment moment) {
            this(text, meta, tags, buttons, heading, moment, null);
        }

        public Item(String text, String meta, List<String> tags, List<Button> buttons, boolean heading) {
            this(text, meta, tags, buttons, heading, null, null);
        }

        /** The same item with {@code link} after its text (none when {@code link} is null). */
        public Item withLink(Link link) {
            return new Item(text, meta, tags, buttons, heading, moment, link);
        }

        /** The buttons shown as buttons, in order. */
        public List<Button> primaryButtons() {
            return buttons.stream().filter(b -> !b.secondary()).toList();
        }

        /** The buttons of the overflow menu or secondary actions, in order. */
        public List<Button> secondaryButtons() {
            return buttons.stream().filter(Button::secondary).toList();
        }

        public Item(String text, String meta, List<String> tags) {
            this(text, meta, tags, List.of(), false);
        }

        public static Item of(String text) {
            return new Item(text, null, List.of());
        }

        public static Item heading(String text) {
            return new Item(text, null, List.of(), List.of(), true);
        }
    }
}
