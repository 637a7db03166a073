package io.collectivepulse.poll;

import static io.collectivepulse.poll.PollAccess.draft;
import static io.collectivepulse.poll.PollAccess.slackChannel;
import static io.collectivepulse.poll.PollAccess.slackMember;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.BlockKitLimits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.support.TeamsClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile or mistaken input gets a precise answer and changes nothing (rows counted): a member launching or closing,
 * a deadline in the past, a vote for a deleted poll or from another community's channel, an option the poll does not
 * have, reopening; member text with Slack mentions and links reaches both platforms as plain text; the largest poll
 * stays within Block Kit's limits and the Adaptive Card schema.
 */
class PollRefusalsTest {
    private static final String SECRET = "poll-refusals-secret-0123456789";
    private static final String TOKEN = "xoxb-poll-refusals";
    private static final String TEAMS = "19:refus@thread.tacv2";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().mutableClock().build();
    private static PollAccess polls;
    private static SlackClient anne;

    @BeforeAll
    static void community() {
        polls = new PollAccess(pulse.service(), pulse.clock());
        anne = pulse.member("C0REFUS", "U0ANNE");
        anne.command("/pulse", "lier Refus RH");
        pulse.linkTeams(anne, TEAMS);
    }

    private static long rows() {
        return pulse.count("SELECT (SELECT count(*) FROM poll) + (SELECT count(*) FROM poll_option)"
                + " + (SELECT count(*) FROM poll_vote) + (SELECT count(*) FROM outbox WHERE kind LIKE 'poll%')");
    }

    private static String refusal(Polled<Poll> result) {
        assertThat(result).isInstanceOf(Polled.Refused.class);
        return ((Polled.Refused<Poll>) result).key();
    }

    private static String ephemeral(String user, String text) {
        return new PollCardsOnScreen(pulse).ephemeral("C0REFUS", user, text);
    }

    @Test
    void membersCannotLaunchOrCloseAndAPastDeadlineIsRefused() {
        long before = rows();
        assertThat(refusal(polls.launch(slackChannel("C0REFUS"), slackMember("U0BOB"),
                draft("Et si ?", List.of("Oui", "Non"), false, false, null))))
                .isEqualTo("poll.launch.facilitatorsOnly");
        assertThat(refusal(polls.launch(slackChannel("C0REFUS"), slackMember("U0ANNE"),
                draft("Hier ?", List.of("Oui", "Non"), false, false, pulse.clock().instant().minusSeconds(60)))))
                .isEqualTo("poll.launch.endsInPast");
        assertThat(rows()).isEqualTo(before);

        Poll poll = polls.launched(slackChannel("C0REFUS"), slackMember("U0ANNE"),
                draft("Garder le créneau ?", List.of("Oui", "Non"), false, false, null));
        var bob = pulse.member("C0REFUS", "U0BOB");
        assertThat(SlackClient.text(bob.command("/sondage", "clôturer " + poll.number())))
                .contains("Seule l'équipe d'animation", "Il reste ouvert");
        assertThat(SlackClient.text(anne.command("/sondage", "rouvrir " + poll.number()))).contains("encore ouvert");
        assertThat(SlackClient.text(anne.command("/sondage", "clôturer 99"))).contains("pas de sondage n° 99");
        assertThat(SlackClient.text(anne.command("/sondage", "rouvrir n°99"))).contains("pas de sondage n° 99");
        assertThat(pulse.count("SELECT count(*) FROM poll WHERE id = ? AND closed_at IS NULL", poll.id())).isEqualTo(1);
    }

    @Test
    void votesForADeletedPollAnotherCommunitysPollOrAMissingOptionChangeNothing() {
        Poll deleted = polls.launched(slackChannel("C0REFUS"), slackMember("U0ANNE"),
                draft("Supprimé ?", List.of("Oui", "Non"), false, false, null));
        pulse.service().jdbi().useHandle(h -> h.createUpdate("DELETE FROM poll WHERE id = :id")
                .bind("id", deleted.id()).execute());
        Poll poll = polls.launched(slackChannel("C0REFUS"), slackMember("U0ANNE"),
                draft("Quel lieu ?", List.of("Paris", "Lyon"), true, false, null));
        var other = pulse.member("C0AUTRE", "U0ZOE");
        other.command("/pulse", "lier Autre communauté");
        long before = rows();

        var carol = pulse.member("C0REFUS", "U0CAROL");
        carol.press(PollActions.VOTE + 1, Long.toString(deleted.id()), "1");
        ephemeral("U0CAROL", "Ce sondage n'existe plus");
        carol.press(PollActions.VOTE + 7, Long.toString(poll.id()), "1");
        ephemeral("U0CAROL", "ne propose pas cette réponse");
        carol.press(PollActions.VOTE + 1, "pas-un-numéro", "1");
        other.press(PollActions.VOTE + 1, Long.toString(poll.id()), "1");
        new PollCardsOnScreen(pulse).ephemeral("C0AUTRE", "U0ZOE", "appartient à une autre communauté");

        // A Teams member of another tenant, in a conversation linked to no community, names this poll's id.
        ObjectNode stranger = pulse.teamsMessage("19:ailleurs@thread.tacv2", "");
        ((ObjectNode) stranger.path("conversation")).put("tenantId", "00000000-0000-4000-8000-0000000000ff");
        ((ObjectNode) stranger.path("channelData").path("tenant")).put("id", "00000000-0000-4000-8000-0000000000ff");
        var answer = pulse.teams().post(TeamsClient.execute(stranger, PollActions.VOTE + 1, Long.toString(poll.id())));
        assertThat(answer.body()).contains("application/vnd.microsoft.activity.message", "lié à aucune communauté");
        assertThat(rows()).isEqualTo(before);
        assertThat(pulse.count("SELECT count(*) FROM poll_vote")).isZero();
    }

    @Test
    void mentionsAndLinksStayTextAndTheLargestPollFitsBothPlatforms() {
        String hostile = "Qui <!channel> lit <https://evil.example|ici> ?";
        List<String> options = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> i + " <!here> <https://evil.example|clic> " + "é".repeat(460)).toList();
        Poll poll = polls.launched(slackChannel("C0REFUS"), slackMember("U0ANNE"),
                draft(hostile + " " + "q".repeat(940), options, false, true, null));
        FakeSlackApi.Call posted = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains("Sondage n° " + poll.number()), PollCardsOnScreen.WAIT);
        // Sent escaped: Slack shows the characters, and neither pings the channel nor makes a link.
        assertThat(SlackClient.text(posted.message()))
                .contains("&lt;!channel&gt;", "&lt;https://evil.example|ici&gt;", "10 &lt;!here&gt;")
                .doesNotContain("<!channel>", "<!here>", "<https://evil");
        assertThat(posted.params().get("text")).doesNotContain("<!channel>", "<https://evil");
        assertThat(BlockKitLimits.violations(posted.message())).isEmpty();

        FakeBotConnector.Sent card = pulse.connector().await(s -> s.conversationId().startsWith(TEAMS)
                && s.cardText().contains("Sondage n° " + poll.number()), PollCardsOnScreen.WAIT);
        assertThat(card.activity().toString()).doesNotContain("\"mention\"");
        assertThat(card.cardText()).contains(hostile);
        pulse.clock().advance(Duration.ofSeconds(1));
        assertThat(pulse.connector().invalid()).isEmpty();
        assertThat(pulse.slackApi().refusedUnexpectedly()).isEmpty();
    }

    @Test
    void onTeamsClosingIsASecondaryActionAndAMembersTryIsRefusedToThemAlone() {
        Poll poll = polls.launched(slackChannel("C0REFUS"), slackMember("U0ANNE"),
                draft("Fermer le sondage ?", List.of("Oui", "Non"), false, false, null));
        FakeBotConnector.Sent card = pulse.connector().await(s -> s.conversationId().equals(TEAMS)
                && s.cardText().contains("Fermer le sondage ?"), Duration.ofSeconds(10));
        var close = card.activity().findParents("verb").stream()
                .filter(a -> PollActions.CLOSE.equals(a.path("verb").asText())).findFirst().orElseThrow();
        assertThat(close.path("type").asText()).isEqualTo("Action.Execute");
        assertThat(close.path("mode").asText()).isEqualTo("secondary");

        ObjectNode member = pulse.teamsMessage(TEAMS, "");
        ((ObjectNode) member.path("from")).put("id", "29:membre-refus").put("aadObjectId",
                "0000beef-0000-4000-8000-000000000001").put("name", "Membre Refus");
        var answer = pulse.teams().post(TeamsClient.execute(member, PollActions.CLOSE, Long.toString(poll.id())));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("application/vnd.microsoft.activity.message", "Seule l'équipe d'animation");
        assertThat(pulse.count("SELECT count(*) FROM poll WHERE id = ? AND closed_at IS NULL", poll.id())).isEqualTo(1);
    }
}
