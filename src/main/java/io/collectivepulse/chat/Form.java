package io.collectivepulse.chat;

import java.util.List;

/**
 * A small form a member fills in: a Slack modal, or an Adaptive Card with inputs in Teams. Submitting it comes
 * back as a {@link ButtonPress} with {@code action}, {@code value} and the fields' values.
 *
 * @param title       a short title (Slack allows 24 characters)
 * @param submitLabel the submit button's text (24 characters)
 * @param action      the action id of the submission
 * @param value       what the submission applies to (such as a signal id), or ""
 */
public record Form(String title, String submitLabel, String action, String value, List<Field> fields) {
    public Form {
        fields = List.copyOf(fields);
    }

    /**
     * One input: text, or a choice among {@code choices} when there are some (a Slack menu, a Teams choice set).
     *
     * @param id        the key of its value in the submission
     * @param hint      a placeholder, or null
     * @param initial   the value it starts with (for a choice, the value of the choice selected), or null
     * @param maxLength the most characters a text input accepts
     * @param choices   what may be chosen, in order; empty for a text input
     */
    public record Field(String id, String label, String hint, String initial, boolean multiline, int maxLength,
                        boolean optional, List<Choice> choices) {
        public Field {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }

        /** A text input. */
        public Field(String id, String label, String hint, String initial, boolean multiline, int maxLength,
                     boolean optional) {
            this(id, label, hint, initial, multiline, maxLength, optional, List.of());
        }

        /** A choice of one among {@code choices}, starting on {@code initial}. */
        public static Field choice(String id, String label, String initial, List<Choice> choices) {
            return new Field(id, label, null, initial, false, 0, false, choices);
        }

        public boolean isChoice() {
            return !choices.isEmpty();
        }
    }

    /**
     * One of a choice field's options.
     *
     * @param value what the submission carries when it is chosen
     * @param label what the member reads
     */
    public record Choice(String value, String label) {
    }
}
