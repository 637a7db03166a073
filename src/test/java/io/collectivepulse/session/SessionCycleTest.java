package io.collectivepulse.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A cycle of sessions in a community on Slack and Teams: planned in one line, announced in both channels, its
 * reminders planned in the community's time zone across the DST change, answered from both platforms, cancelled.
 * The clock is the service's, set before the cycle; Quartz is asked when each reminder fires.
 */
class SessionCycleTest {
    private static final String SECRET = "session-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-session-token";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().mutableClock().build();

    private static SlackClient in(String channel, String user) {
        return pulse.member(channel, user);
    }

    private static List<FakeSlackApi.Call> posted(String channel, String text) {
        return pulse.slackApi().accepted("chat.postMessage").stream()
                .filter(c -> channel.equals(c.params().get("channel")) && SlackClient.text(c.message()).contains(text))
                .toList();
    }

    private static List<FakeBotConnector.Sent> sentTo(String conversation, String text) {
        return pulse.connector().all().stream()
                .filter(s -> s.conversationId().equals(conversation) && s.cardText().contains(text)).toList();
    }

    private static long count(String sql, Object... args) {
        return pulse.count(sql, args);
    }

    @Test
    void aCycleOfEightIsAnnouncedOnBothPlatformsWithRemindersAcrossTheDstChange() {
        pulse.clock().set(ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, PARIS).toInstant());
        var anne = in("C0CYCLE", "U0ANNE");
        anne.command("/pulse", "lier Cycle RH");
        String teams = "19:cycle@thread.tacv2";
        pulse.linkTeams(anne, teams);

        assertThat(SlackClient.text(anne.command("/seance", "cycle 8 2027-03-04 2 14h 2h")))
                .contains("8 séances sont planifiées");

        Awaits.until(() -> Optional.of(posted("C0CYCLE", "Rencontre de la communauté")).filter(p -> p.size() == 8),
                WAIT, () -> posted("C0CYCLE", "Rencontre").size() + " announcements in Slack");
        Awaits.until(() -> Optional.of(sentTo(teams, "Rencontre de la communauté")).filter(p -> p.size() == 8),
                WAIT, () -> sentTo(teams, "Rencontre").size() + " announcements in Teams");
        assertThat(posted("C0CYCLE", "Séance 3 — Rencontre de la communauté").get(0).message().toString())
                .contains("jeudi 1er avril 2027", "14 h", "Je participe", "Peut-être", "Je ne peux pas");

        // Session 2 is on 18 March, before the change; session 3 on 1 April, after: both at 14 h in Paris.
        Map<String, LocalDateTime> second = reminders(2);
        assertThat(second).containsEntry("J-7", LocalDateTime.of(2027, 3, 11, 14, 0))
                .containsEntry("J-1", LocalDateTime.of(2027, 3, 17, 14, 0))
                .containsEntry("H-1", LocalDateTime.of(2027, 3, 18, 13, 0));
        Map<String, LocalDateTime> third = reminders(3);
        assertThat(third).containsEntry("J-7", LocalDateTime.of(2027, 3, 25, 14, 0))
                .containsEntry("J-1", LocalDateTime.of(2027, 3, 31, 14, 0))
                .containsEntry("H-1", LocalDateTime.of(2027, 4, 1, 13, 0));
        // Session 1 is on 4 March, three days away: its J-7 has passed and is not planned.
        assertThat(reminders(1)).containsOnlyKeys("J-1", "H-1");
    }

    @Test
    void aMontrealCommunityGetsItsRemindersAtItsOwnLocalTimesAcrossItsOwnDstChange() {
        pulse.clock().set(ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, PARIS).toInstant());
        var anne = in("C0MONTREAL", "U0ANNE");
        anne.command("/pulse", "lier Montréal RH");
        anne.command("/pulse", "fuseau America/Montreal");
        // Montreal moves to summer time on 14 March 2027, two weeks before Paris.
        assertThat(SlackClient.text(anne.command("/seance", "planifier 2027-03-16 14h Atelier Montréal")))
                .contains("La séance est planifiée");

        ZoneId montreal = ZoneId.of("America/Montreal");
        Map<String, Instant> fired = firing("Montréal RH", 1);
        assertThat(fired.get("J-7").atZone(montreal).toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 3, 9, 14, 0));
        assertThat(fired.get("J-7")).isEqualTo(Instant.parse("2027-03-09T19:00:00Z"));
        assertThat(fired.get("J-1")).isEqualTo(Instant.parse("2027-03-15T18:00:00Z"));
        assertThat(fired.get("H-1")).isEqualTo(Instant.parse("2027-03-16T17:00:00Z"));
    }

    @Test
    void facilitatorsChooseTheRemindersAndCanPostAnAnnouncementAgain() {
        pulse.clock().set(ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, PARIS).toInstant());
        var anne = in("C0RAPPELS", "U0ANNE");
        anne.command("/pulse", "lier Rappels RH");
        var bob = in("C0RAPPELS", "U0BOB");
        assertThat(SlackClient.text(bob.command("/pulse", "rappels off"))).contains("Seule l'équipe d'animation");
        assertThat(SlackClient.text(anne.command("/pulse", "rappels"))).contains("J-7 J-1 H-1");
        assertThat(SlackClient.text(anne.command("/pulse", "rappels J-3 X-9"))).contains("« X-9 » n'est pas un rappel");
        assertThat(SlackClient.text(anne.command("/pulse", "rappels H-2 J-3"))).contains("rappels J-3 H-2");

        anne.command("/seance", "planifier 2027-03-18 14h Atelier rappels");
        assertThat(firing("Rappels RH", 1).keySet()).containsExactlyInAnyOrder("J-3", "H-2");
        assertThat(firing("Rappels RH", 1).get("H-2")).isEqualTo(Instant.parse("2027-03-18T11:00:00Z"));

        Awaits.until(() -> Optional.of(posted("C0RAPPELS", "Atelier rappels")).filter(p -> p.size() == 1), WAIT,
                () -> "the announcement");
        assertThat(SlackClient.text(bob.command("/seance", "rappeler 1"))).contains("Seule l'équipe d'animation");
        assertThat(SlackClient.text(anne.command("/seance", "rappeler 1"))).contains("repart dans les canaux");
        Awaits.until(() -> Optional.of(posted("C0RAPPELS", "Atelier rappels")).filter(p -> p.size() == 2), WAIT,
                () -> "the announcement posted again");
        assertThat(SlackClient.text(anne.command("/pulse", "rappels off"))).contains("rappels off");
        anne.command("/seance", "planifier 2027-03-25 14h Sans rappel");
        assertThat(firing("Rappels RH", 2)).isEmpty();
    }

    @Test
    void theReviewShowsTheAnswersWhoCameAndTheAttendanceOverTheCycleToFacilitatorsOnly() {
        pulse.clock().set(ZonedDateTime.of(2027, 5, 3, 9, 0, 0, 0, PARIS).toInstant());
        var anne = in("C0BILAN", "U0ANNE");
        anne.command("/pulse", "lier Bilan RH");
        anne.command("/seance", "cycle 2 2027-05-06 1 14h 2h");
        long first = pulse.service().jdbi().withHandle(h -> h.createQuery("""
                        SELECT s.id FROM session s JOIN community c ON c.id = s.community_id
                        WHERE c.name = 'Bilan RH' AND s.number = 1""").mapTo(Long.class).one());
        in("C0BILAN", "U0BOB").press(SessionActions.YES, Long.toString(first), "1");
        in("C0BILAN", "U0CAROL").press(SessionActions.NO, Long.toString(first), "1");
        var bob = in("C0BILAN", "U0BOB");
        assertThat(SlackClient.text(bob.command("/seance", "bilan"))).contains("Seule l'équipe d'animation");
        assertThat(SlackClient.text(anne.command("/seance", "bilan")))
                .contains("Bilan du cycle — Bilan RH", "Aucune séance n'a encore eu lieu");

        // The first session has taken place (6 May, 14 h to 16 h); the second is still to come.
        pulse.clock().set(ZonedDateTime.of(2027, 5, 7, 9, 0, 0, 0, PARIS).toInstant());
        String review = SlackClient.text(anne.command("/seance", "bilan"));
        assertThat(review).contains("Séance 1 — Rencontre de la communauté", "Participent : 1 · Peut-être : 0 · Ne peuvent pas : 1",
                "Personnes présentes : 1 (bob)", "Présence sur le cycle : 50 %");
        assertThat(review.split("Personnes présentes").length).isEqualTo(2);
    }

    @Test
    void theSessionFormPlansAndEditsWithItsRefusalsNextToTheFields() throws Exception {
        pulse.clock().set(ZonedDateTime.of(2027, 6, 1, 9, 0, 0, 0, PARIS).toInstant());
        var anne = in("C0FORMULAIRE", "U0ANNE");
        anne.command("/pulse", "lier Formulaire RH");
        assertThat(SlackClient.text(anne.command("/seance", "planifier"))).isEmpty();
        var views = pulse.slackApi().openedViews();
        var view = views.get(views.size() - 1);
        assertThat(view.path("callback_id").asText()).isEqualTo(SessionForms.CREATE);
        assertThat(view.path("blocks").findValuesAsText("block_id"))
                .containsExactly("title", "date", "time", "duration", "where", "guest", "notes");

        var refused = JSON.readTree(anne.submit(view, Map.of("title", "Atelier", "date", "31/06", "time", "14h")).body());
        assertThat(refused.path("response_action").asText()).isEqualTo("errors");
        assertThat(refused.path("errors").has("date")).isTrue();
        assertThat(count("SELECT count(*) FROM session WHERE title = 'Atelier formulaire'")).isZero();

        assertThat(anne.submit(view, Map.of("title", "Atelier formulaire", "date", "2027-06-17", "time", "14h30",
                "duration", "1h30", "where", "Salle 3", "guest", "Une DRH d'un autre ministère",
                "notes", "Le télétravail")).statusCode()).isEqualTo(200);
        FakeSlackApi.Call posted = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains("Atelier formulaire"), WAIT);
        assertThat(SlackClient.text(posted.message())).contains("14 h 30", "1 h 30", "Salle 3",
                "Regard d'expert : Une DRH d'un autre ministère", "Le télétravail");

        assertThat(SlackClient.text(anne.command("/seance", "modifier 1"))).isEmpty();
        views = pulse.slackApi().openedViews();
        var edit = views.get(views.size() - 1);
        assertThat(edit.path("callback_id").asText()).isEqualTo(SessionForms.SAVE);
        assertThat(edit.toString()).contains("Atelier formulaire", "2027-06-17", "14h30");
        assertThat(anne.submit(edit, Map.of("title", "Atelier formulaire renommé", "date", "2027-06-17",
                "time", "14h30", "duration", "1h30", "where", "Salle 3")).statusCode()).isEqualTo(200);
        pulse.clock().advance(Duration.ofSeconds(1));
        pulse.slackApi().await(c -> c.method().equals("chat.update")
                && SlackClient.text(c.message()).contains("Atelier formulaire renommé"), WAIT);
        assertThat(count("SELECT sequence FROM session WHERE title = 'Atelier formulaire renommé'")).isEqualTo(1);
    }

    @Test
    void onTeamsTheSessionFormIsACardWhoseSubmissionPlansTheSession() {
        pulse.clock().set(ZonedDateTime.of(2027, 6, 1, 9, 0, 0, 0, PARIS).toInstant());
        String conversation = "a:sessions-form";
        ObjectNode link = pulse.teams().personalMessage("lier Formulaire Teams");
        ((ObjectNode) link.path("conversation")).put("id", conversation);
        pulse.teams().post(link);
        pulse.connector().await(s -> s.cardText().contains("Formulaire Teams"), WAIT);

        ObjectNode alone = pulse.teams().personalMessage("seance planifier");
        ((ObjectNode) alone.path("conversation")).put("id", conversation);
        pulse.teams().post(alone);
        FakeBotConnector.Sent form = pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.activity().toString().contains("Input.Text"), WAIT);
        assertThat(form.activity().findValuesAsText("id"))
                .contains("title", "date", "time", "duration", "where", "guest", "notes");

        ObjectNode submit = pulse.teams().personalMessage("");
        submit.remove("text");
        ((ObjectNode) submit.path("conversation")).put("id", conversation);
        submit.putObject("value").put("action", SessionForms.CREATE).put("value", "")
                .put("title", "Atelier Teams").put("date", "2027-06-24").put("time", "10h").put("duration", "")
                .put("where", "https://visio.example.org/teams").put("guest", "").put("notes", "");
        assertThat(pulse.teams().post(submit).statusCode()).isEqualTo(200);
        assertThat(pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.cardText().contains("Atelier Teams"), WAIT).cardText())
                .contains("jeudi 24 juin 2027 à 10 h", "Je participe");
        assertThat(pulse.connector().invalid()).isEmpty();
    }

    /** The reminders of session {@code number}, by offset, at the local time Quartz will fire them in Paris. */
    @Test
    void eachSessionsEndIsFollowedUpOnceAtItsEndMovedWithItAndNeverWhenCancelled() {
        pulse.clock().set(ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, PARIS).toInstant());
        var anne = in("C0ENDS", "U0ANNE");
        anne.command("/pulse", "lier Fins de séance");
        assertThat(SlackClient.text(anne.command("/seance", "cycle 3 2027-03-18 1 14h 2h"))).contains("3");
        var scheduler = pulse.service().app().scheduler();
        long[] ids = pulse.service().jdbi().withHandle(h -> h.createQuery("""
                        SELECT s.id FROM session s JOIN community c ON c.id = s.community_id
                        WHERE c.name = 'Fins de séance' ORDER BY s.number""").mapTo(Long.class).list())
                .stream().mapToLong(Long::longValue).toArray();

        // The end of the session on the day of the DST change, at its local time.
        assertThat(scheduler.next(SessionEnds.END, ids[1]).orElseThrow())
                .isEqualTo(ZonedDateTime.of(2027, 3, 25, 16, 0, 0, 0, PARIS).toInstant());
        anne.command("/seance", "deplacer 3 2027-04-01 10h");
        assertThat(scheduler.next(SessionEnds.END, ids[2]).orElseThrow())
                .isEqualTo(ZonedDateTime.of(2027, 4, 1, 12, 0, 0, 0, PARIS).toInstant());
        anne.command("/seance", "annuler 2");
        assertThat(scheduler.next(SessionEnds.END, ids[1])).isEmpty();

        // At its end, the session is marked followed up, once, whichever trigger fires.
        pulse.clock().set(ZonedDateTime.of(2027, 3, 18, 16, 1, 0, 0, PARIS).toInstant());
        scheduler.fireNow(SessionEnds.END, ids[0]);
        String followed = "SELECT count(*) FROM session WHERE id = ? AND followed_up_at IS NOT NULL";
        Awaits.until(() -> count(followed, ids[0]) == 1 ? Optional.of(true) : Optional.empty(), WAIT,
                () -> "session 1 was not followed up");
        assertThat(count("SELECT count(*) FROM session WHERE followed_up_at IS NOT NULL AND id = ANY(?)",
                (Object) new Long[] {ids[1], ids[2]})).isZero();
    }

    private static Map<String, LocalDateTime> reminders(int number) {
        return firing("Cycle RH", number).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().atZone(PARIS).toLocalDateTime()));
    }

    /** When Quartz will fire each reminder of the community's session {@code number}, by offset. */
    private static Map<String, Instant> firing(String community, int number) {
        List<Map.Entry<String, Long>> rows = pulse.service().jdbi().withHandle(h -> h.createQuery("""
                        SELECT r.offset_code, r.id FROM session_reminder r JOIN session s ON s.id = r.session_id
                        JOIN community c ON c.id = s.community_id
                        WHERE c.name = :community AND s.number = :n""")
                .bind("community", community).bind("n", number)
                .map((rs, ctx) -> Map.entry(rs.getString("offset_code"), rs.getLong("id"))).list());
        var scheduler = pulse.service().app().scheduler();
        return rows.stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> scheduler.next(SessionService.REMINDER, e.getValue()).orElseThrow()));
    }

    @Test
    void membersAnswerFromBothPlatformsAndACancellationReachesEachChannelAndEachAttendeeOnce() {
        pulse.clock().set(Instant.now());
        var anne = in("C0ANSWER", "U0ANNE");
        anne.command("/pulse", "lier Réponses RH");
        String teams = "19:answers@thread.tacv2";
        pulse.linkTeams(anne, teams);
        var bob = in("C0ANSWER", "U0BOB");
        LocalDateTime inTenDays = LocalDateTime.now(PARIS).plusDays(10).withHour(14);
        String date = inTenDays.toLocalDate().toString();
        long before = count("SELECT count(*) FROM session");

        // Bob is no facilitator; hostile or impossible input is refused; nothing is stored.
        assertThat(SlackClient.text(bob.command("/seance", "planifier " + date + " 14h Séance de Bob")))
                .contains("Seule l'équipe d'animation");
        assertThat(SlackClient.text(bob.command("/seance", "annuler 1"))).contains("Seule l'équipe d'animation");
        assertThat(SlackClient.text(bob.command("/seance", "cycle 6 " + date + " 2 14h"))).contains("Seule l'équipe d'animation");
        assertThat(SlackClient.text(bob.command("/seance", "deplacer 1 " + date + " 15h")))
                .contains("Seule l'équipe d'animation");
        assertThat(SlackClient.text(anne.command("/seance", "planifier " + date + " 14h " + "x".repeat(5_000))))
                .contains("000 caractères", "150");
        assertThat(SlackClient.text(anne.command("/seance", "planifier " + date + " 14h Visio | javascript:alert(1)")))
                .contains("https://");
        assertThat(SlackClient.text(anne.command("/seance", "cycle 50 " + date + " 2 14h"))).contains("1 à 20");
        assertThat(SlackClient.text(anne.command("/seance", "planifier 2027-02-30 14h Impossible")))
                .contains("30 février", "28 jours");
        assertThat(SlackClient.text(anne.command("/seance", "annuler 99"))).contains("pas de séance n° 99");
        assertThat(count("SELECT count(*) FROM session")).isEqualTo(before);

        assertThat(SlackClient.text(anne.command("/seance",
                "planifier " + date + " 14h 1h30 Recrutement <!channel> et attractivité | https://visio.example.org/rh")))
                .contains("La séance est planifiée");
        FakeSlackApi.Call announcement = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && "C0ANSWER".equals(c.params().get("channel")) && SlackClient.text(c.message()).contains("Recrutement"),
                WAIT);
        // The title is a plain-text header (never parsed for mentions); the notification text is escaped.
        assertThat(announcement.params().get("text")).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        assertThat(announcement.params().get("blocks")).doesNotContain("\"mrkdwn\",\"text\":\"Recrutement <!channel>");
        String ts = announcement.params().get("ts") != null ? announcement.params().get("ts") : "1";
        FakeBotConnector.Sent teamsCard = pulse.connector().await(s -> s.conversationId().equals(teams)
                && s.cardText().contains("Recrutement"), WAIT);
        long session = pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM session WHERE title LIKE 'Recrutement%'").mapTo(Long.class).one());

        // Bob says yes twice: one answer; then no: the cards in Slack and Teams move the count.
        bob.press(SessionActions.YES, Long.toString(session), ts);
        bob.press(SessionActions.YES, Long.toString(session), ts);
        // Redraws wait a moment on the service's clock, which this test moves by hand.
        pulse.clock().advance(Duration.ofSeconds(1));
        pulse.slackApi().await(c -> c.method().equals("chat.update") && SlackClient.text(c.message())
                .contains("Participent : 1"), WAIT);
        pulse.connector().await(s -> teamsCard.id().equals(s.updatedId()) && s.cardText().contains("Participent : 1"),
                WAIT);
        assertThat(count("SELECT count(*) FROM session_answer WHERE session_id = ?", session)).isEqualTo(1);
        var carol = in("C0ANSWER", "U0CAROL");
        carol.press(SessionActions.MAYBE, Long.toString(session), ts);
        bob.press(SessionActions.NO, Long.toString(session), ts);
        pulse.clock().advance(Duration.ofSeconds(1));
        pulse.slackApi().await(c -> c.method().equals("chat.update") && SlackClient.text(c.message())
                .contains("Participent : 0 · Peut-être : 1 · Ne peuvent pas : 1"), WAIT);
        pulse.connector().await(s -> teamsCard.id().equals(s.updatedId())
                && s.cardText().contains("Participent : 0 · Peut-être : 1 · Ne peuvent pas : 1"), WAIT);

        // Cancelled: one cancellation per channel, one to Carol (maybe), none to Bob (declined).
        int number = pulse.service().jdbi().withHandle(h -> h.createQuery("SELECT number FROM session WHERE id = :id")
                .bind("id", session).mapTo(Integer.class).one());
        assertThat(SlackClient.text(anne.command("/seance", "annuler " + number))).contains("est annulée");
        assertThat(SlackClient.text(anne.command("/seance", "annuler " + number))).contains("est annulée ; elle ne peut");
        pulse.slackApi().await(c -> "U0CAROL".equals(c.params().get("channel"))
                && SlackClient.text(c.message()).contains("annulée"), WAIT);
        pulse.connector().await(s -> s.conversationId().equals(teams) && s.updatedId() == null
                && s.cardText().contains("annulée"), WAIT);
        Awaits.until(() -> Optional.of(count(
                "SELECT count(*) FROM outbox WHERE kind = 'session-cancelled' AND state = 'sent' AND subject_id = ?",
                session))
                .filter(n -> n == 3L), WAIT, () -> "3 cancellations sent");
        assertThat(pulse.slackApi().accepted("chat.postMessage").stream()
                .filter(c -> SlackClient.text(c.message()).contains("annulée")
                        && SlackClient.text(c.message()).contains("Recrutement"))
                .map(c -> c.params().get("channel")))
                .containsExactlyInAnyOrder("C0ANSWER", "U0CAROL");
        assertThat(count("SELECT count(*) FROM session_reminder WHERE session_id = ? AND sent_at IS NULL", session))
                .isZero();
    }
}
