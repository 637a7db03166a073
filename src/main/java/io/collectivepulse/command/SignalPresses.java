package io.collectivepulse.command;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.signal.SignalActions;
import io.collectivepulse.signal.SignalService;
import io.collectivepulse.signal.SignalService.EditResult;
import io.collectivepulse.signal.SignalService.PostResult;
import java.util.Map;

/** Buttons on signal cards and the signal forms, once the channel's community is known. */
final class SignalPresses {
    private final SignalService signals;

    SignalPresses(SignalService signals) {
        this.signals = signals;
    }

    Reply press(ButtonPress press, Community community, Messages messages) {
        String prefix = press.channel().platform().commandPrefix();
        switch (press.action()) {
            case SignalActions.CREATE:
                return created(signals.post(community, press.actor(), press.channel(),
                        press.field(SignalActions.TEXT), press.field(SignalActions.THEMES),
                        press.field(SignalActions.LINK)), messages, prefix);
            case SignalActions.CLAIM_THEME:
                return signals.claimTheme(community, press.actor(), press.value())
                        .map(now -> notice(messages, now ? "signal.themeClaimed" : "signal.themeReleased", press.value()))
                        .orElseGet(() -> notice(messages, "action.themeNotFound"));
            case SignalActions.EDIT:
                return id(press.value()) < 0 ? notice(messages, "action.notFound")
                        : signals.editForm(community, press.actor(), id(press.value()))
                                .map(form -> Reply.form(form, Card.text(messages.get("signal.form.unavailable"))))
                                .orElseGet(() -> notice(messages, "action.authorOnlyEdit"));
            case SignalActions.SAVE:
                return saved(signals.edit(community, press.actor(), id(press.value()), press.field(SignalActions.TEXT),
                        press.field(SignalActions.THEMES), press.field(SignalActions.LINK)), messages);
            default:
                return pressed(signals.press(community, press.actor(), press.action(), press.value()), messages);
        }
    }

    private static Reply pressed(SignalService.ActionResult result, Messages messages) {
        return switch (result) {
            case NOT_FOUND -> notice(messages, "action.notFound");
            case FACILITATORS_ONLY -> notice(messages, "action.facilitatorsOnly");
            case AUTHOR_ONLY -> notice(messages, "action.authorOnly");
            default -> Reply.none();
        };
    }

    private static Reply created(PostResult result, Messages messages, String prefix) {
        if (result instanceof PostResult.Posted) {
            return Reply.none();
        }
        return invalid(result, messages);
    }

    private static Reply saved(EditResult result, Messages messages) {
        if (result instanceof EditResult.Edited) {
            return Reply.none();
        }
        if (result instanceof EditResult.Invalid invalid) {
            return invalid(invalid.reason(), messages);
        }
        return notice(messages, result instanceof EditResult.AuthorOnly ? "action.authorOnlyEdit" : "action.notFound");
    }

    /** A refused form: the message goes next to the field that needs changing. */
    private static Reply invalid(PostResult result, Messages messages) {
        if (result instanceof PostResult.TooLong tooLong) {
            return Reply.fieldErrors(Map.of(SignalActions.TEXT,
                    messages.get("signal.tooLong", tooLong.length(), tooLong.max())));
        }
        if (result instanceof PostResult.TooManyThemes many) {
            return Reply.fieldErrors(Map.of(SignalActions.THEMES, messages.get("signal.tooManyThemes", many.max())));
        }
        if (result instanceof PostResult.NotALink) {
            return Reply.fieldErrors(Map.of(SignalActions.LINK, messages.get("signal.form.notALink")));
        }
        return Reply.fieldErrors(Map.of(SignalActions.TEXT, messages.get("signal.form.empty")));
    }

    private static Reply notice(Messages messages, String key, Object... args) {
        return Reply.privately(Card.text(messages.get(key, args)));
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
