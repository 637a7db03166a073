package io.collectivepulse.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Closing polls: by a facilitator's button or command, once, with the results posted once in each channel of both
 * platforms and the cards redrawn as closed; by the deadline, through Quartz; then votes are refused politely, the
 * results are shown to who asks, and a closed poll is not reopened.
 */
class PollCloseTest {
    private static final String SECRET = "poll-close-secret-0123456789";
    private static final String TOKEN = "xoxb-poll-close";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().mutableClock().build();
    private static PollAccess polls;
    private static PollCardsOnScreen cards;

    @BeforeAll
    static void access() {
        polls = new PollAccess(pulse.service(), pulse.clock());
        cards = new PollCardsOnScreen(pulse);
    }

    private static String text(SlackClient member, String command) {
        return SlackClient.text(member.command("/sondage", command));
    }

    private static String ephemeral(String channel, String user, String text) {
        return cards.ephemeral(channel, user, text);
    }

    private static long posted(String channel, String text) {
        return pulse.slackApi().accepted("chat.postMessage").stream()
                .filter(c -> channel.equals(c.params().get("channel")) && SlackClient.text(c.message()).contains(text))
                .count();
    }

    @Test
    void aFacilitatorClosesOnceTheResultsGoOutOncePerChannelAndLateVotesAreRefused() {
        var anne = pulse.member("C0CLOTURE", "U0ANNE");
        anne.command("/pulse", "lier Clôture RH");
        String teams = "19:poll-close@thread.tacv2";
        pulse.linkTeams(anne, teams);
        Poll poll = PollAccess.typed(pulse, anne, PollAccess.quoted("Quel jour pour l'atelier ?", "Mardi", "Jeudi"));
        String id = Long.toString(poll.id());
        var bob = pulse.member("C0CLOTURE", "U0BOB");
        bob.press(PollActions.VOTE + 2, id, "1");

        bob.press(PollActions.CLOSE, id, "1");
        ephemeral("C0CLOTURE", "U0BOB", "peut clôturer un sondage");
        assertThat(text(bob, "clôturer 1")).contains("Seule l'équipe d'animation", "Il reste ouvert");
        bob.press(PollActions.VOTERS, id, "1");
        ephemeral("C0CLOTURE", "U0BOB", "peut voir qui a voté quoi");
        anne.press(PollActions.VOTERS, id, "1");
        assertThat(ephemeral("C0CLOTURE", "U0ANNE", "Qui a voté quoi")).contains("Jeudi · 1", "bob");
        assertThat(pulse.count("SELECT count(*) FROM poll WHERE id = ? AND closed_at IS NOT NULL", poll.id())).isZero();

        anne.press(PollActions.CLOSE, id, "1");
        assertThat(text(anne, "clôturer 1")).contains("déjà clôturé");
        pulse.clock().advance(Duration.ofSeconds(1));
        cards.awaitSlack("C0CLOTURE", "Sondage n° 1", "Clôturé · 1 personne a voté", "Jeudi\n▓▓▓▓▓▓▓▓▓▓ 100 % · 1");
        assertThat(cards.awaitTeams(teams, "Sondage n° 1", "Clôturé")).doesNotContain("[Voter]", "[Clôturer]");
        cards.awaitTeams(teams, "Résultats du sondage n° 1", "Jeudi");
        Awaits.until(() -> Optional.of(posted("C0CLOTURE", "Résultats du sondage n° 1")).filter(n -> n > 0),
                PollCardsOnScreen.WAIT, () -> "the results in Slack");

        var carol = pulse.member("C0CLOTURE", "U0CAROL");
        carol.press(PollActions.VOTE + 1, id, "1");
        ephemeral("C0CLOTURE", "U0CAROL", "il ne prend plus de votes");
        assertThat(pulse.count("SELECT count(*) FROM poll_vote WHERE poll_id = ?", poll.id())).isEqualTo(1);
        assertThat(text(anne, "rouvrir 1")).contains("est clôturé et le reste");
        assertThat(text(carol, "résultats 1")).contains("Résultats du sondage n° 1", "Jeudi", "100 %");
        assertThat(text(carol, "liste")).contains("Aucun sondage n'est ouvert");
        assertThat(posted("C0CLOTURE", "Résultats du sondage n° 1")).isEqualTo(1);
        assertThat(pulse.connector().all().stream().filter(s -> s.conversationId().startsWith(teams)
                && s.updatedId() == null && s.cardText().contains("Résultats du sondage n° 1")).count()).isEqualTo(1);
    }

    @Test
    void theDeadlineIsShownInTheCommunitysTimeAndClosesThePollThroughQuartz() {
        pulse.clock().set(ZonedDateTime.of(2026, 12, 2, 9, 0, 0, 0, PARIS).toInstant());
        var anne = pulse.member("C0ECHEANCE", "U0ANNE");
        anne.command("/pulse", "lier Échéance RH");
        Instant friday = ZonedDateTime.of(2026, 12, 4, 17, 0, 0, 0, PARIS).toInstant();
        Poll poll = PollAccess.typed(pulse, anne,
                PollAccess.quoted("Faut-il une séance en plus ?", "Oui", "Non") + " anonyme fin vendredi 17h");
        var scheduler = pulse.service().app().scheduler();
        assertThat(scheduler.next(PollService.DEADLINE, poll.id())).contains(friday);
        cards.awaitSlack("C0ECHEANCE", "Sondage n° 1", "anonyme · jusqu'au vendredi 4 décembre à 17 h");
        assertThat(text(anne, "liste")).contains("n° 1", "Faut-il une séance en plus ?", "vendredi 4 décembre");
        assertThat(text(anne, "résultats 1")).contains("encore ouvert");

        pulse.clock().set(friday.plusSeconds(1));
        scheduler.fireNow(PollService.DEADLINE, poll.id());
        Awaits.until(() -> Optional.of(posted("C0ECHEANCE", "Résultats du sondage n° 1")).filter(n -> n > 0),
                PollCardsOnScreen.WAIT, () -> "the results posted at the deadline");
        assertThat(pulse.count("SELECT count(*) FROM poll WHERE id = ? AND closed_at IS NOT NULL AND secret IS NULL",
                poll.id())).isEqualTo(1);
        // The deadline fired late on another replica: its close loses and writes nothing.
        polls.closeAtDeadline(poll.id());
        assertThat(pulse.count("SELECT count(*) FROM outbox WHERE idem_key LIKE ?", "poll-results:" + poll.id() + ":%"))
                .isEqualTo(1);
        assertThat(text(anne, "résultats 1")).contains("Sondage anonyme et clôturé");
    }
}
