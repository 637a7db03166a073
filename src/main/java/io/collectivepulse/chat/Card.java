package io.collectivepulse.chat;

import java.util.List;

/**
 * A platform-neutral message: what the features say, rendered to Block Kit or to an Adaptive Card by the
 * adapters. Every string in it is plain text — member text included — and renderers must escape it so
 * that it can never become markup, a link or a mention.
 *
 * @param title  a short heading, or null
 * @param items  the body, one entry per paragraph or listed element
 * @param footer a closing hint in small print, or null
 */
public record Card(String title, List<Item> items, String footer) {
    public Card {
        items = List.copyOf(items);
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
     * One paragraph or listed element.
     *
     * @param text    the body
     * @param meta    a small line above it such as author and date, or null
     * @param tags    labels shown after it, such as themes (without the leading #)
     * @param buttons what can be done with it, shown under it
     * @param heading true for a heading that introduces the items after it (a theme in a digest)
     */
    public record Item(String text, String meta, List<String> tags, List<Button> buttons, boolean heading) {
        public Item {
            tags = List.copyOf(tags);
            buttons = List.copyOf(buttons);
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
