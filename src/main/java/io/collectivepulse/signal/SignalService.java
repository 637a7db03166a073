package io.collectivepulse.signal;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.MemberText;
import io.collectivepulse.chat.Messenger;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Posting weak signals and resources of the shared watch, showing each as a card in its channel, and what
 * members do with them afterwards: +1, take it up, flag it for the next session, delete it.
 */
public final class SignalService implements AutoCloseable {
    public static final int LIST_SIZE = 10;
    public static final int THEME_LIST_SIZE = 40;
    public static final Duration THEME_WINDOW = Duration.ofDays(90);

    private final SignalDao dao;
    private final CommunityService communities;
    private final Clock clock;
    private final SignalCardDesk cards;

    public SignalService(SignalDao dao, CommunityService communities, Messenger messenger, Clock clock) {
        this.dao = dao;
        this.communities = communities;
        this.clock = clock;
        this.cards = new SignalCardDesk(dao, communities, messenger);
    }

    /**
     * Validates and stores a signal, then posts its card in the channel. Nothing is stored unless the whole
     * signal is valid.
     */
    public PostResult post(Community community, Actor actor, ChannelRef channel, String rawText) {
        return post(community, actor, channel, rawText, "");
    }

    /** A signal from the form: its text, its themes field ("rh, paie") and an optional http(s) link. */
    public PostResult post(Community community, Actor actor, ChannelRef channel, String rawText, String rawThemes,
                           String rawLink) {
        String themes = SignalForms.themesAsTags(MemberText.clean(rawThemes));
        return post(community, actor, channel, MemberText.clean(rawText) + (themes.isEmpty() ? "" : " " + themes),
                rawLink);
    }

    private PostResult post(Community community, Actor actor, ChannelRef channel, String rawText, String rawLink) {
        String text = MemberText.clean(rawText);
        if (MemberText.length(text) > Signal.MAX_LENGTH) {
            return new PostResult.TooLong(MemberText.length(text), Signal.MAX_LENGTH);
        }
        SignalText parsed = SignalText.parse(text);
        if (parsed.body().isEmpty()) {
            return new PostResult.Empty();
        }
        if (parsed.themes().size() > Signal.MAX_THEMES) {
            return new PostResult.TooManyThemes(Signal.MAX_THEMES);
        }
        String link = MemberText.clean(rawLink);
        Optional<String> parsedLink = WatchLink.parse(link);
        if (!link.isEmpty() && parsedLink.isEmpty()) {
            return new PostResult.NotALink();
        }
        return store(community, actor, channel, Signal.Kind.SIGNAL, parsed, parsedLink.orElse(null));
    }

    /** The form to edit a signal, for its author or a facilitator. */
    public Optional<io.collectivepulse.chat.Form> editForm(Community community, Actor actor, long id) {
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
        Optional<Signal> signal = dao.find(community.id(), id);
        if (signal.isEmpty()) {
            return new EditResult.NotFound();
        }
        if (!signal.get().isAuthor(actor) && !communities.isFacilitator(community, actor)) {
            return new EditResult.AuthorOnly();
        }
        String themes = SignalForms.themesAsTags(MemberText.clean(rawThemes));
        String text = MemberText.clean(MemberText.clean(rawText) + (themes.isEmpty() ? "" : " " + themes));
        if (MemberText.length(text) > Signal.MAX_LENGTH) {
            return new EditResult.Invalid(new PostResult.TooLong(MemberText.length(text), Signal.MAX_LENGTH));
        }
        SignalText parsed = SignalText.parse(text);
        if (parsed.body().isEmpty() && signal.get().kind() == Signal.Kind.SIGNAL) {
            return new EditResult.Invalid(new PostResult.Empty());
        }
        if (parsed.themes().size() > Signal.MAX_THEMES) {
            return new EditResult.Invalid(new PostResult.TooManyThemes(Signal.MAX_THEMES));
        }
        String link = MemberText.clean(rawLink);
        Optional<String> parsedLink = WatchLink.parse(link);
        if ((!link.isEmpty() || signal.get().kind() == Signal.Kind.RESOURCE) && parsedLink.isEmpty()) {
            return new EditResult.Invalid(new PostResult.NotALink());
        }
        dao.update(community.id(), id, parsed.body(), parsed.themes(), parsedLink.orElse(null));
        cards.changed(signal.get(), false);
        return new EditResult.Edited();
    }

    /** {@code /veille <url> [commentaire] [#thème…]}: the first word must be an http(s) address. */
    public PostResult share(Community community, Actor actor, ChannelRef channel, String rawText) {
        String text = MemberText.clean(rawText);
        if (MemberText.length(text) > Signal.MAX_LENGTH + WatchLink.MAX_LENGTH) {
            return new PostResult.TooLong(MemberText.length(text), Signal.MAX_LENGTH);
        }
        int space = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
        Optional<String> link = WatchLink.parse(text.substring(0, space));
        if (link.isEmpty()) {
            return text.isEmpty() ? new PostResult.Empty() : new PostResult.NotALink();
        }
        SignalText parsed = SignalText.parse(text.substring(space).strip());
        if (MemberText.length(parsed.body()) > Signal.MAX_LENGTH) {
            return new PostResult.TooLong(MemberText.length(parsed.body()), Signal.MAX_LENGTH);
        }
        if (parsed.themes().size() > Signal.MAX_THEMES) {
            return new PostResult.TooManyThemes(Signal.MAX_THEMES);
        }
        return store(community, actor, channel, Signal.Kind.RESOURCE, parsed, link.get());
    }

    private PostResult store(Community community, Actor actor, ChannelRef channel, Signal.Kind kind,
                             SignalText parsed, String link) {
        communities.recordParticipation(community, actor);
        var signal = new SignalDao.NewSignal(community.id(), kind, channel.platform().id(), channel.workspaceId(),
                channel.channelId(), actor.userId(), actor.displayName(), parsed.body(), link, parsed.themes(),
                clock.instant());
        long id = dao.insert(signal);
        cards.post(community, actor, channel, signal.stored(id));
        return new PostResult.Posted(id);
    }

    /** The community's latest signals or resources, newest first, optionally only those with a theme. */
    public List<Signal> latest(Community community, Signal.Kind kind, Optional<String> theme) {
        return dao.latest(community.id(), kind, theme.orElse(null), LIST_SIZE);
    }

    /** The themes of the last 90 days, most used first. */
    public List<ThemeCount> themes(Community community) {
        return dao.themes(community.id(), clock.instant().minus(THEME_WINDOW), THEME_LIST_SIZE);
    }

    /**
     * "Je m'en empare" on a theme of the community (one it has used in the last 90 days).
     *
     * @return true if the actor now takes it up, false if they let it go, empty if there is no such theme
     */
    public Optional<Boolean> claimTheme(Community community, Actor actor, String theme) {
        String name = theme.startsWith("#") ? theme.substring(1) : theme;
        boolean known = themes(community).stream().anyMatch(t -> t.name().equals(name));
        if (!known) {
            return Optional.empty();
        }
        communities.recordParticipation(community, actor);
        return Optional.of(dao.toggleThemeClaim(community.id(), name, actor, clock.instant()));
    }

    /** A button pressed on a signal card of this community; the card is updated in place. */
    public ActionResult press(Community community, Actor actor, String action, String value) {
        long id;
        try {
            id = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return ActionResult.NOT_FOUND;
        }
        Optional<Signal> signal = dao.find(community.id(), id);
        if (signal.isEmpty()) {
            return ActionResult.NOT_FOUND;
        }
        ActionResult result = switch (action) {
            case SignalActions.VOTE -> dao.toggleVote(community.id(), id, actor, clock.instant())
                    .map(added -> added ? ActionResult.VOTED : ActionResult.UNVOTED).orElse(ActionResult.NOT_FOUND);
            case SignalActions.CLAIM -> dao.toggleClaim(community.id(), id, actor, clock.instant())
                    .map(added -> added ? ActionResult.CLAIMED : ActionResult.UNCLAIMED).orElse(ActionResult.NOT_FOUND);
            case SignalActions.FLAG -> flag(community, actor, id);
            case SignalActions.DELETE -> delete(community, actor, signal.get());
            default -> ActionResult.NOT_FOUND;
        };
        if (result.changed()) {
            communities.recordParticipation(community, actor);
            cards.changed(signal.get(), result == ActionResult.DELETED);
        }
        return result;
    }

    private ActionResult flag(Community community, Actor actor, long id) {
        if (!communities.isFacilitator(community, actor)) {
            return ActionResult.FACILITATORS_ONLY;
        }
        dao.toggleFlag(community.id(), id, actor.userId(), clock.instant());
        return ActionResult.FLAG_TOGGLED;
    }

    private ActionResult delete(Community community, Actor actor, Signal signal) {
        if (!signal.isAuthor(actor) && !communities.isFacilitator(community, actor)) {
            return ActionResult.AUTHOR_ONLY;
        }
        return dao.delete(community.id(), signal.id()) > 0 ? ActionResult.DELETED : ActionResult.NOT_FOUND;
    }

    /** Finishes the card posts and redraws under way. */
    @Override
    public void close() throws InterruptedException {
        cards.close();
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
