package io.collectivepulse.session;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityListener;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.CardSource;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.delivery.Outcome;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.when.WhenFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Private reminders that cannot reach a member: on Teams a bot may write privately only to members for whom the
 * app is installed, or who share a team where it is. Such a reminder is posted once in the announcement's thread
 * instead, mentioning every member it missed, and {@code /pulse etat} tells the facilitators who they are.
 */
final class MissedReminders implements CommunityListener {
    static final String KIND = "session-reminder-missed";
    /** How far back {@code /pulse etat} looks, and how many members it names at most. */
    private static final Duration SHOWN_FOR = Duration.ofDays(30);
    private static final int SHOWN = 20;
    /** How long a post waits, at least, for the reminder's private messages still going out. */
    private static final Duration GATHER = Duration.ofSeconds(2);

    private final SessionDao sessions;
    private final Reminders reminders;
    private final ReminderMissDao misses;
    private final CommunityService communities;
    private final Outbox outbox;
    private final Clock clock;

    MissedReminders(Database database, SessionDao sessions, Reminders reminders, CommunityService communities,
                    Outbox outbox, Clock clock) {
        this.sessions = sessions;
        this.reminders = reminders;
        this.misses = new ReminderMissDao(database);
        this.communities = communities;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The reminder {@code reminderId} will never reach {@code member} privately: recorded, and a post owed in the
     * announcement's thread of each channel of the community on the member's platform and workspace (where a
     * mention reaches them). Runs in the transaction that records the failed message.
     */
    void undelivered(long reminderId, ChannelRef member, Outcome.Advice advice) {
        Optional<Reminders.Owed> owed = reminders.owed(reminderId);
        if (owed.isEmpty()) {
            return;
        }
        Session session = owed.get().session();
        String memberId = member.memberId();
        String name = sessions.answers(session.id()).stream()
                .filter(a -> a.member().platform() == member.platform()
                        && a.member().workspaceId().equals(member.workspaceId())
                        && a.member().userId().equals(memberId))
                .map(a -> a.member().displayName()).findFirst().orElse(memberId);
        Optional<Long> miss = misses.record(reminderId, new ReminderMissDao.Miss(member.platform().id(),
                member.workspaceId(), memberId, name, advice.name()), clock.instant());
        if (miss.isEmpty()) {
            return;
        }
        for (ChannelRef channel : communities.channels(owed.get().community())) {
            if (channel.platform() == member.platform() && channel.workspaceId().equals(member.workspaceId())) {
                outbox.postInThread(KIND, miss.get(), channel, KIND + ":" + miss.get() + ":" + channel.channelId(),
                        SessionService.ANNOUNCEMENT, session.id());
            }
        }
    }

    /**
     * The post of a miss: the reminder, mentioning the members it missed that no other post names yet; nothing
     * once the session was moved, cancelled or has started.
     */
    Optional<Card> draw(long missId, ChannelRef channel) {
        Optional<Reminders.Owed> owed = misses.reminderOf(missId).flatMap(reminders::owed)
                .filter(o -> o.session().startsAt().isAfter(clock.instant()));
        if (owed.isEmpty()) {
            return Optional.empty();
        }
        if (outbox.directPending(SessionService.REMINDER, owed.get().reminder().id(), channel.platform(),
                channel.workspaceId())) {
            // The reminder's private messages in this workspace are still going out: the post names every member
            // they miss once they are all done.
            throw new CardSource.NotYet("private reminders still going out", GATHER);
        }
        List<Card.Mention> mentions = misses.takeMentions(missId);
        if (mentions.isEmpty()) {
            return Optional.empty();
        }
        Community community = owed.get().community();
        Messages messages = Messages.of(community.locale());
        Card reminderCard = SessionCards.reminder(messages, community, owed.get().session());
        List<Card.Item> items = new ArrayList<>(reminderCard.items());
        items.add(Card.Item.of(messages.get("session.reminder.missed." + channel.platform().id())));
        return Optional.of(new Card(reminderCard.title(), items, null, mentions));
    }

    /** In {@code /pulse etat}: the members private reminders missed lately, and what to do about it. */
    @Override
    public List<Card.Item> status(Community community, Messages messages) {
        Instant now = clock.instant();
        List<ReminderMissDao.Missed> missed = misses.since(community.id(), now.minus(SHOWN_FOR), SHOWN);
        if (missed.isEmpty()) {
            return List.of();
        }
        String names = missed.stream().map(ReminderMissDao.Missed::name).collect(Collectors.joining(", "));
        Instant last = missed.get(0).last();
        return List.of(Card.Item.heading(messages.get("status.reminders.title")),
                Card.Item.of(messages.get("status.reminders.missed", missed.size(), names,
                        WhenFormat.dayAndTime(last, community.timeZone(), messages.locale()))));
    }
}
