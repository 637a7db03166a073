package io.collectivepulse.welcome;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.i18n.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Introductions. When the bot is added to a channel it says, once, what it does and the one next step (link the
 * channel, or, in a channel already linked, the help): the welcome's outbox row and the channel's
 * {@code welcomed_channel} row are written in one transaction, and that row's {@code ON CONFLICT} decides, so a
 * redelivered event, a second replica or a restart never welcome twice; only a bot added back after
 * {@link #AGAIN_AFTER} says hello again. A member who joins a linked channel is told privately, in their
 * conversation with the bot, what the community is and how to see the help, once a day at most, unless the
 * community's facilitators turned it off.
 */
public final class WelcomeService {
    /** A bot removed and added back within this is not welcomed again. */
    static final Duration AGAIN_AFTER = Duration.ofDays(1);

    private final Database database;
    private final CommunityService communities;
    private final Outbox outbox;
    private final WelcomeDao dao;
    private final Clock clock;

    public WelcomeService(Database database, CommunityService communities, Outbox outbox, Clock clock) {
        this.database = database;
        this.communities = communities;
        this.outbox = outbox;
        this.dao = new WelcomeDao(database);
        this.clock = clock;
    }

    /** The bot was added to the channel: the welcome, unless it was said there within a day. */
    void botAdded(ChannelRef channel) {
        database.inTransaction(() -> {
            Instant now = clock.instant();
            if (!dao.welcome(channel, now, now.minus(AGAIN_AFTER))) {
                return;
            }
            Optional<Community> community = communities.findByChannel(channel);
            Messages messages = communities.messages(community);
            String prefix = channel.platform().commandPrefix();
            Card card = community.map(c -> new Card(messages.get("welcome.title"),
                            List.of(Card.Item.of(messages.get("welcome.back", c.name(), prefix))), null))
                    .orElseGet(() -> new Card(messages.get("welcome.title"), List.of(
                            Card.Item.of(messages.get("welcome.intro")),
                            Card.Item.of(messages.get("welcome.next", prefix))), null));
            outbox.reply(channel, null, card, "welcome:" + key(channel) + ":" + now.toEpochMilli());
        });
    }

    /** A member joined the channel: one private line about its community, if it has one that greets them. */
    void memberJoined(ChannelRef channel, Actor member) {
        database.inTransaction(() -> {
            Optional<Community> community = communities.findByChannel(channel);
            if (community.isEmpty() || !dao.welcomesMembers(community.get().id())) {
                return;
            }
            Messages messages = Messages.of(community.get().locale());
            Card card = Card.text(messages.get("welcome.member", community.get().name(),
                    channel.platform().commandPrefix()));
            long day = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
            // One line a day at most per member and channel: the outbox keeps the first row of a key.
            outbox.reply(ChannelRef.direct(member), null, card,
                    "welcome-member:" + key(channel) + ":" + member.userId() + ":" + day);
        });
    }

    /** Whether members who join the community's channels are greeted. */
    boolean welcomesMembers(Community community) {
        return dao.welcomesMembers(community.id());
    }

    /** Turns the greeting of new members on or off; facilitators only (empty otherwise). */
    Optional<Boolean> welcomeMembers(Community community, Actor actor, boolean on) {
        return database.inTransaction(() -> {
            if (!communities.isFacilitator(community, actor)) {
                return Optional.<Boolean>empty();
            }
            dao.setWelcomesMembers(community.id(), on);
            return Optional.of(on);
        });
    }

    private static String key(ChannelRef channel) {
        return channel.platform().id() + ":" + channel.workspaceId() + ":" + channel.channelId();
    }
}
