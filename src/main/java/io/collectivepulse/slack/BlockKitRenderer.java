package io.collectivepulse.slack;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import io.collectivepulse.chat.Card;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a {@link Card} as Block Kit. All card text is escaped and marked verbatim, and every block stays
 * within Slack's published limits (50 blocks per message, 3,000 characters per section text, 150 per
 * header), so Slack never rejects a message we send.
 */
public final class BlockKitRenderer {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_HEADER_TEXT = 150;
    static final int MAX_CONTEXT_TEXT = 2000;

    /** The blocks of a message. */
    public List<LayoutBlock> blocks(Card card) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (card.title() != null) {
            blocks.add(HeaderBlock.builder()
                    .text(PlainTextObject.builder().text(plainFit(card.title(), MAX_HEADER_TEXT)).emoji(false).build())
                    .build());
        }
        int reserved = card.footer() == null ? 0 : 2;
        for (Card.Item item : card.items()) {
            List<LayoutBlock> itemBlocks = item(item);
            if (blocks.size() + itemBlocks.size() + reserved > MAX_BLOCKS) {
                break;
            }
            blocks.addAll(itemBlocks);
        }
        if (card.footer() != null) {
            blocks.add(DividerBlock.builder().build());
            blocks.add(context(card.footer()));
        }
        return blocks;
    }

    /** The notification text Slack shows where blocks cannot be displayed. */
    public String fallbackText(Card card) {
        return SlackText.fit(SlackText.escape(card.fallbackText()), MAX_SECTION_TEXT);
    }

    private List<LayoutBlock> item(Card.Item item) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (item.meta() != null) {
            blocks.add(context(item.meta()));
        }
        blocks.add(SectionBlock.builder().text(markdown(SlackText.escape(item.text()), MAX_SECTION_TEXT)).build());
        if (!item.tags().isEmpty()) {
            blocks.add(context(item.tags().stream().map(t -> "#" + t).collect(Collectors.joining("  "))));
        }
        return blocks;
    }

    private static ContextBlock context(String text) {
        return ContextBlock.builder()
                .elements(List.of(markdown(SlackText.escape(text), MAX_CONTEXT_TEXT)))
                .build();
    }

    private static MarkdownTextObject markdown(String escaped, int max) {
        return MarkdownTextObject.builder().text(SlackText.fit(escaped, max)).verbatim(true).build();
    }

    private static String plainFit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
