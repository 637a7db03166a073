package io.collectivepulse.signal;

import io.collectivepulse.chat.MemberText;
import io.collectivepulse.signal.SignalService.PostResult;
import java.util.List;
import java.util.Optional;

/**
 * What a member submitted for a signal or a resource, checked: the rules on text, themes and link are written
 * here once, for the commands, the form and edits. Either {@code refusal} is null and the draft can be stored,
 * or it says why nothing is stored.
 */
record SignalDraft(Signal.Kind kind, String body, List<String> themes, String link, PostResult refusal) {
    SignalDraft {
        themes = List.copyOf(themes);
    }

    boolean isValid() {
        return refusal == null;
    }

    /**
     * A signal ({@code /signal <texte> [#thème…]}, or the form's text, themes and link fields), or an edit of a
     * signal or resource: a signal needs words, a resource its link.
     */
    static SignalDraft fromFields(Signal.Kind kind, String rawText, String rawThemes, String rawLink) {
        String themes = SignalForms.themesAsTags(MemberText.clean(rawThemes));
        String text = MemberText.clean(MemberText.clean(rawText) + (themes.isEmpty() ? "" : " " + themes));
        if (MemberText.length(text) > Signal.MAX_LENGTH) {
            return refused(kind, new PostResult.TooLong(MemberText.length(text), Signal.MAX_LENGTH));
        }
        SignalDraft checked = check(kind, SignalText.parse(text), null);
        if (!checked.isValid()) {
            return checked;
        }
        String link = MemberText.clean(rawLink);
        Optional<String> parsedLink = WatchLink.parse(link);
        if ((!link.isEmpty() || kind == Signal.Kind.RESOURCE) && parsedLink.isEmpty()) {
            return refused(kind, new PostResult.NotALink());
        }
        return new SignalDraft(kind, checked.body(), checked.themes(), parsedLink.orElse(null), null);
    }

    /** {@code /veille <url> [commentaire] [#thème…]}: the first word must be an http(s) address. */
    static SignalDraft resource(String rawText) {
        String text = MemberText.clean(rawText);
        if (MemberText.length(text) > Signal.MAX_LENGTH + WatchLink.MAX_LENGTH) {
            return refused(Signal.Kind.RESOURCE, new PostResult.TooLong(MemberText.length(text), Signal.MAX_LENGTH));
        }
        int space = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
        Optional<String> link = WatchLink.parse(text.substring(0, space));
        if (link.isEmpty()) {
            return refused(Signal.Kind.RESOURCE, text.isEmpty() ? new PostResult.Empty() : new PostResult.NotALink());
        }
        return check(Signal.Kind.RESOURCE, SignalText.parse(text.substring(space).strip()), link.get());
    }

    /** The rules every draft meets, once its link is known. */
    private static SignalDraft check(Signal.Kind kind, SignalText parsed, String link) {
        if (MemberText.length(parsed.body()) > Signal.MAX_LENGTH) {
            return refused(kind, new PostResult.TooLong(MemberText.length(parsed.body()), Signal.MAX_LENGTH));
        }
        if (parsed.body().isEmpty() && kind == Signal.Kind.SIGNAL) {
            return refused(kind, new PostResult.Empty());
        }
        if (parsed.themes().size() > Signal.MAX_THEMES) {
            return refused(kind, new PostResult.TooManyThemes(Signal.MAX_THEMES));
        }
        return new SignalDraft(kind, parsed.body(), parsed.themes(), link, null);
    }

    private static SignalDraft refused(Signal.Kind kind, PostResult refusal) {
        return new SignalDraft(kind, "", List.of(), null, refusal);
    }
}
