package io.collectivepulse.signal;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.signal.SignalService.PostResult;
import java.util.Map;

/**
 * What a member is told when a signal or resource is refused, written once: after a command, in a private
 * message that shows the usage; after a form, next to the field to change (the form stays open in Slack).
 */
final class SignalRefusals {
    private SignalRefusals() {
    }

    /** The answer to a command whose draft was refused. */
    static Reply command(PostResult refusal, Signal.Kind kind, Messages messages, String prefix) {
        Refusal r = of(refusal, kind, messages, prefix, false);
        return Reply.privately(Card.text(r.text()));
    }

    /** The answer to a form whose draft was refused: the message goes next to its field. */
    static Reply form(PostResult refusal, Signal.Kind kind, Messages messages, String prefix) {
        Refusal r = of(refusal, kind, messages, prefix, true);
        return Reply.fieldErrors(Map.of(r.field(), r.text()));
    }

    private record Refusal(String field, String text) {
    }

    private static Refusal of(PostResult refusal, Signal.Kind kind, Messages messages, String prefix, boolean form) {
        String feature = kind == Signal.Kind.RESOURCE ? "watch" : "signal";
        if (refusal instanceof PostResult.TooLong tooLong) {
            return new Refusal(SignalActions.TEXT, messages.get(feature + ".tooLong", tooLong.length(), tooLong.max()));
        }
        if (refusal instanceof PostResult.TooManyThemes many) {
            return new Refusal(SignalActions.THEMES, messages.get("signal.tooManyThemes", many.max()));
        }
        if (refusal instanceof PostResult.NotALink) {
            return new Refusal(SignalActions.LINK,
                    form ? messages.get("signal.form.notALink") : messages.get("watch.notALink", prefix));
        }
        return new Refusal(SignalActions.TEXT,
                form ? messages.get("signal.form.empty") : messages.get(feature + ".usage", prefix));
    }
}
