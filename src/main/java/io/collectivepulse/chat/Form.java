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
     * One text input.
     *
     * @param id        the key of its value in the submission
     * @param hint      a placeholder, or null
     * @param initial   the value it starts with, or null
     * @param maxLength the most characters it accepts
     */
    public record Field(String id, String label, String hint, String initial, boolean multiline, int maxLength,
                        boolean optional) {
    }
}
