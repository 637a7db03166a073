package io.collectivepulse.signal;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.signal.SignalService.EditResult;
import io.collectivepulse.signal.SignalService.PostResult;
import java.util.Optional;

/** Buttons on signal cards and the signal forms. */
final class SignalPresses {
    private final CommunityService communities;
    private final SignalService signals;

    SignalPresses(CommunityService communities, SignalService signals) {
        this.communities = communities;
        this.signals = signals;
    }

    Reply press(ButtonPress press) {
        Optional<Community> found = communities.findByChannel(press.channel());
        Messages messages = communities.messages(found);
        String prefix = press.channel().platform().commandPrefix();
        if (found.isEmpty()) {
            return notice(messages, "signal.notLinked", prefix);
        }
        Community community = found.get();
        switch (press.action()) {
            case SignalActions.CREATE:
                PostResult posted = signals.post(community, press.actor(), press.channel(),
                        press.field(SignalActions.TEXT), press.field(SignalActions.THEMES),
                        press.field(SignalActions.LINK));
                return posted instanceof PostResult.Posted ? Reply.none()
                        : SignalRefusals.form(posted, Signal.Kind.SIGNAL, messages, prefix);
            case SignalActions.CLAIM_THEME:
                return signals.claimTheme(community, press.actor(), press.value())
                        .map(now -> notice(messages, now ? "signal.themeClaimed" : "signal.themeReleased", press.value()))
                        .orElseGet(() -> notice(messages, "action.themeNotFound"));
            case SignalActions.EDIT:
                return id(press.value()) < 0 ? notice(messages, "action.notFound")
                        : signals.editForm(community, press.actor(), id(press.value()))
                                .map(form -> Reply.form(form, Card.text(messages.get("signal.form.unavailable"))))
                                .orElseGet(() -> notice(messages, "action.authorOnlyEdit"));
            case SignalActions.DELETE:
                return id(press.value()) < 0 ? notice(messages, "action.notFound")
                        : signals.find(community, id(press.value()))
                                .map(signal -> signals.mayChange(community, press.actor(), signal)
                                        ? Reply.view(SignalCards.confirmDelete(messages, signal))
                                        : notice(messages, "action.authorOnly"))
                                .orElseGet(() -> notice(messages, "action.notFound"));
            case SignalActions.KEEP:
                // Teams shows the question in place of the card: the card comes back. Slack asked in a message of
                // its own, which says that nothing was deleted.
                return id(press.value()) < 0 ? notice(messages, "action.notFound")
                        : signals.find(community, id(press.value()))
                                .map(signal -> press.channel().platform() == Platform.TEAMS
                                        ? Reply.view(SignalCards.card(messages, community, signal))
                                        : notice(messages, "signal.deleteKept"))
                                .orElseGet(() -> notice(messages, "action.notFound"));
            case SignalActions.SAVE:
                return saved(signals.edit(community, press.actor(), id(press.value()), press.field(SignalActions.TEXT),
                        press.field(SignalActions.THEMES), press.field(SignalActions.LINK)), messages, prefix);
            default:
                return id(press.value()) < 0 ? notice(messages, "action.notFound")
                        : pressed(signals.press(community, press.actor(), press.action(), id(press.value())), messages);
        }
    }

    private static Reply pressed(SignalService.ActionResult result, Messages messages) {
        return switch (result) {
            case NOT_FOUND -> notice(messages, "action.notFound");
            case FACILITATORS_ONLY -> notice(messages, "action.facilitatorsOnly");
            case AUTHOR_ONLY -> notice(messages, "action.authorOnly");
            // Said to the presser alone, in place of the question (Teams) or below it (Slack); the card in the
            // channel says it too once redrawn.
            case DELETED -> Reply.view(Card.text(messages.get("signal.deletedByYou")));
            default -> Reply.none();
        };
    }

    private static Reply saved(EditResult result, Messages messages, String prefix) {
        if (result instanceof EditResult.Edited) {
            return Reply.none();
        }
        if (result instanceof EditResult.Invalid invalid) {
            return SignalRefusals.form(invalid.reason(), Signal.Kind.SIGNAL, messages, prefix);
        }
        return notice(messages, result instanceof EditResult.AuthorOnly ? "action.authorOnlyEdit" : "action.notFound");
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
