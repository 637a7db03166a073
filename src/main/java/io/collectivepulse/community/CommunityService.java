package io.collectivepulse.community;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.MemberText;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** Creating communities and finding the community a channel belongs to. */
public final class CommunityService {
    private final CommunityDao dao;
    private final Clock clock;
    private final Locale defaultLocale;
    private final ZoneId defaultZone;

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
        try {
            return new LinkResult.Linked(
                    dao.createLinked(name, defaultLocale, defaultZone, channel, actor, clock.instant()).orElseThrow());
        } catch (CommunityDao.AlreadyLinked e) {
            return new LinkResult.AlreadyLinked(dao.findByChannel(channel).orElseThrow());
        }
    }

    /** Records that the actor takes part in the community, keeping a facilitator a facilitator. */
    public void recordParticipation(Community community, Actor actor) {
        dao.upsertMember(community.id(), actor.platform().id(), actor.workspaceId(), actor.userId(),
                actor.displayName(), Role.MEMBER.id(), clock.instant());
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
