package io.collectivepulse.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Form;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a {@link Card} as an Adaptive Card 1.5. All text goes into {@code TextRun}s of
 * {@code RichTextBlock}s, which Adaptive Cards never read as Markdown, so member text cannot become
 * markup, a link or a mention.
 */
public final class AdaptiveCardRenderer {
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String VERSION = "1.5";
    /**
     * The keys of an {@code Action.Submit}'s (or {@code Action.Execute}'s) data, read back by the bot when the button
     * is pressed.
     */
    static final String ACTION = "action";
    static final String VALUE = "value";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** What Markdown, HTML or the {@code <at>} tag could read in a name, and control characters. */
    private static final Pattern MARKUP = Pattern.compile("[<>\\[\\]()*_~`#|\\\\!&:/@\\p{Cntrl}]");
    private static final Pattern DOMAIN_DOT = Pattern.compile("\\.(?=\\S)");
    private static final int MAX_MENTION_NAME = 64;

    public ObjectNode render(Card card) {
        ObjectNode root = card();
        ArrayNode body = root.putArray("body");
        if (card.title() != null) {
            body.add(block(run(card.title()).put("weight", "Bolder").put("size", "Medium")));
        }
        for (Card.Item item : card.items()) {
            if (item.meta() != null) {
                body.add(block(run(item.meta()).put("isSubtle", true).put("size", "Small")).put("spacing", "Medium"));
            }
            ObjectNode text = item.heading()
                    ? block(run(item.text()).put("weight", "Bolder")).put("spacing", "Large")
                    : block(run(item.text()));
            if (item.link() != null) {
                // A real link: a TextRun whose select action opens the address; its text is plain, as every run's.
                ObjectNode link = run(item.link().text()).put("color", "Accent");
                link.putObject("selectAction").put("type", "Action.OpenUrl").put("url", item.link().url())
                        .put("title", item.link().text());
                if (item.text().isEmpty()) {
                    ((ArrayNode) text.get("inlines")).set(0, link);
                } else {
                    body.add(text);
                    text = block(link).put("spacing", "None");
                }
            }
            body.add(text);
            if (!item.tags().isEmpty()) {
                String tags = item.tags().stream().map(t -> "#" + t).collect(Collectors.joining("  "));
                body.add(block(run(tags).put("color", "Accent").put("size", "Small")).put("spacing", "None"));
            }
            if (!item.buttons().isEmpty()) {
                body.add(actions(item.buttons()));
            }
        }
        if (!card.mentions().isEmpty()) {
            mentions(root, body, card.mentions());
        }
        if (card.footer() != null) {
            body.add(block(run(card.footer()).put("isSubtle", true).put("size", "Small")).put("separator", true));
        }
        return root;
    }

    /**
     * The members the card calls, as Teams mentions: a TextBlock of {@code <at>name</at>} and the matching
     * entities. A TextBlock reads Markdown, so the names lose every character that could be markup first.
     */
    private static void mentions(ObjectNode root, ArrayNode body, List<Card.Mention> mentions) {
        ArrayNode entities = ((ObjectNode) root.get("msteams")).putArray("entities");
        var text = new StringBuilder();
        for (Card.Mention mention : mentions) {
            String name = plainName(mention.name());
            String tag = "<at>" + name + "</at>";
            text.append(text.isEmpty() ? "" : " ").append(tag);
            ObjectNode entity = entities.addObject().put("type", "mention").put("text", tag);
            entity.putObject("mentioned").put("id", mention.memberId()).put("name", name);
        }
        body.addObject().put("type", "TextBlock").put("text", text.toString()).put("wrap", true);
    }

    /**
     * A display name with nothing a TextBlock or the mention tag could read as markup or a link: no Markdown or
     * HTML characters, no {@code :}, {@code /} or {@code @}, and a dot inside a word (a domain) written as a
     * one-dot leader, which looks the same and is never linked.
     */
    static String plainName(String name) {
        String plain = MARKUP.matcher(name).replaceAll(" ");
        plain = DOMAIN_DOT.matcher(plain).replaceAll("\u2024").replaceAll("\\s+", " ").strip();
        plain = plain.length() > MAX_MENTION_NAME ? plain.substring(0, MAX_MENTION_NAME) : plain;
        return plain.isEmpty() ? "?" : plain;
    }

    /**
     * A form: one Input.Text per text field, one Input.ChoiceSet (a drop-down) per choice, and a submit button whose
     * data carries the form's action and value.
     */
    public ObjectNode render(Form form) {
        ObjectNode root = card();
        ArrayNode body = root.putArray("body");
        body.add(block(run(form.title()).put("weight", "Bolder").put("size", "Medium")));
        for (Form.Field field : form.fields()) {
            if (field.isChoice()) {
                ObjectNode set = body.addObject().put("type", "Input.ChoiceSet").put("id", field.id())
                        .put("label", field.label()).put("style", "compact").put("isRequired", !field.optional());
                ArrayNode choices = set.putArray("choices");
                field.choices().forEach(choice -> choices.addObject().put("title", choice.label())
                        .put("value", choice.value()));
                if (field.initial() != null) {
                    set.put("value", field.initial());
                }
                continue;
            }
            ObjectNode input = body.addObject().put("type", "Input.Text").put("id", field.id())
                    .put("label", field.label()).put("isMultiline", field.multiline())
                    .put("maxLength", field.maxLength()).put("isRequired", !field.optional());
            if (field.hint() != null) {
                input.put("placeholder", field.hint());
            }
            if (field.initial() != null) {
                input.put("value", field.initial());
            }
        }
        ObjectNode submit = root.putArray("actions").addObject().put("type", "Action.Submit")
                .put("title", form.submitLabel());
        submit.putObject("data").put(ACTION, form.action()).put(VALUE, form.value());
        return root;
    }

    /** An empty card, full width in Teams; its {@code body} is filled in by the caller. */
    private static ObjectNode card() {
        ObjectNode root = JSON.objectNode()
                .put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("version", VERSION);
        root.putObject("msteams").put("width", "Full");
        return root;
    }

    /**
     * An item's buttons as an ActionSet: the primary ones as buttons, the secondary ones with {@code "mode":
     * "secondary"} (Adaptive Cards 1.5), which Teams shows in the "…" overflow menu of the set. A button asking for a
     * confirmation that destroys something shows as destructive (red); Adaptive Cards have no confirm dialog, so the
     * card carrying it must itself be the question.
     */
    private static ObjectNode actions(List<Button> buttons) {
        ObjectNode set = JSON.objectNode().put("type", "ActionSet");
        ArrayNode actions = set.putArray("actions");
        for (Button button : buttons) {
            action(actions, button);
            ObjectNode added = (ObjectNode) actions.get(actions.size() - 1);
            if (button.secondary()) {
                added.put("mode", "secondary");
            }
            if (button.confirm() != null && button.confirm().danger()) {
                added.put("style", "destructive");
            }
        }
        return set;
    }

    private static void action(ArrayNode actions, Button button) {
        if (button.isLink()) {
            actions.addObject().put("type", "Action.OpenUrl").put("title", button.label()).put("url", button.url());
        } else if (button.personal()) {
            // Action.Execute rather than Action.Submit: Teams sends it as an adaptiveCard/action invoke whose
            // answer is a card shown in place of this one to the presser alone (their own vote marked), where
            // an Action.Submit could only be answered in the conversation, for everyone to read.
            ObjectNode execute = actions.addObject().put("type", "Action.Execute").put("title", button.label())
                    .put("verb", button.action());
            execute.putObject("data").put(ACTION, button.action()).put(VALUE, button.value());
        } else {
            ObjectNode submit = actions.addObject().put("type", "Action.Submit").put("title", button.label());
            submit.putObject("data").put(ACTION, button.action()).put(VALUE, button.value());
        }
    }

    private static ObjectNode block(ObjectNode run) {
        ObjectNode block = JSON.objectNode().put("type", "RichTextBlock");
        block.putArray("inlines").add(run);
        return block;
    }

    private static ObjectNode run(String text) {
        return JSON.objectNode().put("type", "TextRun").put("text", text);
    }
}
