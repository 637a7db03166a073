package io.collectivepulse.community;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.MemberText;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Creating communities, linking more channels to them with one-time invitations, their settings (language,
 * time zone, digest), and who facilitates them.
 */
public final class CommunityService {
    private final CommunityDao dao;
    private final Clock clock;
    private final Locale defaultLocale;
    private final ZoneId defaultZone;
    private final SecureRandom random = new SecureRandom();

    public CommunityService(CommunityDao dao, Clock clock, Locale defaultLocale, ZoneId defaultZone) {
        this.dao = dao;
        this.clock = clock;
        this.defaultLocale = defaultLocale;
        this.defaultZone = defaultZone;
    }

    /** The language of a channel: its community's, or the service default for an unlinked channel. */
    public Locale localeOf(Optional<Community> community) {
        return community.map(Community::locale).orElse(defaultLocale);
    }

    public Optional<Community> findByChannel(ChannelRef channel) {
        return dao.findByChannel(channel);
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
        Optional<Community> existing = dao.findByChannel(channel);
        if (existing.isPresent()) {
            return new LinkResult.AlreadyLinked(existing.get());
        }
        return dao.createLinked(name, defaultLocale, defaultZone, channel, actor, clock.instant())
                .<LinkResult>map(LinkResult.Linked::new)
                .orElseGet(() -> new LinkResult.AlreadyLinked(dao.findByChannel(channel).orElseThrow()));
    }

    /** Records that the actor takes part in the community, keeping a facilitator a facilitator. */
    public void recordParticipation(Community community, Actor actor) {
        dao.upsertMember(community.id(), actor, Role.MEMBER, clock.instant());
    }

    public boolean isFacilitator(Community community, Actor actor) {
        return dao.role(community.id(), actor)
                .map(Role.FACILITATOR.id()::equals).orElse(false);
    }

    public Optional<Community> find(long id) {
        return dao.findById(id);
    }

    /** Every community, for re-planning schedules. */
    public List<Community> all() {
        return dao.all();
    }

    /** Communities whose digest is on but not scheduled (see {@link CommunityDao#withoutDigestJob()}). */
    public List<Community> withoutDigestJob() {
        return dao.withoutDigestJob();
    }

    /** The channels linked to the community, on every platform, oldest link first. */
    public List<ChannelRef> channels(Community community) {
        return dao.channels(community.id());
    }

    /** A one-time code that links another channel to the community; facilitators only. */
    public Optional<Invite> invite(Community community, Actor actor) {
        if (!isFacilitator(community, actor)) {
            return Optional.empty();
        }
        Invite invite = Invite.generate(random, clock.instant());
        dao.insertInvite(Invite.hash(invite.code()), community.id(), actor.platform().id() + ":" + actor.userId(),
                clock.instant(), invite.expiresAt());
        return Optional.of(invite);
    }

    /** Links the channel to the community that issued {@code code}. */
    public JoinResult join(Actor actor, ChannelRef channel, String code) {
        Optional<Community> existing = dao.findByChannel(channel);
        if (existing.isPresent()) {
            return new JoinResult.AlreadyLinked(existing.get());
        }
        CommunityDao.Redeemed redeemed = dao.redeem(Invite.hash(code), channel, actor, clock.instant());
        return switch (redeemed) {
            case JOINED -> new JoinResult.Joined(dao.findByChannel(channel).orElseThrow());
            case CHANNEL_ALREADY_LINKED -> new JoinResult.AlreadyLinked(dao.findByChannel(channel).orElseThrow());
            case EXPIRED -> new JoinResult.Expired();
            case USED -> new JoinResult.Used();
            case UNKNOWN -> new JoinResult.Unknown();
        };
    }

    /** Changes a community setting; facilitators only. The community returned has the new value. */
    public Optional<Community> setLocale(Community community, Actor actor, Locale locale) {
        return change(community, actor, () -> dao.setLocale(community.id(), locale.toLanguageTag()));
    }

    public Optional<Community> setTimeZone(Community community, Actor actor, ZoneId zone) {
        return change(community, actor, () -> dao.setTimeZone(community.id(), zone.getId()));
    }

    public Optional<Community> setDigest(Community community, Actor actor, DayOfWeek day, LocalTime time,
                                         boolean enabled) {
        return change(community, actor, () -> dao.setDigest(community.id(), day.getValue(), time, enabled));
    }

    private Optional<Community> change(Community community, Actor actor, Runnable update) {
        if (!isFacilitator(community, actor)) {
            return Optional.empty();
        }
        update.run();
        return dao.findById(community.id());
    }

    /** What {@link #join} did. */
    public sealed interface JoinResult {
        record Joined(Community community) implements JoinResult {
        }

        record AlreadyLinked(Community community) implements JoinResult {
        }

        record Expired() implements JoinResult {
        }

        record Used() implements JoinResult {
        }

        record Unknown() implements JoinResult {
        }
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
