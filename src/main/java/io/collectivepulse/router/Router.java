package io.collectivepulse.router;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.i18n.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place features plug into. Features register their commands, buttons and forms ({@link Feature});
 * adapters hand over what members typed or pressed, whatever the platform, and get a {@link Reply} back. No
 * exception reaches an adapter: an unexpected failure becomes a polite message in the channel's language.
 */
public final class Router {
    /** The root a Teams message or a Slack mention falls back to when it does not start with a root word. */
    public static final String DEFAULT_ROOT = "pulse";
    /** {@code aide}: the help, under any root. */
    public static final Words HELP = Words.of("aide", "help");

    private final Function<ChannelRef, Locale> locales;
    private final Apologies apologies;
    private final Function<ChannelRef, Optional<Long>> communities;
    private final Map<String, String> rootWords = new HashMap<>();
    private final Map<String, List<CommandEntry>> byRoot = new LinkedHashMap<>();
    private final List<CommandEntry> commands = new ArrayList<>();
    private final Map<String, PressHandler> forms = new HashMap<>();
    private final Map<String, PressHandler> buttons = new LinkedHashMap<>();
    private final Set<String> privatePrefixes = new HashSet<>();
    private final List<ArrivalHandler> arrivals = new ArrayList<>();
    private final CommandEntry help;

    /** {@code locales}: the language of a channel (its community's, or the service's default). */
    public Router(Function<ChannelRef, Locale> locales) {
        this(locales, locales, channel -> Optional.empty());
    }

    /**
     * {@code knownLocales}: the language of a channel as last seen, without asking the database, for the apologies
     * said when it does not answer; {@code communities}: the id of a channel's community, if it has one, named on the
     * log lines written while the router handles something in the channel. Called once per command or press: make
     * them cheap.
     */
    public Router(Function<ChannelRef, Locale> locales, Function<ChannelRef, Locale> knownLocales,
                  Function<ChannelRef, Optional<Long>> communities) {
        this.locales = locales;
        this.apologies = new Apologies(knownLocales);
        this.communities = communities;
        addRoot(DEFAULT_ROOT, Words.of(DEFAULT_ROOT, DEFAULT_ROOT));
        this.help = new CommandEntry(DEFAULT_ROOT, HELP, argument -> true, "help.help",
                java.util.Set.of(CommandEntry.Flag.TEAMS_MENU),
                request -> request.help(messages(request.channel()), null));
    }

    /** Lets the feature register; call while wiring the service, before it serves requests. */
    public Router add(Feature feature) {
        feature.register(new Registry(this));
        return this;
    }

    /** The command roots, in the order they were declared: one Slack slash command each. */
    public List<String> roots() {
        return List.copyOf(byRoot.keySet());
    }

    /** Every registered command, in the order of the help (the help itself last). */
    public List<CommandEntry> commands() {
        List<CommandEntry> all = new ArrayList<>(commands);
        all.add(help);
        return all;
    }

    /** Handles a command whose root word is known (a Slack slash command). */
    public Reply handle(Command command) {
        try (var context = LogContext.of(command.channel(), communities)) {
            return route(command);
        }
    }

    private Reply route(Command command) {
        try {
            List<CommandEntry> entries = byRoot.get(command.root());
            if (entries == null) {
                return unknown(command.channel(), command.root());
            }
            String first = Words.firstWord(command.text());
            String rest = Words.afterFirstWord(command.text()).strip();
            if (HELP.matches(first) && rest.isEmpty()) {
                return help.handler().handle(new Request(command, rest, this));
            }
            for (CommandEntry entry : entries) {
                if (entry.words() != null && !first.isEmpty() && entry.words().matches(first)
                        && entry.accepts().test(rest)) {
                    return entry.handler().handle(new Request(command, rest, this));
                }
            }
            Optional<CommandEntry> own = entries.stream().filter(e -> e.words() == null).findFirst();
            if (own.isPresent()) {
                return own.get().handler().handle(new Request(command, command.text().strip(), this));
            }
            return first.isEmpty() ? help.handler().handle(new Request(command, rest, this))
                    : unknown(command.channel(), first);
        } catch (RuntimeException e) {
            return apologies.failed(command.channel(), "Command " + command.root(), e);
        }
    }

    /**
     * Handles a free-text message (Teams, Slack mentions): {@code signal …}, {@code veille …}, {@code pulse lier …},
     * or a command of the default root on its own, such as {@code lier …} or {@code aide}.
     */
    public Reply handleMessage(Actor actor, ChannelRef channel, String text) {
        String root = rootWords.get(Words.firstWord(text));
        if (root != null) {
            return handle(new Command(actor, channel, root, Words.afterFirstWord(text)));
        }
        return handle(new Command(actor, channel, DEFAULT_ROOT, text));
    }

    /** Handles a button pressed on a card, or a form submitted, by the feature that registered its action id. */
    public Reply press(ButtonPress press) {
        try (var context = LogContext.of(press.channel(), communities)) {
            return route(press);
        }
    }

    private Reply route(ButtonPress press) {
        try {
            PressHandler handler = forms.get(press.action());
            if (handler == null) {
                handler = buttons.entrySet().stream().filter(e -> press.action().startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
            if (handler == null) {
                return Reply.privately(Card.text(messages(press.channel()).get("action.unknown")));
            }
            return handler.press(press);
        } catch (RuntimeException e) {
            return apologies.failed(press.channel(), "Button " + press.action(), e);
        }
    }

    /**
     * Tells the features that the bot was added to {@code channel} ({@code member} null), that a member joined it,
     * or that a member opened the bot's home. Runs in the adapter's transaction, if any; a feature's failure is
     * logged and does not keep the others from being told, nor fail the platform's request.
     */
    public void arrived(ArrivalHandler.Arrival arrival) {
        try (var context = LogContext.of(arrival.channel(), communities)) {
            for (ArrivalHandler handler : arrivals) {
                try {
                    handler.arrived(arrival);
                } catch (RuntimeException e) {
                    apologies.failed(arrival.channel(), "Arrival " + arrival.kind(), e);
                }
            }
        }
    }

    /**
     * True when nothing may be kept of a press on this action (an anonymous vote): the bridges remember no replay
     * key naming the presser with it, and its feature's handler takes a press delivered twice as one.
     */
    public boolean isPrivate(String action) {
        return action != null && privatePrefixes.stream().anyMatch(action::startsWith);
    }

    /** The help card: every registered command as typed on {@code platform}, facilitators' ones apart. */
    public Card helpCard(Messages messages, Platform platform, String preamble) {
        return HelpCard.build(messages, platform, preamble, commands());
    }

    private Reply unknown(ChannelRef channel, String word) {
        Messages messages = messages(channel);
        return Reply.privately(helpCard(messages, channel.platform(), messages.get("command.unknown", word)));
    }

    /**
     * The apology for a request that failed before or after its feature answered: "try again in a moment" when the
     * database did not answer, a plain apology for a failure of ours. Said in the channel's language as last seen,
     * without asking the database.
     */
    public Reply apology(ChannelRef channel, Throwable failure) {
        return apologies.apology(channel, failure);
    }

    /** What members read in the channel, in its language (its community's, or the service's default). */
    public Messages messages(ChannelRef channel) {
        return Messages.of(locales.apply(channel));
    }

    void addRoot(String root, Words words) {
        if (byRoot.putIfAbsent(root, new ArrayList<>()) != null) {
            throw new IllegalStateException("Command root " + root + " is registered twice");
        }
        words.all().forEach(word -> {
            if (rootWords.putIfAbsent(word, root) != null) {
                throw new IllegalStateException("Root word " + word + " is registered twice");
            }
        });
    }

    void addCommand(CommandEntry entry) {
        List<CommandEntry> entries = byRoot.get(entry.root());
        if (entries == null) {
            throw new IllegalStateException("Unknown command root " + entry.root() + ": declare it first");
        }
        for (CommandEntry other : entries) {
            boolean clash = entry.words() == null ? other.words() == null
                    : other.words() != null && other.words().all().stream().anyMatch(entry.words().all()::contains);
            if (clash) {
                throw new IllegalStateException("Command " + entry.helpKey() + " clashes with " + other.helpKey());
            }
        }
        if (entry.words() != null && entry.words().all().stream().anyMatch(HELP.all()::contains)) {
            throw new IllegalStateException("Command " + entry.helpKey() + " uses the help's words");
        }
        entries.add(entry);
        commands.add(entry);
    }

    void addButtons(String prefix, PressHandler handler) {
        if (buttons.keySet().stream().anyMatch(p -> p.startsWith(prefix) || prefix.startsWith(p))) {
            throw new IllegalStateException("Button prefix " + prefix + " overlaps another feature's");
        }
        buttons.put(prefix, handler);
    }

    void addPrivateButtons(String prefix, PressHandler handler) {
        addButtons(prefix, handler);
        privatePrefixes.add(prefix);
    }

    void addArrival(ArrivalHandler handler) {
        arrivals.add(handler);
    }

    void addForm(String id, PressHandler handler) {
        if (forms.putIfAbsent(id, handler) != null) {
            throw new IllegalStateException("Form " + id + " is registered twice");
        }
    }
}
