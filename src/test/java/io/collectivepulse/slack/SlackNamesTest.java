package io.collectivepulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Hostile;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import io.collectivepulse.when.WhenFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * People by their name, over real HTTP: Slack members are called on cards by the display name {@code users.info}
 * gives, asked when the card is sent (never while Slack waits for the ack), kept a day, and asked again after; a
 * {@code users.info} that fails leaves the handle and never holds a card back; a display name is inert text. Signal
 * cards show their date as a Slack date token with the community's date as fallback.
 */
class SlackNamesTest {
    private static final String SECRET = "names-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-names-token";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CLAIM = "signal.claim";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).mutableClock().build();

    private static FakeSlackApi slack() {
        return pulse.slackApi();
    }

    /** The card Slack received for the signal whose text contains {@code text}. */
    private static FakeSlackApi.Call card(String text) {
        return slack().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains(text), WAIT);
    }

    private static List<FakeSlackApi.Call> usersInfo(String user) {
        return slack().calls("users.info").stream().filter(c -> user.equals(c.params().get("user"))).toList();
    }

    @Test
    void aCardCallsTheMemberByTheDisplayNameSlackGivesAskedAfterTheAckAndAgainADayLater() throws Exception {
        slack().member("U0CAMILLE", "u1", "Camille Martin", "Camille Martin-Durand");
        var camille = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0NAMES", "U0CAMILLE", "u1");
        camille.command("/pulse", "lier Noms et dates");

        // A users.info that does not answer until released: the ack must not wait for it.
        Runnable answer = slack().holdUsersInfo();
        camille.command("/signal", "Les candidatures baissent de 20 % #rh");
        // Slack got its ack while users.info was held: the ack did not wait for it.
        answer.run();
        FakeSlackApi.Call first = card("Les candidatures baissent");

        assertThat(SlackClient.text(first.message())).contains("Camille Martin · ").doesNotContain("u1 · ");
        assertThat(usersInfo("U0CAMILLE")).hasSize(1).allSatisfy(call ->
                assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN));

        // Within the day: the name kept, no second users.info; the ack path stores it with the signal.
        camille.command("/signal", "Deuxième signal de la journée");
        assertThat(SlackClient.text(card("Deuxième signal").message())).contains("Camille Martin · ");
        assertThat(usersInfo("U0CAMILLE")).hasSize(1);
        assertThat(pulse.count("SELECT count(*) FROM signal WHERE author_id = ? AND author_name = ?",
                "U0CAMILLE", "Camille Martin")).isEqualTo(1);

        // A day later, the next card asks again and shows the new name; lists (the ack path) show the kept one.
        slack().member("U0CAMILLE", "u1", "Camille M.", "Camille Martin-Durand");
        pulse.clock().advance(Duration.ofDays(1).plusMinutes(1));
        camille.command("/signal", "Un signal le lendemain");
        assertThat(SlackClient.text(card("Un signal le lendemain").message())).contains("Camille M. · ");
        assertThat(usersInfo("U0CAMILLE")).hasSize(2);
        String list = SlackClient.text(camille.command("/signal", "liste"));
        assertThat(list).contains("Camille M. · ").doesNotContain("u1 · ").doesNotContain("Camille Martin · ");
        assertThat(usersInfo("U0CAMILLE")).hasSize(2);
    }

    @Test
    void aMemberWhoTakesASignalUpIsNamedOnTheRedrawnCard() throws Exception {
        slack().member("U0ANNE", "anne.l", "Anne Leroy", "Anne Leroy");
        slack().member("U0BOB", "b0b", "Bob Dupont", "Robert Dupont");
        var anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0CLAIMS", "U0ANNE", "anne.l");
        anne.command("/pulse", "lier Prises en charge");
        anne.command("/signal", "Un sujet à prendre");
        FakeSlackApi.Call card = card("Un sujet à prendre");
        String id = card.message().path("blocks").findValues("value").get(0).asText();
        String ts = Awaits.messageId(pulse.service(), Long.parseLong(id));

        // The press is Slack's recorded block_actions payload, with Bob's handle as its user name.
        var bob = anne.as(FakeSlackApi.TEAM_ID, "C0CLAIMS", "U0BOB", "b0b");
        assertThat(bob.press(CLAIM, id, ts).statusCode()).isEqualTo(200);
        Awaits.until(() -> Optional.of(pulse.count("SELECT count(*) FROM signal_claim WHERE signal_id = ?",
                Long.parseLong(id))).filter(n -> n == 1), WAIT, () -> "Bob's claim was not recorded");
        // The redraw waits a moment for more clicks, on the service's clock.
        pulse.clock().advance(Duration.ofSeconds(10));
        FakeSlackApi.Call redraw = slack().await(c -> c.method().equals("chat.update") && ts.equals(c.params().get("ts"))
                && SlackClient.text(c.message()).contains("Pris en charge par"), WAIT);
        assertThat(SlackClient.text(redraw.message())).contains("Pris en charge par Bob Dupont")
                .contains("Anne Leroy · ").doesNotContain("b0b");
    }

    @Test
    void aSessionAnnouncementCallsTheMembersWhoComeByTheirDisplayNames() throws Exception {
        slack().member("U0SOPHIE", "s.petit", "Sophie Petit", "Sophie Petit");
        var fanny = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0SESSIONS", "U0FANNY", "fanny");
        fanny.command("/pulse", "lier Séances nommées");
        String date = LocalDate.ofInstant(pulse.clock().instant(), ZoneId.of("Europe/Paris")).plusDays(30).toString();
        assertThat(SlackClient.text(fanny.command("/seance", "planifier " + date + " 14h Séance des noms")))
                .contains("La séance est planifiée");
        slack().await(c -> c.method().equals("chat.postMessage") && "C0SESSIONS".equals(c.params().get("channel"))
                && SlackClient.text(c.message()).contains("Séance des noms"), WAIT);
        long session = pulse.count("SELECT s.id FROM session s JOIN community c ON c.id = s.community_id"
                + " WHERE c.name = ?", "Séances nommées");

        // Sophie answers with Slack's recorded block_actions payload, which carries her handle only.
        var sophie = fanny.as(FakeSlackApi.TEAM_ID, "C0SESSIONS", "U0SOPHIE", "s.petit");
        assertThat(sophie.press("session.yes", Long.toString(session), "1").statusCode()).isEqualTo(200);
        Awaits.until(() -> Optional.of(pulse.count("SELECT count(*) FROM session_answer WHERE session_id = ?",
                session)).filter(n -> n == 1), WAIT, () -> "Sophie's answer was not recorded");
        pulse.clock().advance(Duration.ofSeconds(10));
        FakeSlackApi.Call redraw = slack().await(c -> c.method().equals("chat.update")
                && "C0SESSIONS".equals(c.params().get("channel"))
                && SlackClient.text(c.message()).contains("Viennent :"), WAIT);
        assertThat(SlackClient.text(redraw.message())).contains("Viennent : Sophie Petit").doesNotContain("s.petit");
    }

    @Test
    void aMemberWithoutADisplayNameIsCalledByTheirRealName() throws Exception {
        slack().member("U0REAL", "r.name", "", "Renée Lefèvre");
        var renee = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0REAL", "U0REAL", "r.name");
        renee.command("/pulse", "lier Noms complets");
        renee.command("/signal", "Signal sans nom d'affichage");
        assertThat(SlackClient.text(card("Signal sans nom d'affichage").message())).contains("Renée Lefèvre · ")
                .doesNotContain("r.name");
    }

    @Test
    void whenUsersInfoFailsTheCardGoesOutWithTheHandle() throws Exception {
        // Not a member users.info knows: user_not_found.
        var ghost = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0FAILS", "U0GHOST", "ghost");
        ghost.command("/pulse", "lier Échecs");
        ghost.command("/signal", "Signal d'un inconnu");
        assertThat(SlackClient.text(card("Signal d'un inconnu").message())).contains("ghost · ");
        assertThat(usersInfo("U0GHOST")).isNotEmpty();

        // Rate limited (429 with Retry-After): the card does not wait, and Slack is not asked inside the Retry-After.
        slack().member("U0BUSY", "busy", "Busy Bee", "Busy Bee");
        slack().throttleNext("users.info", 1);
        var busy = ghost.as(FakeSlackApi.TEAM_ID, "C0FAILS", "U0BUSY", "busy");
        busy.command("/signal", "Signal sous limite");
        assertThat(SlackClient.text(card("Signal sous limite").message())).contains("busy · ");
        busy.command("/signal", "Signal juste après");
        assertThat(SlackClient.text(card("Signal juste après").message())).contains("busy · ");
        assertThat(usersInfo("U0BUSY")).hasSize(1);
        assertThat(slack().callsInsideRetryAfter()).isEmpty();
        // The Retry-After ends on the service's clock, for the other tests of the workspace.
        pulse.clock().advance(Duration.ofSeconds(2));
    }

    @Test
    void aDisplayNameOrATypedDateTokenIsInertText() throws Exception {
        slack().member("U0HOSTILE", "hostile", "<!channel> Camille <@U0BOSS>", "Real Name");
        var hostile = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0HOSTILE", "U0HOSTILE", "hostile");
        hostile.command("/pulse", "lier Hostile");
        hostile.command("/signal", "Rendez-vous <!date^1700000000^{date_long}|hier> <!here>");
        FakeSlackApi.Call card = card("Rendez-vous");
        String raw = card.message().toString();
        assertThat(SlackClient.text(card.message()))
                .contains("&lt;!channel&gt; Camille &lt;@U0BOSS&gt; · ")
                .contains("&lt;!date^1700000000^{date_long}|hier&gt;");
        assertThat(Hostile.slackMarkup(card.message())).isEmpty();
        assertThat(raw).doesNotContain("<!channel>").doesNotContain("<@U0BOSS>").doesNotContain("<!here>")
                .doesNotContain("<!date^1700000000");
    }

    @Test
    void aSignalCardShowsItsDateAsASlackDateTokenWithTheCommunitysDateAsFallback() throws Exception {
        var dora = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0DATES", "U0DORA", "dora");
        dora.command("/pulse", "lier Dates");
        dora.command("/signal", "Un signal daté");
        String meta = SlackClient.text(card("Un signal daté").message());
        Matcher token = Pattern.compile("<!date\\^(\\d+)\\^\\{date_long} à \\{time}\\|([^>|]+)>").matcher(meta);
        assertThat(token.find()).as(meta).isTrue();
        long posted = pulse.clock().instant().getEpochSecond();
        assertThat(Long.parseLong(token.group(1))).isEqualTo(posted);
        assertThat(token.group(2)).isEqualTo(WhenFormat.dayAndTime(pulse.clock().instant(),
                ZoneId.of("Europe/Paris"), Locale.FRENCH));
        assertThat(meta).hasSize(meta.replace("<!date^", "").length() + "<!date^".length());
    }
}
