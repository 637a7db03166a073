package io.collectivepulse.community;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.MemberText;
import io.collectivepulse.db.Database;
import io.collectivepulse.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Creating communities, linking more channels to them with one-time invitations, their language and time zone,
 * and who facilitates them. Each verb is one transaction; features that plan in a community's time hear of its
 * creation and of time-zone changes through {@link CommunityListener}.
 */
public final class CommunityService {
    private final Database database;
    private final CommunityDao dao;
    private final MemberDao members;
    private final Invitations invitations;
    private final Clock clock;
    private final Locale defaultLocale;
    private final ZoneId defaultZone;
    private final List<CommunityListener> listeners = new CopyOnWriteArrayList<>();
    /** How long a channel's community is kept in memory (see {@link #findByChannel}). */
    static final Duration KEPT = Duration.ofSeconds(5);
    private final Cache<ChannelRef, Community> byChannel = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(KEPT)
            .build();
    /** A community by id, kept as long: each of a reminder's hundreds of private messages is drawn with it. */
    private final Cache<Long, Community> byId = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(KEPT)
            .build();
    /** The language of the channels seen in the last day, to apologise when the database does not answer. */
    private final Cache<ChannelRef, Locale> seenLocales = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofDays(1))
            .build();

    public CommunityService(Database database, Clock clock, Locale defaultLocale, ZoneId defaultZone) {
        this.database = database;
        this.dao = new CommunityDao(database);
        this.members = new MemberDao(database);
        this.invitations = new Invitations(dao, new InvitationTries(database), clock);
        this.clock = clock;
        this.defaultLocale = defaultLocale;
        this.defaultZone = defaultZone;
    }

    /** Adds a feature that plans things in communities' time; call while wiring the service. */
    public void listen(CommunityListener listener) {
        listeners.add(listener);
    }

    /** What the features tell facilitators in {@code /pulse etat}, beyond the channels' deliveries. */
    List<Card.Item> status(Community community, Messages messages) {
        return listeners.stream().flatMap(listener -> listener.status(community, messages).stream()).toList();
    }

    /** The language of a channel: its community's, or the service default for an unlinked channel. */
    public Locale localeOf(Optional<Community> community) {
        return community.map(Community::locale).orElse(defaultLocale);
    }

    /** The language of a channel, looked up. */
    public Locale localeOf(ChannelRef channel) {
        return localeOf(findByChannel(channel));
    }

    /**
     * The language of a channel's community as last read from the database in the last day ({@link #findByChannel},
     * which every command and press in a linked channel goes through), or the default: never asks the database.
     */
    public Locale knownLocaleOf(ChannelRef channel) {
        Locale locale = seenLocales.getIfPresent(channel);
        return locale != null ? locale : defaultLocale;
    }

    /** The messages in the language of the channel's community (the default for an unlinked channel). */
    public Messages messages(Optional<Community> community) {
        return Messages.of(localeOf(community));
    }

    /**
     * The channel's community. A channel's link never changes once made, so every request in a channel needs no
     * database round trip to find it for a few seconds: a language or time zone changed on another replica shows
     * here within {@link #KEPT}, at once on this one.
     */
    public Optional<Community> findByChannel(ChannelRef channel) {
        Community known = byChannel.getIfPresent(channel);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Community> found = dao.findByChannel(channel);
        found.ifPresent(community -> {
            byChannel.put(channel, community);
            seenLocales.put(channel, community.locale());
        });
        return found;
    }

    /** The community, read from the database at most every {@link #KEPT} (at once after a change here). */
    public Optional<Community> find(long id) {
        Community known = byId.getIfPresent(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Community> found = dao.findById(id);
        found.ifPresent(community -> byId.put(id, community));
        return found;
    }

    /** Every community, oldest first. */
    public List<Community> all() {
        return dao.all();
    }

    /** The channels linked to the community, on every platform, oldest link first. */
    public List<ChannelRef> channels(Community community) {
        return dao.channels(community.id());
    }

    /** Creates a community named {@code rawName} for this channel; the actor becomes its facilitator. */
    public LinkResult create(Actor actor, ChannelRef channel, String rawName) {
        String name = MemberText.clean(rawName).replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            return new LinkResult.MissingName();
        }
        if (MemberText.length(name) > Community.MAX_NAME_LENGTH) {
            return new LinkResult.NameTooLong(Community.MAX_NAME_LENGTH);
        }
        LinkResult result = database.inTransaction(() -> {
            Optional<Community> existing = dao.findByChannel(channel);
            if (existing.isPresent()) {
                return new LinkResult.AlreadyLinked(existing.get());
            }
            return dao.createLinked(name, defaultLocale, defaultZone, channel, actor, clock.instant())
                    .<LinkResult>map(LinkResult.Linked::new)
                    .orElseGet(() -> new LinkResult.AlreadyLinked(dao.findByChannel(channel).orElseThrow()));
        });
        if (result instanceof LinkResult.Linked linked) {
            listeners.forEach(listener -> listener.created(linked.community()));
        }
        return result;
    }

    /**
     * Records that the actor takes part in the community, keeping a facilitator a facilitator. Joins the
     * caller's transaction, if any.
     */
    public void recordParticipation(Community community, Actor actor) {
        members.upsert(community.id(), actor, Role.MEMBER, clock.instant());
    }

    public boolean isFacilitator(Community community, Actor actor) {
        return members.role(community.id(), actor).map(Role.FACILITATOR::equals).orElse(false);
    }

    /** A one-time code that links another channel to the community; facilitators only. */
    public Optional<Invite> invite(Community community, Actor actor) {
        return database.inTransaction(() -> isFacilitator(community, actor)
                ? Optional.of(invitations.issue(community, actor)) : Optional.<Invite>empty());
    }

    /**
     * Links the channel to the community that issued {@code code}, unless the channel or its workspace tried too
     * many wrong codes in the hour (then the code is not looked at; see {@link InvitationTries} for the limits). A
     * refused code counts against both, and says why only to the facilitator who issued it.
     */
    public JoinResult join(Actor actor, ChannelRef channel, String code) {
        return database.inTransaction(() -> dao.findByChannel(channel)
                .<JoinResult>map(JoinResult.AlreadyLinked::new)
                .orElseGet(() -> invitations.redeem(actor, channel, code)));
    }

    /** Forgets the invitation codes refused before {@code before}: the guessing limit looks back an hour. */
    public void forgetRefusedCodesBefore(Instant before) {
        invitations.forgetRefusedBefore(before);
    }

    /** Changes the community's language; facilitators only. The community returned has the new value. */
    public Optional<Community> setLocale(Community community, Actor actor, Locale locale) {
        return change(community, actor, () -> dao.setLocale(community.id(), locale.toLanguageTag()));
    }

    /** Moves the community to another time zone; facilitators only. What features planned in it moves along. */
    public Optional<Community> setTimeZone(Community community, Actor actor, ZoneId zone) {
        Optional<Community> changed = change(community, actor, () -> dao.setTimeZone(community.id(), zone.getId()));
        changed.ifPresent(c -> listeners.forEach(listener -> listener.timeZoneChanged(c)));
        return changed;
    }

    private Optional<Community> change(Community community, Actor actor, Runnable update) {
        return database.inTransaction(() -> {
            if (!isFacilitator(community, actor)) {
                return Optional.<Community>empty();
            }
            update.run();
            database.afterCommit(() -> {
                byChannel.invalidateAll();
                byId.invalidate(community.id());
            });
            return dao.findById(community.id());
        });
    }

    /** What {@link #create} did. */
    public sealed interface LinkResult {
        record Linked(Community community) implements LinkResult {
        }

        record AlreadyLinked(Community community) implements LinkResult {
        }

        record MissingName() implements LinkResult {
        }

        record NameTooLong(int max) implements LinkResult {
        }
    }
}
