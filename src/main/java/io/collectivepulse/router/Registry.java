package io.collectivepulse.router;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/** What a {@link Feature} registers with: its commands, buttons, forms and what it does when someone arrives. */
public final class Registry {
    private static final Predicate<String> ANY = argument -> true;

    private final Router router;

    Registry(Router router) {
        this.router = router;
    }

    /**
     * Declares a command root: a Slack slash command ({@code /signal}) and the words a Teams message may start
     * with to mean it ({@code signal}; {@code veille} or {@code watch}).
     */
    public Registry root(String root, Words words) {
        router.addRoot(root, words);
        return this;
    }

    /** A sub-command: {@code root words argument}, such as {@code /pulse inviter}. */
    public Registry command(String root, Words words, String helpKey, CommandHandler handler,
                            CommandEntry.Flag... flags) {
        return command(root, words, ANY, helpKey, handler, flags);
    }

    /** A sub-command that takes only some arguments; others go to the root's own handler. */
    public Registry command(String root, Words words, Predicate<String> accepts, String helpKey,
                            CommandHandler handler, CommandEntry.Flag... flags) {
        router.addCommand(new CommandEntry(root, words, accepts, helpKey, flags(flags), handler));
        return this;
    }

    /** What the root does when no sub-command matches, such as {@code /signal <texte>}. */
    public Registry otherwise(String root, String helpKey, CommandHandler handler, CommandEntry.Flag... flags) {
        router.addCommand(new CommandEntry(root, null, ANY, helpKey, flags(flags), handler));
        return this;
    }

    /** Buttons whose action id starts with {@code prefix} ({@code signal.}). */
    public Registry buttons(String prefix, PressHandler handler) {
        router.addButtons(prefix, handler);
        return this;
    }

    /**
     * Buttons whose presses nothing may keep, such as anonymous votes: the platform bridges remember no replay key
     * naming the presser with the button, so {@code handler} must take a press delivered twice as one (the same
     * {@link io.collectivepulse.chat.ButtonPress#pressId}).
     */
    public Registry privateButtons(String prefix, PressHandler handler) {
        router.addPrivateButtons(prefix, handler);
        return this;
    }

    /** A form (Slack modal, Teams input card) whose submission carries the action id {@code id}. */
    public Registry form(String id, PressHandler handler) {
        router.addForm(id, handler);
        return this;
    }

    /**
     * What the feature does when the bot is added to a channel, a member joins one, or a member opens the bot's
     * home ({@link ArrivalHandler}); every feature that registers one is told, in the order they were added.
     */
    public Registry onArrival(ArrivalHandler handler) {
        router.addArrival(handler);
        return this;
    }

    private static Set<CommandEntry.Flag> flags(CommandEntry.Flag... flags) {
        return flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags);
    }
}
