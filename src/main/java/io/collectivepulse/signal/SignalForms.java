package io.collectivepulse.signal;

import io.collectivepulse.chat.Form;
import io.collectivepulse.i18n.Messages;
import java.util.List;
import java.util.stream.Collectors;

/** The forms to write a signal and to edit one: text, themes, link. */
final class SignalForms {
    private SignalForms() {
    }

    /** {@code /signal} on its own: an empty form. */
    static Form create(Messages messages) {
        return form(messages, "signal.form.title", SignalActions.CREATE, "", null, null, null);
    }

    /** The form of an existing signal, filled in with what it says now. */
    static Form edit(Messages messages, Signal signal) {
        String themes = signal.themes().stream().collect(Collectors.joining(" "));
        return form(messages, "signal.form.editTitle", SignalActions.SAVE, Long.toString(signal.id()), signal.body(),
                themes.isEmpty() ? null : themes, signal.link());
    }

    private static Form form(Messages messages, String titleKey, String action, String value, String text,
                             String themes, String link) {
        return new Form(messages.get(titleKey), messages.get("signal.form.submit"), action, value, List.of(
                new Form.Field(SignalActions.TEXT, messages.get("signal.form.text"),
                        messages.get("signal.form.textHint"), text, true, Signal.MAX_LENGTH, false),
                new Form.Field(SignalActions.THEMES, messages.get("signal.form.themes"),
                        messages.get("signal.form.themesHint"), themes, false, 500, true),
                new Form.Field(SignalActions.LINK, messages.get("signal.form.link"),
                        messages.get("signal.form.linkHint"), link, false, WatchLink.MAX_LENGTH, true)));
    }

    /** The themes field as {@code #thème} words, whatever separators the member used: "rh, #Paie" → "#rh #paie". */
    static String themesAsTags(String field) {
        return java.util.Arrays.stream(field.split("[\\s,;]+"))
                .map(word -> word.startsWith("#") ? word.substring(1) : word)
                .filter(word -> !word.isEmpty())
                .map(word -> "#" + word)
                .collect(Collectors.joining(" "));
    }
}
