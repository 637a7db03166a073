package io.collectivepulse.welcome;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Button;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.when.WhenFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A member's home: their communities, each with its next session and their answer, their latest signals, what they
 * took up and the open polls; for facilitators, where the settings are. Slack shows it in the App Home tab, published
 * through the outbox (kind {@link #KIND}) each time the member opens it, drawn when sent; Teams, as a card in the
 * member's chat with the bot when they type {@code accueil}.
 */
public final class HomeService {
    static final String KIND = "home";
    /** The most communities a home lists: each takes up to five blocks, and a card keeps to 50. */
    private static final int MAX_COMMUNITIES = 8;
    /** Member text in the home's lists is cut to this: a list is one block of at most 3,000 characters. */
    private static final int MAX_LINE = 150;

    private final Database database;
    private final CommunityService communities;
    private final Outbox outbox;
    private final DigestService digests;
    private final HomeDao dao;
    private final WelcomeDao welcomes;
    private final Clock clock;

    public HomeService(Database database, CommunityService communities, DigestService digests, Outbox outbox,
                       Clock clock) {
        this.database = database;
        this.communities = communities;
        this.digests = digests;
        this.outbox = outbox;
        this.dao = new HomeDao(database);
        this.welcomes = new WelcomeDao(database);
        this.clock = clock;
        // A home not published within a minute is stale: the member has left the tab or opened it again.
        outbox.source(KIND, (subject, member, asOf, posted) -> Optional.of(card(owner(member))),
                Duration.ofMinutes(1));
    }

    /** The member opened their home: it is published again, drawn from the state when sent. */
    void opened(Actor member) {
        database.inTransaction(() -> outbox.home(KIND, ChannelRef.direct(member)));
    }

    /** The member's home as a card, from the state now. */
    Card card(Actor member) {
        List<HomeDao.Membership> memberships = dao.memberships(member);
        Optional<Community> first = memberships.isEmpty() ? Optional.empty()
                : communities.find(memberships.get(0).communityId());
        Messages messages = communities.messages(first);
        String prefix = member.platform().commandPrefix();
        List<Card.Item> items = new ArrayList<>();
        if (memberships.isEmpty()) {
            items.add(Card.Item.of(messages.get("home.none", prefix)));
        }
        for (HomeDao.Membership membership : memberships.subList(0, Math.min(MAX_COMMUNITIES, memberships.size()))) {
            communities.find(membership.communityId())
                    .ifPresent(community -> community(items, member, membership, community, messages, prefix));
        }
        return new Card(messages.get("home.title"), items, messages.get("home.footer", prefix));
    }

    private void community(List<Card.Item> items, Actor member, HomeDao.Membership membership, Community community,
                           Messages messages, String prefix) {
        items.add(Card.Item.heading(membership.facilitator()
                ? messages.get("home.community.facilitator", community.name()) : community.name()));
        dao.nextSession(community.id(), member, clock.instant()).ifPresent(next -> items.add(Card.Item.of(
                messages.get("home.session", next.number(), cut(next.title()),
                        WhenFormat.dateTime(next.startsAt().atZone(community.timeZone()), messages.locale()),
                        messages.get("home.answer." + (next.answer() == null ? "none" : next.answer()))))));
        list(items, messages.get("home.signals"), dao.recentSignals(community.id(), member));
        list(items, messages.get("home.takenUp"), dao.takenUp(community.id(), member));
        list(items, messages.get("home.polls"), dao.openPolls(community.id()).stream()
                .map(poll -> messages.get("home.poll", poll.number(), poll.question())).toList());
        if (membership.facilitator()) {
            items.add(new Card.Item(settings(community, messages, prefix), null, List.of(),
                    List.of(Button.action(messages.get("settings.button"), CommunitySettings.OPEN,
                            Long.toString(community.id()))), false));
        }
    }

    /** Where the community's settings stand, and the commands that change them. */
    private String settings(Community community, Messages messages, String prefix) {
        String digest = digests.next(community)
                .map(next -> WhenFormat.dateTime(next.atZone(community.timeZone()), messages.locale()))
                .orElseGet(() -> messages.get("home.settings.noDigest"));
        String language = community.locale().getDisplayLanguage(messages.locale());
        return messages.get("home.settings", digest, community.timeZone().getId(), language,
                messages.get(welcomes.welcomesMembers(community.id()) ? "home.settings.on" : "home.settings.off"),
                prefix);
    }

    private static void list(List<Card.Item> items, String label, List<String> lines) {
        if (!lines.isEmpty()) {
            StringBuilder text = new StringBuilder(label);
            lines.forEach(line -> text.append("\n• ").append(cut(line)));
            items.add(Card.Item.of(text.toString()));
        }
    }

    private static String cut(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_LINE ? flat : flat.substring(0, MAX_LINE - 1) + "…";
    }

    private static Actor owner(ChannelRef member) {
        return new Actor(member.platform(), member.workspaceId(), member.memberId(), null);
    }
}
