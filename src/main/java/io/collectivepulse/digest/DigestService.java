package io.collectivepulse.digest;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityListener;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.schedule.PulseScheduler;
import io.collectivepulse.signal.SignalService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each community's weekly digest: its settings and its trigger (planned when the community is created, moved when
 * its settings or time zone change), building it, posting it in every linked channel, previewing it.
 */
public final class DigestService implements CommunityListener {
    private static final Logger LOG = LoggerFactory.getLogger(DigestService.class);
    /** The kind of the digest's scheduled jobs; the id is the community's. */
    public static final String KIND = "digest";
    public static final Duration WEEK = Duration.ofDays(7);
    /** How long a flag or a claim keeps an older item on the digest's agenda. */
    public static final Duration AGENDA = Duration.ofDays(90);
    /** A digest that could not be posted is tried again for hours, not days: by then it is old news. */
    static final Duration PATIENCE = Duration.ofHours(12);

    private final Database database;
    private final DigestDao dao;
    private final CommunityService communities;
    private final SignalService signals;
    private final Outbox outbox;
    private final PulseScheduler scheduler;
    private final Clock clock;

    /**
     * Also registers the digest's job with the scheduler and its card with the outbox, and listens to the
     * communities' changes.
     */
    public DigestService(Database database, CommunityService communities, SignalService signals, Outbox outbox,
                         PulseScheduler scheduler, Clock clock) {
        this.database = database;
        this.dao = new DigestDao(database);
        this.communities = communities;
        this.signals = signals;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.clock = clock;
        scheduler.register(KIND, this::publish);
        outbox.source(KIND, this::draw, PATIENCE);
        communities.listen(this);
    }

    /** The digest of the seven days before now. */
    public Digest build(Community community) {
        return build(community, clock.instant());
    }

    /** The digest of the seven days before {@code to}. */
    private Digest build(Community community, Instant to) {
        Instant from = to.minus(WEEK);
        Instant agendaFrom = to.minus(AGENDA);
        return DigestBuilder.build(community, from, to, signals.posted(community, from, to, agendaFrom),
                signals.claimedThemes(community, agendaFrom));
    }

    /**
     * Has this week's digest posted in every channel linked to the community, through the outbox, once per channel
     * and week however often it is asked; returns how many channels it goes to.
     */
    public int publish(long communityId) {
        Optional<Community> community = communities.find(communityId);
        if (community.isEmpty()) {
            LOG.info("No digest for community {}: it no longer exists", communityId);
            return 0;
        }
        ZonedDateTime now = clock.instant().atZone(community.get().timeZone());
        String week = now.get(IsoFields.WEEK_BASED_YEAR) + "-W" + now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        List<ChannelRef> channels = communities.channels(community.get());
        database.inTransaction(() -> channels.forEach(channel -> outbox.post(KIND, communityId, channel,
                "digest:" + communityId + ":" + week + ":" + channel.platform().id() + ":" + channel.workspaceId()
                        + ":" + channel.channelId())));
        LOG.info("Digest of community {} ({}) due in {} channel(s)", communityId, week, channels.size());
        return channels.size();
    }

    /** The digest as the outbox posts it: the week before the moment it was due, drawn when it is sent. */
    private Optional<Card> draw(long communityId, ChannelRef channel, Instant asOf, boolean posted) {
        return communities.find(communityId).map(community -> DigestCards.card(Messages.of(community.locale()),
                build(community, asOf), channel.platform().commandPrefix()));
    }

    /** This week's digest, shown now to a facilitator only; empty for other members. */
    public Optional<Card> preview(Community community, Actor actor, String prefix) {
        if (!communities.isFacilitator(community, actor)) {
            return Optional.empty();
        }
        return Optional.of(DigestCards.card(Messages.of(community.locale()), build(community), prefix));
    }

    /** When the community's digest goes out, the default until its facilitators change it. */
    public DigestSettings settings(Community community) {
        return dao.settings(community.id());
    }

    /** Changes when the digest goes out, or turns it off; facilitators only. Its trigger follows. */
    public Optional<DigestSettings> change(Community community, Actor actor, DigestSettings settings) {
        Optional<DigestSettings> changed = database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return Optional.<DigestSettings>empty();
            }
            dao.save(community.id(), settings);
            return Optional.of(settings);
        });
        changed.ifPresent(s -> plan(community, s));
        return changed;
    }

    /** When the community's digest goes out next, if it is on. */
    public Optional<Instant> next(Community community) {
        return scheduler.next(KIND, community.id());
    }

    /** Plans the digest of every community that should have one and has none (or lost it); returns how many. */
    public int planMissing() {
        Set<Long> planned = scheduler.planned(KIND);
        List<Long> missing = dao.enabled().stream().filter(id -> !planned.contains(id)).toList();
        missing.forEach(id -> communities.find(id).ifPresent(this::plan));
        if (!missing.isEmpty()) {
            LOG.info("Planned the weekly digest of {} communities that had none", missing.size());
        }
        return missing.size();
    }

    @Override
    public void created(Community community) {
        plan(community);
    }

    @Override
    public void timeZoneChanged(Community community) {
        plan(community);
    }

    private void plan(Community community) {
        plan(community, settings(community));
    }

    private void plan(Community community, DigestSettings settings) {
        if (settings.enabled()) {
            scheduler.planWeekly(KIND, community.id(), settings.day(), settings.time(), community.timeZone());
        } else {
            scheduler.cancel(KIND, community.id());
        }
    }
}
