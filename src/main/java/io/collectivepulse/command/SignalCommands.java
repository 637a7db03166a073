package io.collectivepulse.command;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.signal.Signal;
import io.collectivepulse.signal.SignalCards;
import io.collectivepulse.signal.SignalForms;
import io.collectivepulse.signal.SignalService;
import io.collectivepulse.signal.SignalService.PostResult;
import java.util.Locale;
import java.util.Optional;

/** {@code /signal …} and {@code /veille …}: posting signals and resources, listing them, the theme overview. */
final class SignalCommands {
    private final SignalService signals;

    SignalCommands(SignalService signals) {
        this.signals = signals;
    }

    Reply signal(CommandContext context) {
        if (context.community().isEmpty()) {
            return context.privately("signal.notLinked", context.prefix());
        }
        Community community = context.community().get();
        String sub = Keywords.firstWord(context.command().text());
        String argument = context.argument();
        if (sub.isEmpty()) {
            return Reply.form(SignalForms.create(context.messages()),
                    Card.text(context.messages().get("signal.usage", context.prefix())));
        }
        if (Keywords.THEMES.contains(sub) && argument.isEmpty()) {
            return Reply.privately(SignalCards.themes(context.messages(), community, signals.themes(community),
                    context.prefix()));
        }
        var command = context.command();
        return listOrHelp(context, community, Signal.Kind.SIGNAL, sub, argument).orElseGet(() ->
                answer(context, "signal", signals.post(community, command.actor(), command.channel(), command.text())));
    }

    Reply watch(CommandContext context) {
        if (context.community().isEmpty()) {
            return context.privately("signal.notLinked", context.prefix());
        }
        Community community = context.community().get();
        String sub = Keywords.firstWord(context.command().text());
        String argument = context.argument();
        if (sub.isEmpty()) {
            return context.privately("watch.usage", context.prefix());
        }
        var command = context.command();
        return listOrHelp(context, community, Signal.Kind.RESOURCE, sub, argument).orElseGet(() ->
                answer(context, "watch", signals.share(community, command.actor(), command.channel(), command.text())));
    }

    /** What {@code /signal} and {@code /veille} share: {@code liste [#thème]} and {@code aide}; empty for a post. */
    private Optional<Reply> listOrHelp(CommandContext context, Community community, Signal.Kind kind, String sub,
                                       String argument) {
        if (Keywords.LIST.contains(sub) && isTheme(argument)) {
            return Optional.of(list(context, community, kind, argument));
        }
        if (Keywords.HELP.contains(sub) && argument.isEmpty()) {
            return Optional.of(Reply.privately(HelpCard.build(context.messages(),
                    context.command().channel().platform(), null)));
        }
        return Optional.empty();
    }

    private Reply list(CommandContext context, Community community, Signal.Kind kind, String argument) {
        Optional<String> theme = argument.isEmpty() ? Optional.empty()
                : Optional.of(argument.substring(argument.startsWith("#") ? 1 : 0).toLowerCase(Locale.ROOT));
        return Reply.privately(SignalCards.list(context.messages(), community, kind, theme,
                signals.latest(community, kind, theme), context.prefix()));
    }

    /** Empty, or one {@code #theme} (or bare theme word): {@code liste} followed by a sentence is a signal. */
    private static boolean isTheme(String argument) {
        return argument.isEmpty() || argument.matches("#?[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,39}");
    }

    private static Reply answer(CommandContext context, String prefix, PostResult result) {
        if (result instanceof PostResult.Posted) {
            return Reply.none();
        }
        if (result instanceof PostResult.TooLong tooLong) {
            return context.privately(prefix + ".tooLong", tooLong.length(), tooLong.max());
        }
        if (result instanceof PostResult.TooManyThemes many) {
            return context.privately("signal.tooManyThemes", many.max());
        }
        if (result instanceof PostResult.NotALink) {
            return context.privately("watch.notALink", context.prefix());
        }
        return context.privately(prefix + ".usage", context.prefix());
    }
}
