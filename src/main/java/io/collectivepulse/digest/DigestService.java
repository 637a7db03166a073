package io.collectivepulse.digest;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Messenger;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a community's weekly digest and posts it in each of its channels; previews it for facilitators. */
public final class DigestService {
    private static final Logger LOG = LoggerFactory.getLogger(DigestService.class);
    public static final Duration WEEK = Duration.ofDays(7);
    /** How long a flag or a claim keeps an older item on the digest's agenda. */
    public static final Duration AGENDA = Duration.ofDays(90);

    private final DigestDao dao;
    private final CommunityService communities;
    private final Messenger messenger;
    private final DigestPlanner planner;
    private final Clock clock;

    public DigestService(DigestDao dao, CommunityService communities, Messenger messenger, DigestPlanner planner,
                         Clock clock) {
        this.dao = dao;
        this.communities = communities;
        this.messenger = messenger;
        this.planner = planner;
        this.clock = clock;
    }

    /** The digest of the seven days before now. */
    public Digest build(Community community) {
        Instant to = clock.instant();
        Instant from = to.minus(WEEK);
        Instant agendaFrom = to.minus(AGENDA);
        return DigestBuilder.build(community, from, to, dao.week(community.id(), from, to, agendaFrom),
                dao.claimedThemes(community.id(), agendaFrom));
    }

    /** Posts this week's digest in every channel linked to the community; returns how many got it. */
    public int publish(long communityId) {
        Optional<Community> community = communities.find(communityId);
        if (community.isEmpty()) {
            LOG.info("No digest for community {}: it no longer exists", communityId);
            return 0;
        }
        Digest digest = build(community.get());
        Messages messages = Messages.of(community.get().locale());
        int delivered = 0;
        for (ChannelRef channel : communities.channels(community.get())) {
            Card card = DigestCards.card(messages, digest, channel.platform().commandPrefix());
            if (messenger.post(channel, card).isPresent()) {
                delivered++;
            }
        }
        LOG.info("Digest of community {} posted in {} channel(s)", communityId, delivered);
        return delivered;
    }

    /** This week's digest, shown now to a facilitator only; empty for other members. */
    public Optional<Card> preview(Community community, Actor actor, String prefix) {
        if (!communities.isFacilitator(community, actor)) {
            return Optional.empty();
        }
        return Optional.of(DigestCards.card(Messages.of(community.locale()), build(community), prefix));
    }

    /** Schedules the digest of every community that should have one and has none; returns how many. */
    public int planMissing() {
        var missing = communities.withoutDigestJob();
        missing.forEach(planner::plan);
        if (!missing.isEmpty()) {
            LOG.info("Planned the weekly digest of {} communities that had none", missing.size());
        }
        return missing.size();
    }

    /** Re-plans the community's trigger after its settings changed. */
    public void plan(Community community) {
        planner.plan(community);
    }

    public Optional<Instant> next(Community community) {
        return planner.next(community);
    }
}
