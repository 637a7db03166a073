package io.collectivepulse.signal;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.CommandEntry.Flag;
import io.collectivepulse.router.CommandHandler;
import io.collectivepulse.router.Feature;
import io.collectivepulse.router.Registry;
import io.collectivepulse.router.Request;
import io.collectivepulse.router.Words;
import io.collectivepulse.signal.SignalService.PostResult;
import java.util.Locale;
import java.util.Optional;

/**
 * The shared watch's commands, buttons and forms: {@code /signal …} and {@code /veille …} (posting, listing,
 * the theme overview), the buttons on their cards and the signal form.
 */
public final class SignalCommands implements Feature {
    static final String SIGNAL = "signal";
    static final String WATCH = "veille";
    static final Words LIST = Words.of("liste", "list");
    static final Words THEMES = Words.of("thèmes", "themes");

    private final CommunityService communities;
    private final SignalService signals;
    private final SignalPresses presses;

    public SignalCommands(CommunityService communities, SignalService signals) {
        this.communities = communities;
        this.signals = signals;
        this.presses = new SignalPresses(communities, signals);
    }

    @Override
    public void register(Registry registry) {
        registry.root(SIGNAL, Words.of(SIGNAL, SIGNAL))
                .otherwise(SIGNAL, "help.signal", linked(this::post), Flag.TEAMS_MENU)
                .command(SIGNAL, LIST, SignalCommands::isTheme, "help.signal.list",
                        linked((request, community, messages) -> list(request, community, messages,
                                Signal.Kind.SIGNAL)), Flag.TEAMS_MENU)
                .command(SIGNAL, THEMES, String::isEmpty, "help.signal.themes", linked(this::themes))
                .root(WATCH, Words.of(WATCH, "watch"))
                .otherwise(WATCH, "help.watch", linked(this::share), Flag.TEAMS_MENU)
                .command(WATCH, LIST, SignalCommands::isTheme, "help.watch.list",
                        linked((request, community, messages) -> list(request, community, messages,
                                Signal.Kind.RESOURCE)), Flag.TEAMS_MENU)
                .buttons(SignalActions.PREFIX, presses::press)
                .form(SignalActions.CREATE, presses::press)
                .form(SignalActions.SAVE, presses::press);
    }

    /** A handler of the channel's community; an unlinked channel is told how to link it. */
    private interface InCommunity {
        Reply handle(Request request, Community community, Messages messages);
    }

    private CommandHandler linked(InCommunity handler) {
        return request -> {
            Optional<Community> community = communities.findByChannel(request.channel());
            Messages messages = communities.messages(community);
            return community.isEmpty() ? request.privately(messages, "signal.notLinked", request.prefix())
                    : handler.handle(request, community.get(), messages);
        };
    }

    private Reply post(Request request, Community community, Messages messages) {
        if (request.argument().isEmpty()) {
            return Reply.form(SignalForms.create(messages),
                    Card.text(messages.get("signal.usage", request.prefix())));
        }
        return answer(request, messages, Signal.Kind.SIGNAL,
                signals.post(community, request.actor(), request.channel(), request.argument(), "", ""));
    }

    private Reply share(Request request, Community community, Messages messages) {
        if (request.argument().isEmpty()) {
            return request.privately(messages, "watch.usage", request.prefix());
        }
        return answer(request, messages, Signal.Kind.RESOURCE,
                signals.share(community, request.actor(), request.channel(), request.argument()));
    }

    private Reply themes(Request request, Community community, Messages messages) {
        return Reply.privately(SignalCards.themes(messages, community, signals.themes(community), request.prefix()));
    }

    private Reply list(Request request, Community community, Messages messages, Signal.Kind kind) {
        String argument = request.argument();
        Optional<String> theme = argument.isEmpty() ? Optional.empty()
                : Optional.of(argument.substring(argument.startsWith("#") ? 1 : 0).toLowerCase(Locale.ROOT));
        return Reply.privately(SignalCards.list(messages, community, kind, theme,
                signals.latest(community, kind, theme), request.prefix()));
    }

    /** Empty, or one {@code #theme} (or bare theme word): {@code liste} followed by a sentence is a signal. */
    private static boolean isTheme(String argument) {
        return argument.isEmpty() || argument.matches("#?[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,39}");
    }

    private static Reply answer(Request request, Messages messages, Signal.Kind kind, PostResult result) {
        return result instanceof PostResult.Posted ? Reply.none()
                : SignalRefusals.command(result, kind, messages, request.prefix());
    }
}
