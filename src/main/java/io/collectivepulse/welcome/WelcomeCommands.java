package io.collectivepulse.welcome;

import io.collectivepulse.chat.Reply;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityCommands;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.router.ArrivalHandler;
import io.collectivepulse.router.CommandEntry.Flag;
import io.collectivepulse.router.Feature;
import io.collectivepulse.router.Registry;
import io.collectivepulse.router.Request;
import io.collectivepulse.router.Router;
import io.collectivepulse.router.Words;
import io.collectivepulse.session.SessionService;

/**
 * Registers introductions and the home: the router's arrivals (the bot added, a member joined, the home opened),
 * {@code /pulse accueil} ({@code home}: the member's home as a card, in a Teams personal chat too) and
 * {@code /pulse accueil-membres} ({@code member-welcome}), which says whether new members are greeted; facilitators
 * turn it {@code off} or back {@code on}; and the settings form a facilitator opens from their home.
 */
public final class WelcomeCommands implements Feature {
    /** {@code accueil-membres}: words are compared without accents or case. */
    static final Words MEMBER_WELCOME = Words.of("accueil-membres", "member-welcome");
    /** {@code accueil}: the member's home, wherever it is typed (a Teams personal chat included). */
    static final Words HOME = Words.of("accueil", "home");
    static final Words ON = Words.of("on", "on", "oui", "yes");
    static final Words OFF = Words.of("off", "off", "non", "no", "arret", "stop");

    private final CommunityService communities;
    private final WelcomeService welcome;
    private final HomeService home;
    private final CommunitySettings settings;

    public WelcomeCommands(Database database, CommunityService communities, WelcomeService welcome, HomeService home,
                           DigestService digests, SessionService sessions) {
        this.communities = communities;
        this.welcome = welcome;
        this.home = home;
        this.settings = new CommunitySettings(database, communities, digests, sessions, welcome, home);
    }

    @Override
    public void register(Registry registry) {
        registry.onArrival(this::arrived)
                .command(Router.DEFAULT_ROOT, MEMBER_WELCOME, "help.memberWelcome",
                        CommunityCommands.linked(communities, this::memberWelcome), Flag.FACILITATORS)
                .command(Router.DEFAULT_ROOT, HOME, "help.home",
                        request -> Reply.privately(home.card(request.actor())))
                .buttons(CommunitySettings.OPEN, settings::open)
                .form(SettingsForm.SAVE, settings::save);
    }

    private void arrived(ArrivalHandler.Arrival arrival) {
        switch (arrival.kind()) {
            case BOT_ADDED -> welcome.botAdded(arrival.channel());
            case MEMBER_JOINED -> welcome.memberJoined(arrival.channel(), arrival.member());
            case HOME -> home.opened(arrival.member());
        }
    }

    private Reply memberWelcome(Request request, Community community) {
        Messages messages = Messages.of(community.locale());
        String argument = request.argument().strip();
        if (argument.isEmpty()) {
            return request.privately(messages, welcome.welcomesMembers(community)
                    ? "welcome.members.status.on" : "welcome.members.status.off", request.prefix());
        }
        boolean on = ON.matches(argument);
        if (!on && !OFF.matches(argument)) {
            return request.privately(messages, "welcome.members.usage", request.prefix());
        }
        return welcome.welcomeMembers(community, request.actor(), on)
                .map(turned -> request.privately(messages,
                        turned ? "welcome.members.turnedOn" : "welcome.members.turnedOff", request.prefix()))
                .orElseGet(() -> request.privately(messages, "pulse.facilitatorsOnly"));
    }
}
