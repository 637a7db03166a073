package io.collectivepulse.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.TeamsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Members vote over signed HTTP, from Slack and from Teams, on polls launched in their community: the tally is
 * exact under 200 concurrent voters, a double click counts once, a vote changes and is taken back, a
 * multiple-choice poll counts each option once per member, and one tally shows on the cards of both platforms.
 */
class PollVotesTest {
    private static final String SECRET = "poll-votes-secret-0123456789";
    private static final String TOKEN = "xoxb-poll-votes";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().mutableClock().build();
    private static PollCardsOnScreen cards;
    private static ExecutorService voters;

    @BeforeAll
    static void access() {
        cards = new PollCardsOnScreen(pulse);
        voters = Executors.newFixedThreadPool(32);
    }

    @AfterAll
    static void stop() {
        voters.shutdownNow();
    }

    /** A community linked to {@code channel}, of which Anne is the facilitator. */
    private static SlackClient community(String channel, String name) {
        var anne = pulse.member(channel, "U0ANNE");
        assertThat(SlackClient.text(anne.command("/pulse", "lier " + name))).contains(name);
        return anne;
    }

    private static Poll launch(String channel, String question, boolean multiple, String... options) {
        return PollAccess.typed(pulse, pulse.member(channel, "U0ANNE"),
                PollAccess.quoted(question, options) + (multiple ? " plusieurs" : ""));
    }

    private static void vote(SlackClient member, Poll poll, int option) {
        assertThat(member.press(PollActions.VOTE + option, Long.toString(poll.id()), "1").statusCode()).isEqualTo(200);
    }

    private static long votes(Poll poll, int option) {
        return pulse.count("SELECT count(*) FROM poll_vote WHERE poll_id = ? AND position = ?", poll.id(), option);
    }

    @Test
    void twoHundredMembersVotingAtOnceGiveAnExactTallyOnTheCard() throws Exception {
        community("C0VOTES200", "Deux cents");
        Poll poll = launch("C0VOTES200", "Quel thème pour la prochaine séance ?", false, "Recrutement", "Télétravail",
                "Management");
        cards.awaitSlack("C0VOTES200", "Sondage n° 1", "Quel thème", "Personne n'a encore voté");
        List<Future<?>> presses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            var member = pulse.member("C0VOTES200", String.format("U0M%03d", i));
            int option = i % 3 + 1;
            presses.add(voters.submit(() -> vote(member, poll, option)));
        }
        for (Future<?> press : presses) {
            press.get();
        }
        assertThat(List.of(votes(poll, 1), votes(poll, 2), votes(poll, 3))).containsExactly(67L, 67L, 66L);
        pulse.clock().advance(Duration.ofSeconds(1));
        cards.awaitSlack("C0VOTES200", "Sondage n° 1", "200 personnes ont voté", "Recrutement\n▓▓▓░░░░░░░ 34 % · 67",
                "Management\n▓▓▓░░░░░░░ 33 % · 66");
        // A burst of 200 votes is a handful of redraws, not 200.
        assertThat(cards.slackCalls("C0VOTES200", "Sondage n° 1")).hasSizeLessThan(20);
    }

    @Test
    void aDoubleClickCountsOnceAVoteMovesAndIsTakenBack() {
        community("C0DOUBLE", "Double clic");
        Poll poll = launch("C0DOUBLE", "Quel format ?", false, "Atelier", "Conférence");
        var bob = pulse.member("C0DOUBLE", "U0BOB");
        vote(bob, poll, 1);
        vote(bob, poll, 1);
        ObjectNode click = bob.lastPress();
        bob.pressPayload(click);
        assertThat(votes(poll, 1)).isEqualTo(1);
        pulse.clock().advance(Duration.ofSeconds(1));
        cards.awaitSlack("C0DOUBLE", "Sondage n° 1", "1 personne a voté", "Atelier\n▓▓▓▓▓▓▓▓▓▓ 100 % · 1");

        vote(bob, poll, 2);
        assertThat(List.of(votes(poll, 1), votes(poll, 2))).containsExactly(0L, 1L);
        pulse.clock().advance(Duration.ofSeconds(1));
        cards.awaitSlack("C0DOUBLE", "Sondage n° 1", "Atelier\n░░░░░░░░░░ 0 % · 0", "Conférence\n▓▓▓▓▓▓▓▓▓▓ 100 % · 1");

        assertThat(bob.press(PollActions.WITHDRAW, Long.toString(poll.id()), "1").statusCode()).isEqualTo(200);
        assertThat(bob.press(PollActions.WITHDRAW, Long.toString(poll.id()), "1").statusCode()).isEqualTo(200);
        assertThat(pulse.count("SELECT count(*) FROM poll_vote WHERE poll_id = ?", poll.id())).isZero();
        pulse.clock().advance(Duration.ofSeconds(1));
        cards.awaitSlack("C0DOUBLE", "Sondage n° 1", "Personne n'a encore voté", "Conférence\n░░░░░░░░░░ 0 % · 0");
    }

    @Test
    void aMultipleChoicePollCountsEachOptionOncePerMember() {
        community("C0PLUSIEURS", "Plusieurs");
        Poll poll = launch("C0PLUSIEURS", "Quels créneaux vous conviennent ?", true, "Lundi", "Mardi", "Jeudi");
        var carol = pulse.member("C0PLUSIEURS", "U0CAROL");
        var dave = pulse.member("C0PLUSIEURS", "U0DAVE");
        vote(carol, poll, 1);
        vote(carol, poll, 2);
        vote(carol, poll, 2);
        vote(carol, poll, 3);
        vote(dave, poll, 2);
        assertThat(List.of(votes(poll, 1), votes(poll, 2), votes(poll, 3))).containsExactly(1L, 2L, 1L);
        pulse.clock().advance(Duration.ofSeconds(1));
        String card = cards.awaitSlack("C0PLUSIEURS", "Sondage n° 1", "2 personnes ont voté",
                "Mardi\n▓▓▓▓▓▓▓▓▓▓ 100 % · 2", "Lundi\n▓▓▓▓▓░░░░░ 50 % · 1");
        assertThat(card).contains("plusieurs réponses possibles");

        carol.press(PollActions.DROP + 2, Long.toString(poll.id()), "1");
        assertThat(List.of(votes(poll, 1), votes(poll, 2), votes(poll, 3))).containsExactly(1L, 1L, 1L);
    }

    @Test
    void aVoteFromSlackAndOneFromTeamsShowInOneTallyOnBothCards() {
        var anne = community("C0DEUXPLATEFORMES", "Deux plateformes");
        String teams = "19:poll-votes@thread.tacv2";
        pulse.linkTeams(anne, teams);
        Poll poll = launch("C0DEUXPLATEFORMES", "Où se retrouver ?", false, "En ligne", "Sur place");
        cards.awaitTeams(teams, "Sondage n° 1", "Où se retrouver ?");

        vote(pulse.member("C0DEUXPLATEFORMES", "U0BOB"), poll, 1);
        var press = pulse.teams().post(TeamsClient.execute(pulse.teamsMessage(teams, ""), PollActions.VOTE + 2,
                Long.toString(poll.id())));
        assertThat(press.statusCode()).isEqualTo(200);
        // The voter's own view comes back in the invoke, to them alone, with their choice marked.
        assertThat(press.body()).contains("application/vnd.microsoft.card.adaptive", "✓ Votre choix", "Retirer");

        pulse.clock().advance(Duration.ofSeconds(1));
        String[] tally = {"2 personnes ont voté", "En ligne\n▓▓▓▓▓░░░░░ 50 % · 1", "Sur place\n▓▓▓▓▓░░░░░ 50 % · 1"};
        cards.awaitSlack("C0DEUXPLATEFORMES", "Sondage n° 1", tally);
        cards.awaitTeams(teams, "Sondage n° 1", tally);
    }
}
