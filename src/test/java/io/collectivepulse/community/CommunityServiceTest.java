package io.collectivepulse.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.community.CommunityService.LinkResult;
import io.collectivepulse.support.MutableClock;
import io.collectivepulse.support.PulseDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Communities as their service sees them, on a real database: linking, invitations, settings, listeners. */
class CommunityServiceTest {
    @RegisterExtension
    static final PulseDatabase db = new PulseDatabase();

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private static final List<String> HEARD = new CopyOnWriteArrayList<>();
    private static CommunityService communities;

    @BeforeAll
    static void start() {
        communities = new CommunityService(db.database(), CLOCK, Locale.FRENCH, ZoneId.of("Europe/Paris"));
        communities.listen(new CommunityListener() {
            @Override
            public void created(Community community) {
                HEARD.add("created " + community.name());
            }

            @Override
            public void timeZoneChanged(Community community) {
                HEARD.add("zone " + community.name() + " " + community.timeZone().getId());
            }
        });
    }

    private static Actor slack(String user) {
        return new Actor(Platform.SLACK, "T0SVC", user, user.toLowerCase(Locale.ROOT));
    }

    private static ChannelRef slackChannel(String id) {
        return new ChannelRef(Platform.SLACK, "T0SVC", id);
    }

    private static Community create(String channel, Actor facilitator, String name) {
        var result = communities.create(facilitator, slackChannel(channel), name);
        assertThat(result).isInstanceOf(LinkResult.Linked.class);
        return ((LinkResult.Linked) result).community();
    }

    @Test
    void creatingMakesTheActorFacilitatorTellsListenersAndLinksTheChannelOnce() {
        Community community = create("C0CREATE", slack("U0ANNE"), "  DRH   des\tcollectivités ");

        assertThat(community.name()).isEqualTo("DRH des collectivités");
        assertThat(community.locale()).isEqualTo(Locale.FRENCH);
        assertThat(community.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(communities.isFacilitator(community, slack("U0ANNE"))).isTrue();
        assertThat(HEARD).contains("created DRH des collectivités");

        var again = communities.create(slack("U0BOB"), slackChannel("C0CREATE"), "Autre");
        assertThat(again).isInstanceOf(LinkResult.AlreadyLinked.class);
        assertThat(db.count("community", "name = 'Autre'")).isZero();
        assertThat(communities.isFacilitator(community, slack("U0BOB"))).isFalse();
    }

    @Test
    void aNameIsRequiredAndShortEnough() {
        assertThat(communities.create(slack("U0ANNE"), slackChannel("C0NAME"), " \u0000 "))
                .isInstanceOf(LinkResult.MissingName.class);
        assertThat(communities.create(slack("U0ANNE"), slackChannel("C0NAME"), "x".repeat(101)))
                .isInstanceOf(LinkResult.NameTooLong.class);
        assertThat(communities.findByChannel(slackChannel("C0NAME"))).isEmpty();
    }

    @Test
    void anInvitationLinksATeamsChannelOnceAndOnlyFacilitatorsInvite() {
        Community community = create("C0INVITE", slack("U0ANNE"), "Accueil");
        assertThat(communities.invite(community, slack("U0NOBODY"))).isEmpty();

        String code = communities.invite(community, slack("U0ANNE")).orElseThrow().code();
        var teams = new ChannelRef(Platform.TEAMS, "tenant-1", "19:conv@thread.tacv2");
        var carl = new Actor(Platform.TEAMS, "tenant-1", "aad-carl", "Carl");

        assertThat(communities.join(carl, teams, code.toLowerCase(Locale.ROOT))).isInstanceOf(JoinResult.Joined.class);
        assertThat(communities.channels(community)).containsExactly(slackChannel("C0INVITE"), teams);
        assertThat(communities.isFacilitator(community, carl)).isTrue();
        assertThat(communities.join(carl, new ChannelRef(Platform.TEAMS, "tenant-1", "19:other"), code))
                .isEqualTo(new JoinResult.Refused());
        assertThat(communities.join(slack("U0ANNE"), slackChannel("C0INVITE2"), code))
                .as("the facilitator who issued the code hears why")
                .isEqualTo(new JoinResult.RefusedToIssuer(JoinResult.Why.USED));
        assertThat(communities.join(new Actor(Platform.SLACK, "T0ELSEWHERE", "U0ANNE", "anne"),
                new ChannelRef(Platform.SLACK, "T0ELSEWHERE", "C0INVITE3"), code))
                .as("the same user id in another workspace is someone else")
                .isEqualTo(new JoinResult.Refused());
    }

    @Test
    void anExpiredOrUnknownCodeLinksNothing() {
        Community community = create("C0EXPIRE", slack("U0ANNE"), "Managers");
        String code = communities.invite(community, slack("U0ANNE")).orElseThrow().code();
        CLOCK.advance(Invite.VALIDITY.plus(Duration.ofMinutes(1)));
        try {
            assertThat(communities.join(slack("U0BOB"), slackChannel("C0LATE"), code))
                    .isEqualTo(new JoinResult.Refused());
            assertThat(communities.join(slack("U0BOB"), slackChannel("C0LATE"), "ABCD-EFGH"))
                    .isEqualTo(new JoinResult.Refused());
            assertThat(communities.join(slack("U0ANNE"), slackChannel("C0LATE"), code))
                    .isEqualTo(new JoinResult.RefusedToIssuer(JoinResult.Why.EXPIRED));
            assertThat(communities.findByChannel(slackChannel("C0LATE"))).isEmpty();
        } finally {
            CLOCK.advance(Invite.VALIDITY.plus(Duration.ofMinutes(1)).negated());
        }
    }

    @Test
    void refusedCodesAreForgottenWhenAskedAndSuccessesAreNeverCounted() {
        Community community = create("C0FORGET", slack("U0ANNE"), "Oubli");
        String code = communities.invite(community, slack("U0ANNE")).orElseThrow().code();
        communities.join(slack("U0BOB"), slackChannel("C0FORGOTTEN"), "ZZZZ-ZZZZ");
        assertThat(communities.join(slack("U0BOB"), slackChannel("C0FORGOTTEN"), code))
                .isInstanceOf(JoinResult.Joined.class);
        assertThat(db.count("invite_failure", "channel_id = 'C0FORGOTTEN'")).isEqualTo(1);

        communities.forgetRefusedCodesBefore(CLOCK.instant());
        assertThat(db.count("invite_failure", "channel_id = 'C0FORGOTTEN'")).isEqualTo(1);
        communities.forgetRefusedCodesBefore(CLOCK.instant().plusSeconds(1));
        assertThat(db.count("invite_failure", "true")).isZero();
    }

    @Test
    void onlyFacilitatorsChangeSettingsAndATimeZoneChangeIsHeard() {
        Community community = create("C0SETTINGS", slack("U0ANNE"), "Réglages");

        assertThat(communities.setLocale(community, slack("U0BOB"), Locale.ENGLISH)).isEmpty();
        assertThat(communities.setTimeZone(community, slack("U0BOB"), ZoneId.of("America/Cayenne"))).isEmpty();
        assertThat(communities.find(community.id()).orElseThrow()).isEqualTo(community);
        assertThat(HEARD).doesNotContain("zone Réglages America/Cayenne");

        assertThat(communities.setLocale(community, slack("U0ANNE"), Locale.ENGLISH).orElseThrow().locale())
                .isEqualTo(Locale.ENGLISH);
        assertThat(communities.setTimeZone(community, slack("U0ANNE"), ZoneId.of("America/Cayenne"))
                .orElseThrow().timeZone()).isEqualTo(ZoneId.of("America/Cayenne"));
        assertThat(HEARD).contains("zone Réglages America/Cayenne");
        assertThat(communities.localeOf(slackChannel("C0SETTINGS"))).isEqualTo(Locale.ENGLISH);
        assertThat(communities.localeOf(slackChannel("C0UNLINKED"))).isEqualTo(Locale.FRENCH);
    }

    @Test
    void participationKeepsAFacilitatorAFacilitator() {
        Community community = create("C0ROLE", slack("U0ANNE"), "Rôles");
        communities.recordParticipation(community, slack("U0ANNE"));
        communities.recordParticipation(community, slack("U0BOB"));

        assertThat(communities.isFacilitator(community, slack("U0ANNE"))).isTrue();
        assertThat(communities.isFacilitator(community, slack("U0BOB"))).isFalse();
        assertThat(db.count("member", "community_id = " + community.id())).isEqualTo(2);
    }
}
