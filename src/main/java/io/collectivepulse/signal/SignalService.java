package io.collectivepulse.signal;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import io.collectivepulse.chat.People;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Posting weak signals and resources of the shared watch, showing each as a card in its channel, and what
 * members do with them afterwards: +1, take it up, flag it for the next session, edit, delete. Every verb that
 * writes is one transaction; cards are posted and redrawn once it is committed.
 */
public final class SignalService {
    public static final int LIST_SIZE = 10;
    public static final int THEME_LIST_SIZE = 40;
    public static final Duration THEME_WINDOW = Duration.ofDays(90);
    /** How long a card or a redraw is worth trying to send: a day of platform trouble. */
    static final Duration CARD_PATIENCE = Duration.ofDays(1);

    private final Database database;
    private final SignalDao dao;
    private final CommunityService communities;
    private final Clock clock;
    private final Outbox outbox;
    private final People people;

    /** Also registers the cards of signals and resources with the outbox. */
    public SignalService(Database database, CommunityService communities, Outbox outbox, Clock clock) {
        this(database, communities, outbox, clock, new People());
    }

    /**
     * Same, with the names members go by: a card drawn when sent asks {@code people} for its author's and
     * claimants' current names (on Slack, their display names); lists only read the names kept.
     */
    public SignalService(Database database, CommunityService communities, Outbox outbox, Clock clock,
                         People people) {
        this.database = database;
        this.dao = new SignalDao(database);
        this.communities = communities;
        this.clock = clock;
        this.outbox = outbox;
        this.people = people;
        for (Signal.Kind kind : Signal.Kind.values()) {
            outbox.source(cardKind(kind), new SignalCardSource(dao, communities, kind, people), CARD_PATIENCE);
        }
    }

    /** The outbox kind of a signal's or a resource's card. */
    static String cardKind(Signal.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@code /signal <texte> [#thème…]}, or the form's text, themes field ("rh, paie") and optional http(s) link:
     * validates and stores a signal, then posts its card in the channel. Nothing is stored unless the whole
     * signal is valid.
     */
    public PostResult post(Community community, Actor actor, ChannelRef channel, String rawText, String rawThemes,
                           String rawLink) {
        return store(community, actor, channel, SignalDraft.fromFields(Signal.Kind.SIGNAL, rawText, rawThemes, rawLink));
    }

    /** {@code /veille <url> [commentaire] [#thème…]}: the first word must be an http(s) address. */
    public PostResult share(Community community, Actor actor, ChannelRef channel, String rawText) {
        return store(community, actor, channel, SignalDraft.resource(rawText));
    }

    /**
     * Stores the draft, its author's membership and the outbox row of its card in one statement (one round trip on
     * the ack path, all or nothing); the card goes out once that is committed.
     */
    private PostResult store(Community community, Actor actor, ChannelRef channel, SignalDraft draft) {
        if (!draft.isValid()) {
            return draft.refusal();
        }
        var signal = new SignalDao.NewSignal(community.id(), draft.kind(), channel.platform().id(),
                channel.workspaceId(), channel.channelId(), actor.userId(), actor.displayName(), draft.body(),
                draft.link(), draft.themes(), clock.instant());
        long id = dao.insert(signal, actor, outbox.postBinds(cardKind(draft.kind()), channel));
        outbox.wake(channel);
        return new PostResult.Posted(id);
    }

    /** A signal of the community, as it is now. */
    public Optional<Signal> find(Community community, long id) {
        return dao.find(community.id(), id);
    }

    /** True when the actor may edit or delete the signal: its author, or a facilitator of the community. */
    public boolean mayChange(Community community, Actor actor, Signal signal) {
        return signal.isAuthor(actor) || communities.isFacilitator(community, actor);
    }

    /** The form to edit a signal, for its author or a facilitator. */
    public Optional<Form> editForm(Community community, Actor actor, long id) {
        return dao.find(community.id(), id)
                .filter(signal -> signal.isAuthor(actor) || communities.isFacilitator(community, actor))
                .map(signal -> SignalForms.edit(Messages.of(community.locale()), signal));
    }

    /**
     * Replaces the text, themes and link of a signal (its author's or a facilitator's edit), and redraws its card.
     * Nothing changes unless the whole edit is valid.
     */
    public EditResult edit(Community community, Actor actor, long id, String rawText, String rawThemes,
                           String rawLink) {
        return database.inTransaction(() -> {
            Optional<Signal> signal = dao.find(community.id(), id);
            if (signal.isEmpty()) {
                return new EditResult.NotFound();
            }
            if (!signal.get().isAuthor(actor) && !communities.isFacilitator(community, actor)) {
                return new EditResult.AuthorOnly();
            }
            SignalDraft draft = SignalDraft.fromFields(signal.get().kind(), rawText, rawThemes, rawLink);
            if (!draft.isValid()) {
                return new EditResult.Invalid(draft.refusal());
            }
            dao.update(community.id(), id, draft.body(), draft.themes(), draft.link());
            redraw(signal.get());
            return (EditResult) new EditResult.Edited();
        });
    }

    /** The community's latest signals or resources, newest first, optionally only those with a theme. */
    public List<Signal> latest(Community community, Signal.Kind kind, Optional<String> theme) {
        return named(dao.latest(community.id(), kind, theme.orElse(null), LIST_SIZE));
    }

    /** The themes of the last 90 days, most used first. */
    public List<ThemeCount> themes(Community community) {
        return dao.themes(community.id(), clock.instant().minus(THEME_WINDOW), THEME_LIST_SIZE);
    }

    /** Everything posted in {@code [from, to)}, plus whatever is flagged or claimed since {@code agendaFrom}. */
    public List<Signal> posted(Community community, Instant from, Instant to, Instant agendaFrom) {
        return named(dao.forDigest(community.id(), from, to, agendaFrom));
    }

    /**
     * The signals with their authors and claimants called by the names kept for them (no platform is asked: lists
     * are answered while the platform waits, and each signal's card, drawn when sent, fetched its names already).
     */
    private List<Signal> named(List<Signal> signals) {
        if (signals.isEmpty()) {
            return signals;
        }
        People.Names names = people.known(signals.stream().flatMap(s -> s.people().stream()).toList());
        return signals.stream().map(s -> s.named(names)).toList();
    }

    /** Themes taken up since {@code since}, in the order they were first taken up. */
    public List<ThemeCount> claimedThemes(Community community, Instant since) {
        return dao.claimedThemes(community.id(), since);
    }

    /**
     * "Je m'en empare" on a theme of the community (one it has used in the last 90 days).
     *
     * @return true if the actor now takes it up, false if they let it go, empty if there is no such theme
     */
    public Optional<Boolean> claimTheme(Community community, Actor actor, String theme) {
        String name = theme.startsWith("#") ? theme.substring(1) : theme;
        return database.inTransaction(() -> {
            boolean known = themes(community).stream().anyMatch(t -> t.name().equals(name));
            if (!known) {
                return Optional.<Boolean>empty();
            }
            communities.recordParticipation(community, actor);
            return Optional.of(dao.toggleThemeClaim(community.id(), name, actor, clock.instant()));
        });
    }

    /** A button pressed on a signal card of this community; the card's redraw is written with the change. */
    public ActionResult press(Community community, Actor actor, String action, long id) {
        return database.inTransaction(() -> {
            Optional<Signal> signal = dao.find(community.id(), id);
            if (signal.isEmpty()) {
                return ActionResult.NOT_FOUND;
            }
            ActionResult result = switch (action) {
                case SignalActions.VOTE -> dao.toggleVote(community.id(), id, actor, clock.instant())
                        .map(added -> added ? ActionResult.VOTED : ActionResult.UNVOTED).orElse(ActionResult.NOT_FOUND);
                case SignalActions.CLAIM -> dao.toggleClaim(community.id(), id, actor, clock.instant())
                        .map(added -> added ? ActionResult.CLAIMED : ActionResult.UNCLAIMED)
                        .orElse(ActionResult.NOT_FOUND);
                case SignalActions.FLAG -> flag(community, actor, id);
                case SignalActions.DELETE_CONFIRMED -> delete(community, actor, signal.get());
                default -> ActionResult.NOT_FOUND;
            };
            if (result.changed()) {
                communities.recordParticipation(community, actor);
                redraw(signal.get());
            }
            return result;
        });
    }

    /** The signal's card is drawn again from its state then (or says it was deleted). */
    private void redraw(Signal signal) {
        outbox.redraw(cardKind(signal.kind()), signal.id(), signal.channel());
    }

    private ActionResult flag(Community community, Actor actor, long id) {
        if (!communities.isFacilitator(community, actor)) {
            return ActionResult.FACILITATORS_ONLY;
        }
        dao.toggleFlag(community.id(), id, actor.userId(), clock.instant());
        return ActionResult.FLAG_TOGGLED;
    }

    private ActionResult delete(Community community, Actor actor, Signal signal) {
        if (!mayChange(community, actor, signal)) {
            return ActionResult.AUTHOR_ONLY;
        }
        return dao.delete(community.id(), signal.id()) > 0 ? ActionResult.DELETED : ActionResult.NOT_FOUND;
    }

    /** What {@link #press} did. */
    public enum ActionResult {
        VOTED, UNVOTED, CLAIMED, UNCLAIMED, FLAG_TOGGLED, DELETED, NOT_FOUND, FACILITATORS_ONLY, AUTHOR_ONLY;

        boolean changed() {
            return this != NOT_FOUND && this != FACILITATORS_ONLY && this != AUTHOR_ONLY;
        }
    }

    /** What {@link #edit} did. */
    public sealed interface EditResult {
        record Edited() implements EditResult {
        }

        record NotFound() implements EditResult {
        }

        record AuthorOnly() implements EditResult {
        }

        /** Refused for the same reasons a new signal would be; {@code reason} is never {@code Posted}. */
        record Invalid(PostResult reason) implements EditResult {
        }
    }

    /** What {@link #post} and {@link #share} did. */
    public sealed interface PostResult {
        /** Stored; its card is being posted in the channel (the author is told if that fails). */
        record Posted(long id) implements PostResult {
        }

        record Empty() implements PostResult {
        }

        record NotALink() implements PostResult {
        }

        record TooLong(int length, int max) implements PostResult {
        }

        record TooManyThemes(int max) implements PostResult {
        }
    }
}
