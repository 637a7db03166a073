package io.collectivepulse.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.OverflowMenuElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Form;
import io.collectivepulse.chat.Link;
import io.collectivepulse.when.WhenFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a {@link Card} as Block Kit. All card text is escaped and marked verbatim, and every block stays
 * within Slack's published limits (50 blocks per message, 3,000 characters per section text, 150 per
 * header, 75 per button text), so Slack never rejects a message we send. A card too long for one message is
 * split into several by {@link #messages}.
 */
public final class BlockKitRenderer {
    static final int MAX_BLOCKS = 50;
    /** A Slack member id, as the Events API and commands give it. */
    private static final Pattern MEMBER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_HEADER_TEXT = 150;
    static final int MAX_CONTEXT_TEXT = 2000;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_BUTTON_VALUE = 2000;
    static final int MAX_BUTTONS = 25;
    static final int MAX_URL = 3000;
    /** An overflow menu holds 2 to 5 options, whose text is at most 75 characters and value 150. */
    static final int MIN_OVERFLOW = 2;
    static final int MAX_OVERFLOW = 5;
    static final int MAX_OPTION_VALUE = 150;
    /** A confirm dialog: title 100 characters, text 300, buttons 30. */
    static final int MAX_CONFIRM_TITLE = 100;
    static final int MAX_CONFIRM_TEXT = 300;
    static final int MAX_CONFIRM_BUTTON = 30;
    /**
     * The action id of an item's overflow menu. Its options carry what a button would, as
     * {@code action + OPTION_SEPARATOR + value}: {@link #choice} reads them back into the same press.
     */
    static final String OVERFLOW_ACTION = "more";
    static final char OPTION_SEPARATOR = '|';
    /** The action id of link buttons, which Slack reports when clicked although they only open a page. */
    static final String LINK_ACTION = "link.open";
    /** The action id of every text input of a modal; the block id is the field's id. */
    static final String FIELD_ACTION = "value";
    static final int MAX_VIEW_TITLE = 24;
    static final int MAX_LABEL = 2000;
    static final int MAX_PLACEHOLDER = 150;
    /** A static select's options, and each option's text. */
    static final int MAX_OPTIONS = 100;
    static final int MAX_OPTION_TEXT = 75;

    /** The blocks of a one-message answer: items that do not fit in 50 blocks are left out, the footer kept. */
    public List<LayoutBlock> blocks(Card card) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (card.title() != null) {
            blocks.add(header(card.title()));
        }
        Optional<LayoutBlock> mentions = mentions(card);
        int reserved = (card.footer() == null ? 0 : 2) + (mentions.isPresent() ? 1 : 0);
        for (Card.Item item : card.items()) {
            List<LayoutBlock> itemBlocks = item(item);
            if (blocks.size() + itemBlocks.size() + reserved > MAX_BLOCKS) {
                break;
            }
            blocks.addAll(itemBlocks);
        }
        mentions.ifPresent(blocks::add);
        if (card.footer() != null) {
            blocks.add(DividerBlock.builder().build());
            blocks.add(context(card.footer()));
        }
        return blocks;
    }

    /**
     * The card as one or more messages of at most 50 blocks each: the title opens the first, the footer closes the
     * last, and an item is never cut across two messages.
     */
    public List<List<LayoutBlock>> messages(Card card) {
        List<List<LayoutBlock>> messages = new ArrayList<>();
        List<LayoutBlock> current = new ArrayList<>();
        if (card.title() != null) {
            current.add(header(card.title()));
        }
        for (Card.Item item : card.items()) {
            List<LayoutBlock> itemBlocks = item(item);
            if (current.size() + itemBlocks.size() > MAX_BLOCKS && !current.isEmpty()) {
                messages.add(current);
                current = new ArrayList<>();
            }
            current.addAll(itemBlocks.subList(0, Math.min(itemBlocks.size(), MAX_BLOCKS)));
        }
        Optional<LayoutBlock> mentions = mentions(card);
        if (mentions.isPresent()) {
            if (current.size() + 1 > MAX_BLOCKS) {
                messages.add(current);
                current = new ArrayList<>();
            }
            current.add(mentions.get());
        }
        if (card.footer() != null) {
            if (current.size() + 2 > MAX_BLOCKS) {
                messages.add(current);
                current = new ArrayList<>();
            }
            current.add(DividerBlock.builder().build());
            current.add(context(card.footer()));
        }
        messages.add(current);
        return messages;
    }

    /**
     * A form as a modal: one input block per field, its id as block id; {@code metadata} comes back with the
     * submission (here, the channel the form was opened from).
     */
    public View modal(Form form, String metadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Form.Field field : form.fields()) {
            if (field.isChoice()) {
                blocks.add(InputBlock.builder().blockId(field.id()).label(plain(field.label(), MAX_LABEL))
                        .element(menu(field)).optional(field.optional()).build());
                continue;
            }
            var input = PlainTextInputElement.builder().actionId(FIELD_ACTION).multiline(field.multiline())
                    .maxLength(field.maxLength());
            if (field.hint() != null) {
                input.placeholder(plain(field.hint(), MAX_PLACEHOLDER));
            }
            if (field.initial() != null && !field.initial().isEmpty()) {
                input.initialValue(field.initial());
            }
            blocks.add(InputBlock.builder().blockId(field.id()).label(plain(field.label(), MAX_LABEL))
                    .element(input.build()).optional(field.optional()).build());
        }
        return View.builder().type("modal").callbackId(form.action())
                .title(ViewTitle.builder().type("plain_text").text(plainFit(form.title(), MAX_VIEW_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(plainFit(form.submitLabel(), MAX_VIEW_TITLE))
                        .build())
                .privateMetadata(metadata + "|" + form.value())
                .blocks(blocks).build();
    }

    /** A choice field as a menu of at most 100 options, starting on the initial one when it is among them. */
    private static StaticSelectElement menu(Form.Field field) {
        List<OptionObject> options = field.choices().stream().limit(MAX_OPTIONS)
                .map(choice -> OptionObject.builder().text(plain(choice.label(), MAX_OPTION_TEXT))
                        .value(choice.value()).build())
                .toList();
        var menu = StaticSelectElement.builder().actionId(FIELD_ACTION).options(options);
        options.stream().filter(option -> option.getValue().equals(field.initial())).findFirst()
                .ifPresent(menu::initialOption);
        return menu.build();
    }

    /**
     * A member's Home tab: the card's blocks, as a message would show them (a home view may hold 100 blocks; a card
     * keeps to a message's 50).
     */
    public View home(Card card) {
        return View.builder().type("home").blocks(blocks(card)).build();
    }

    /** The notification text Slack shows where blocks cannot be displayed. */
    public String fallbackText(Card card) {
        return SlackText.fit(SlackText.escape(card.fallbackText()), MAX_SECTION_TEXT);
    }

    private List<LayoutBlock> item(Card.Item item) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (item.meta() != null) {
            blocks.add(item.moment() == null ? context(item.meta()) : context(item.meta(), item.moment()));
        }
        String link = item.link() == null ? "" : link(item.link());
        String room = link.isEmpty() ? "" : "\n" + link;
        String text = SlackText.fit(SlackText.escape(item.text()), MAX_SECTION_TEXT - 2 - room.length());
        text = item.heading() ? "*" + text.replace("*", "∗") + "*" : text;
        text = text.isEmpty() ? link : text + room;
        var section = SectionBlock.builder().text(markdown(text, MAX_SECTION_TEXT));
        // A single button sits beside its text (one block instead of two), as in a list of themes.
        boolean accessory = item.buttons().size() == 1 && item.tags().isEmpty();
        if (accessory) {
            section.accessory(buttons(item.buttons()).get(0));
        }
        blocks.add(section.build());
        if (!item.tags().isEmpty()) {
            blocks.add(context(item.tags().stream().map(t -> "#" + t).collect(Collectors.joining("  "))));
        }
        if (!item.buttons().isEmpty() && !accessory) {
            blocks.add(ActionsBlock.builder().elements(elements(item)).build());
        }
        return blocks;
    }

    /**
     * An item's buttons as the elements of its actions block: the primary buttons, then one overflow menu with the
     * secondary ones. A secondary button stays a button when the menu cannot hold it: alone (a menu needs two
     * options), asking a confirmation (a menu's {@code confirm} would apply to all its options), past the menu's five
     * options, or with a value too long for an option.
     */
    private static List<BlockElement> elements(Card.Item item) {
        List<Button> asButtons = new ArrayList<>(item.primaryButtons());
        List<Button> inMenu = new ArrayList<>();
        for (Button button : item.secondaryButtons()) {
            if (button.confirm() == null && inMenu.size() < MAX_OVERFLOW && optionValue(button).isPresent()) {
                inMenu.add(button);
            } else {
                asButtons.add(button);
            }
        }
        if (inMenu.size() < MIN_OVERFLOW) {
            // No menu: every button as a button, in the item's order.
            asButtons = new ArrayList<>(item.buttons());
            inMenu.clear();
        }
        List<BlockElement> elements = buttons(asButtons.subList(0, Math.min(asButtons.size(),
                inMenu.isEmpty() ? MAX_BUTTONS : MAX_BUTTONS - 1)));
        if (!inMenu.isEmpty()) {
            List<OptionObject> options = new ArrayList<>();
            for (Button button : inMenu) {
                var option = OptionObject.builder().text(plain(button.label(), MAX_BUTTON_TEXT))
                        .value(optionValue(button).orElseThrow());
                if (button.isLink()) {
                    option.url(button.url());
                }
                options.add(option.build());
            }
            elements.add(OverflowMenuElement.builder().actionId(OVERFLOW_ACTION).options(options).build());
        }
        return elements;
    }

    /** What an overflow option carries for {@code button}: its action and value, when they fit in 150 characters. */
    private static Optional<String> optionValue(Button button) {
        if (button.isLink()) {
            return button.url().length() > MAX_URL ? Optional.empty() : Optional.of(LINK_ACTION + OPTION_SEPARATOR);
        }
        String value = button.action() + OPTION_SEPARATOR + (button.value() == null ? "" : button.value());
        return button.action().indexOf(OPTION_SEPARATOR) < 0 && value.length() <= MAX_OPTION_VALUE
                ? Optional.of(value) : Optional.empty();
    }

    /**
     * The action and value of the overflow option a member chose ({@link #optionValue}), as a button would have sent
     * them; empty for anything else.
     */
    static Optional<String[]> choice(String optionValue) {
        if (optionValue == null) {
            return Optional.empty();
        }
        int separator = optionValue.indexOf(OPTION_SEPARATOR);
        if (separator <= 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {optionValue.substring(0, separator), optionValue.substring(separator + 1)});
    }

    /**
     * A real link, {@code <url|text>}: the text escaped, and in the address the characters that would end the link or
     * start its text ({@code <}, {@code >}, {@code |}, spaces) percent-encoded and {@code &} escaped. Only a
     * {@link Link} the service built becomes one; member text is always escaped, never read as a link.
     */
    static String link(Link link) {
        String url = link.url().replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
                .replace(" ", "%20");
        String text = SlackText.escape(link.text()).replace("|", "¦");
        return url.length() > MAX_URL ? text : "<" + url + "|" + text + ">";
    }

    /**
     * The members the card calls, as Slack mentions: only ids of Slack's form are written as mentions, names are
     * escaped, so that nothing else can ever ping.
     */
    private static Optional<LayoutBlock> mentions(Card card) {
        if (card.mentions().isEmpty()) {
            return Optional.empty();
        }
        String text = card.mentions().stream()
                .map(m -> MEMBER_ID.matcher(m.memberId()).matches() ? "<@" + m.memberId() + ">"
                        : SlackText.escape(m.name()))
                .collect(Collectors.joining(" "));
        return Optional.of(SectionBlock.builder().text(MarkdownTextObject.builder()
                .text(SlackText.fit(text, MAX_SECTION_TEXT)).build()).build());
    }

    private static List<BlockElement> buttons(List<Button> buttons) {
        List<BlockElement> elements = new ArrayList<>();
        for (Button button : buttons.subList(0, Math.min(buttons.size(), MAX_BUTTONS))) {
            var builder = ButtonElement.builder()
                    .text(PlainTextObject.builder().text(plainFit(button.label(), MAX_BUTTON_TEXT)).emoji(false).build());
            if (button.isLink()) {
                if (button.url().length() > MAX_URL) {
                    continue;
                }
                builder.actionId(LINK_ACTION).url(button.url());
            } else {
                builder.actionId(button.action()).value(plainFit(button.value(), MAX_BUTTON_VALUE));
            }
            if (button.confirm() != null) {
                builder.confirm(confirm(button.confirm()));
                if (button.confirm().danger()) {
                    builder.style("danger");
                }
            }
            elements.add(builder.build());
        }
        return elements;
    }

    private static ConfirmationDialogObject confirm(Button.Confirm confirm) {
        var dialog = ConfirmationDialogObject.builder()
                .title(plain(confirm.title(), MAX_CONFIRM_TITLE))
                .text(plain(confirm.text(), MAX_CONFIRM_TEXT))
                .confirm(plain(confirm.ok(), MAX_CONFIRM_BUTTON))
                .deny(plain(confirm.deny(), MAX_CONFIRM_BUTTON));
        if (confirm.danger()) {
            dialog.style("danger");
        }
        return dialog.build();
    }

    private static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(plainFit(text, max)).emoji(false).build();
    }

    private static HeaderBlock header(String title) {
        return HeaderBlock.builder()
                .text(PlainTextObject.builder().text(plainFit(title, MAX_HEADER_TEXT)).emoji(false).build())
                .build();
    }

    private static ContextBlock context(String text) {
        return ContextBlock.builder()
                .elements(List.of(markdown(SlackText.escape(text), MAX_CONTEXT_TEXT)))
                .build();
    }

    /**
     * A meta line that ends with a moment: the moment as a Slack date token, which each reader's client shows in
     * their own time zone ("{date_long} à {time}"), with the community's text as its fallback. Only this renderer
     * writes a token; member text around it is escaped like any other, so a typed {@code <!date^…>} stays text.
     */
    private static ContextBlock context(String meta, Card.Moment moment) {
        String token = SlackText.dateToken(moment.epochSecond(),
                "{date_long}" + WhenFormat.joint(Locale.forLanguageTag(moment.language())) + "{time}",
                moment.text());
        String before = SlackText.fit(SlackText.escape(meta.substring(0, meta.length() - moment.text().length())),
                MAX_CONTEXT_TEXT - token.length());
        return ContextBlock.builder()
                .elements(List.of(MarkdownTextObject.builder().text(before + token).verbatim(true).build()))
                .build();
    }

    private static MarkdownTextObject markdown(String escaped, int max) {
        return MarkdownTextObject.builder().text(SlackText.fit(escaped, max)).verbatim(true).build();
    }

    private static String plainFit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
