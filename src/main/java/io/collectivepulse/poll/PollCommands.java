package io.collectivepulse.poll;

import io.collectivepulse.chat.ButtonPress;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityCommands;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.CommandEntry.Flag;
import io.collectivepulse.router.CommandHandler;
import io.collectivepulse.router.Feature;
import io.collectivepulse.router.PressHandler;
import io.collectivepulse.router.Registry;
import io.collectivepulse.router.Request;
import io.collectivepulse.router.Router;
import io.collectivepulse.router.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code /sondage} (Teams: {@code sondage …}; English {@code poll}): facilitators launch a poll from one line or
 * the form, close one and get a one-time link to its CSV file ({@code export}); everyone lists the open polls and
 * reads a closed one's results; {@code rouvrir} is refused with its reason. Launches are answered by
 * {@link PollLaunches}, the buttons of poll cards by {@link PollPresses}. Sub-commands take only their own arguments
 * ({@code liste} alone, the others a n°): {@code /sondage liste des courses ? | oui | non} is a poll.
 * {@code /pulse retour-seance}, the feedback poll after each session, is answered by {@link FeedbackCommands}.
 */
public final class PollCommands implements Feature {
    static final String POLL = "sondage";
    static final Words LIST = Words.of("liste", "list");
    /** {@code resultats} without its accent matches too: words are compared without accents. */
    static final Words RESULTS = Words.of("résultats", "results");
    static final Words CLOSE = Words.of("clôturer", "close");
    static final Words REOPEN = Words.of("rouvrir", "reopen");
    /** {@code exporter}, the verb, works too. */
    static final Words EXPORT = Words.of("export", "export", "exporter");
    private static final Pattern NUMBER = Pattern.compile("(?i)(n°|no|#)?\\s*\\d{1,6}");
    private static final Predicate<String> ALONE = String::isEmpty;
    private static final Predicate<String> A_NUMBER = argument -> NUMBER.matcher(argument.strip()).matches();

    private final CommunityService communities;
    private final PollService polls;
    private final PollPresses presses;
    private final PollLaunches launches;
    private final PollExportService exports;
    private final FeedbackCommands feedback;

    public PollCommands(CommunityService communities, PollService polls, PollExportService exports) {
        this.communities = communities;
        this.polls = polls;
        this.exports = exports;
        this.presses = new PollPresses(polls);
        this.launches = new PollLaunches(communities, polls);
        this.feedback = new FeedbackCommands(polls.feedback());
    }

    @Override
    public void register(Registry registry) {
        registry.root(POLL, Words.of(POLL, "poll"))
                .otherwise(POLL, "help.poll", linked(launches::line), Flag.FACILITATORS, Flag.TEAMS_MENU)
                .command(POLL, LIST, ALONE, "help.poll.list", linked(this::list))
                .command(POLL, RESULTS, A_NUMBER, "help.poll.results", linked(this::results))
                .command(POLL, CLOSE, A_NUMBER, "help.poll.close", linked(this::close), Flag.FACILITATORS)
                .command(POLL, REOPEN, A_NUMBER, "help.poll.reopen", linked(this::reopen), Flag.FACILITATORS)
                .command(POLL, EXPORT, A_NUMBER, "help.poll.export", linked(this::export), Flag.FACILITATORS)
                .command(Router.DEFAULT_ROOT, FeedbackCommands.FEEDBACK, "help.feedback", linked(feedback::handle),
                        Flag.FACILITATORS)
                .privateButtons(PollActions.PREFIX, pressed(presses::press))
                .form(PollForm.CREATE, pressed(launches::form));
    }

    private interface InCommunity {
        Reply handle(Request request, Community community, Messages messages);
    }

    /** A button pressed or a form submitted in a channel linked to a community. */
    interface PressedInCommunity {
        Reply handle(ButtonPress press, Community community, Messages messages, String prefix);
    }

    /** The handler, for presses in a channel linked to a community; the refusal in any other. */
    private PressHandler pressed(PressedInCommunity handler) {
        return press -> {
            Optional<Community> found = communities.findByChannel(press.channel());
            Messages messages = communities.messages(found);
            String prefix = press.channel().platform().commandPrefix();
            return found.isEmpty() ? Reply.privately(Card.text(messages.get("poll.notLinked", prefix)))
                    : handler.handle(press, found.get(), messages, prefix);
        };
    }

    private CommandHandler linked(InCommunity handler) {
        return CommunityCommands.linked(communities,
                (request, community) -> handler.handle(request, community, Messages.of(community.locale())));
    }

    private Reply list(Request request, Community community, Messages messages) {
        List<PollService.Counted> open = polls.open(community);
        return open.isEmpty() ? request.privately(messages, "poll.list.empty", request.prefix())
                : Reply.privately(PollCards.list(messages, community, open, polls.now()));
    }

    private Reply results(Request request, Community community, Messages messages) {
        return answer(polls.results(community, number(request.argument())), messages, request.prefix(),
                counted -> Reply.privately(PollCards.results(messages, counted.poll(), counted.tally())));
    }

    private Reply close(Request request, Community community, Messages messages) {
        return answer(polls.close(community, request.actor(), number(request.argument())), messages, request.prefix(),
                poll -> request.privately(messages, "poll.closed", poll.number()));
    }

    private Reply reopen(Request request, Community community, Messages messages) {
        return answer(polls.reopen(community, number(request.argument())), messages, request.prefix(),
                poll -> Reply.none());
    }

    private Reply export(Request request, Community community, Messages messages) {
        return answer(exports.link(community, request.actor(), number(request.argument())), messages,
                request.prefix(), link -> request.privately(messages, "poll.export.link", link.poll().number(),
                        link.url(), PollExportService.VALIDITY.toMinutes()));
    }

    /** The verb's reply when it was done, or its refusal, privately. */
    static <T> Reply answer(Polled<T> result, Messages messages, String prefix,
                            Function<T, Reply> done) {
        if (result instanceof Polled.Done<T> finished) {
            return done.apply(finished.value());
        }
        return Reply.privately(Card.text(refusal((Polled.Refused<T>) result, messages, prefix)));
    }

    /** The refusal's message; the command prefix ({@code /} on Slack) comes after its own arguments. */
    static String refusal(Polled.Refused<?> refused, Messages messages, String prefix) {
        List<Object> args = new ArrayList<>(refused.args());
        args.add(prefix);
        return messages.get(refused.key(), args.toArray());
    }

    /** The n° after a sub-command ({@code 3}, {@code n°3}, {@code #3}); the sub-commands accept nothing else. */
    static int number(String argument) {
        return Integer.parseInt(argument.replaceAll("\\D", ""));
    }

    static Optional<Long> id(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
