package io.collectivepulse.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeBotConnector;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.io.StringReader;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What facilitators do with a session once the shared watch has filled its agenda, over the real endpoints: take an
 * item off the agenda and put it back (the announcement, the J-7 reminder and the calendar file follow), and record
 * who came (what the review counts from then on), on Slack and on Teams, refusals included.
 */
class SessionAgendaTest {
    private static final String SECRET = "agenda-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-agenda-token";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String FLAGGED = "Les jeunes recrues partent au bout d'un an";
    private static final String CLAIMED = "Le télétravail divise les équipes";
    private static final String THEME = "#organisation, repris par bob";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().mutableClock()
            .env("BASE_URL", "https://pulse.example.org").build();

    private static SlackClient in(String channel, String user) {
        return pulse.member(channel, user);
    }

    private static long count(String sql, Object... args) {
        return pulse.count(sql, args);
    }

    private static long session(String community, int number) {
        return count("""
                SELECT s.id FROM session s JOIN community c ON c.id = s.community_id
                WHERE c.name = ? AND s.number = ?""", community, number);
    }

    /** Posts a signal and returns its id once its card is in the channel. */
    private static long signal(SlackClient member, String channel, String text) {
        member.command("/signal", text);
        pulse.slackApi().await(c -> c.method().equals("chat.postMessage") && channel.equals(c.params().get("channel"))
                && SlackClient.text(c.message()).contains(text.split(" #")[0]), WAIT);
        return count("SELECT id FROM signal WHERE body = ?", text.split(" #")[0]);
    }

    private static void until(String sql, long expected, Object... args) {
        Awaits.until(() -> Optional.of(count(sql, args)).filter(n -> n == expected), WAIT,
                () -> sql + " stayed at " + count(sql, args) + ", expected " + expected);
    }

    private static List<FakeSlackApi.Call> slack(String method, String channelOrUser, Predicate<String> text) {
        return pulse.slackApi().accepted(method).stream()
                .filter(c -> channelOrUser.equals(c.params().get(method.equals("chat.postEphemeral") ? "user"
                        : "channel")) && text.test(SlackClient.text(c.message())))
                .toList();
    }

    /** The n-th call (from 1) matching, once it arrived. */
    private static FakeSlackApi.Call awaitSlack(String method, String channelOrUser, int nth, Predicate<String> text) {
        return Awaits.until(() -> Optional.of(slack(method, channelOrUser, text)).filter(c -> c.size() >= nth)
                .map(c -> c.get(nth - 1)), WAIT, () -> "Slack got " + slack(method, channelOrUser, t -> true).stream()
                .map(c -> SlackClient.text(c.message())).toList());
    }

    /** The value of the button {@code action} beside the item that says {@code text}, in a Block Kit message. */
    private static String slackButton(JsonNode message, String action, String text) {
        for (JsonNode block : message.path("blocks")) {
            JsonNode accessory = block.path("accessory");
            if (block.path("text").path("text").asText().contains(text)
                    && action.equals(accessory.path("action_id").asText())) {
                return accessory.path("value").asText();
            }
        }
        throw new AssertionError("No " + action + " beside " + text + " in " + message);
    }

    /** What Slack shows under the attendance field of a submitted modal that the service refused. */
    private static String fieldError(SlackClient member, JsonNode view, String typed) throws Exception {
        JsonNode answer = JSON.readTree(member.submit(view, Map.of(AttendanceForm.PRESENT, typed)).body());
        assertThat(answer.path("response_action").asText()).as(typed).isEqualTo("errors");
        return answer.path("errors").path(AttendanceForm.PRESENT).asText();
    }

    /** The DESCRIPTION of the session's calendar file, as a calendar application reads it. */
    private static String calendarDescription(long session) throws Exception {
        String publicId = pulse.service().jdbi().withHandle(h -> h.createQuery(
                "SELECT public_id FROM session WHERE id = :id").bind("id", session).mapTo(String.class).one());
        var ics = Http.get(pulse.service().url("/seances/" + publicId + ".ics"));
        assertThat(ics.statusCode()).isEqualTo(200);
        VEvent event = new CalendarBuilder().build(new StringReader(ics.body()))
                .<VEvent>getComponent(Component.VEVENT).orElseThrow();
        return event.<Property>getProperty(Property.DESCRIPTION).orElseThrow().getValue();
    }

    @Test
    void facilitatorsTakeItemsOffTheAgendaAndPutThemBackInTheAnnouncementTheReminderAndTheCalendar()
            throws Exception {
        pulse.clock().set(ZonedDateTime.of(2027, 9, 1, 9, 0, 0, 0, PARIS).toInstant());
        var anne = in("C0ODJ", "U0ANNE");
        anne.command("/pulse", "lier Ordre du jour RH");
        var bob = in("C0ODJ", "U0BOB");
        var carol = in("C0ODJ", "U0CAROL");
        long flagged = signal(bob, "C0ODJ", FLAGGED);
        long claimed = signal(carol, "C0ODJ", CLAIMED + " #organisation");
        anne.press("signal.flag", Long.toString(flagged), "1.1");
        carol.press("signal.claim", Long.toString(claimed), "1.1");
        bob.press("signal.claimTheme", "organisation", "1.1");
        until("SELECT count(*) FROM signal WHERE id = ? AND flagged_at IS NOT NULL", 1, flagged);
        until("SELECT count(*) FROM signal_claim WHERE signal_id = ?", 1, claimed);
        until("SELECT count(*) FROM theme_claim WHERE theme = 'organisation'", 1);
        pulse.clock().advance(Duration.ofMinutes(5));

        anne.command("/seance", "planifier 2027-09-20 14h Atelier ordre du jour");
        Predicate<String> announcement = t -> t.contains("Séance 1 — Atelier ordre du jour");
        assertThat(SlackClient.text(awaitSlack("chat.postMessage", "C0ODJ", 1, announcement).message()))
                .contains(FLAGGED, CLAIMED, THEME);
        long session = session("Ordre du jour RH", 1);

        assertThat(SlackClient.text(bob.command("/seance", "ordre-du-jour 1")))
                .contains("Seule l'équipe d'animation de la communauté peut voir et modifier");
        assertThat(SlackClient.text(anne.command("/seance", "ordre-du-jour"))).contains("par exemple /seance ordre-du-jour 3");
        assertThat(SlackClient.text(anne.command("/seance", "ordre-du-jour 9"))).contains("pas de séance n° 9");
        JsonNode agenda = anne.command("/seance", "ordre-du-jour 1");
        assertThat(SlackClient.text(agenda)).contains("Ordre du jour de la séance 1 — Atelier ordre du jour",
                "lundi 20 septembre 2027 à 14 h", FLAGGED, CLAIMED, THEME).doesNotContain("Retirés");
        String remove = slackButton(agenda, SessionActions.AGENDA_REMOVE, FLAGGED);

        // Bob cannot; Anne can, and a second click changes nothing more.
        bob.press(SessionActions.AGENDA_REMOVE, remove, "1.1");
        awaitSlack("chat.postEphemeral", "U0BOB", 1, t -> t.contains("peut voir et modifier l'ordre du jour"));
        assertThat(count("SELECT count(*) FROM session_agenda_removal WHERE session_id = ?", session)).isZero();
        anne.press(SessionActions.AGENDA_REMOVE, remove, "1.1");
        Predicate<String> removed = t -> t.contains("Retirés de l'ordre du jour")
                && t.indexOf(FLAGGED) > t.indexOf("Retirés de l'ordre du jour");
        FakeSlackApi.Call reply = awaitSlack("chat.postEphemeral", "U0ANNE", 1, removed);
        anne.press(SessionActions.AGENDA_REMOVE, remove, "1.1");
        awaitSlack("chat.postEphemeral", "U0ANNE", 2, removed);
        assertThat(count("SELECT count(*) FROM session_agenda_removal WHERE session_id = ?", session)).isEqualTo(1);

        // The announcement is redrawn once the redraw's moment has come on the service's clock.
        pulse.clock().advance(Duration.ofSeconds(1));
        awaitSlack("chat.update", "C0ODJ", 1, announcement.and(t -> t.contains(CLAIMED) && !t.contains(FLAGGED)));
        assertThat(calendarDescription(session)).contains(CLAIMED).doesNotContain(FLAGGED);

        // J-7: the announcement again in the channel, drawn from the agenda as it is then.
        pulse.clock().set(ZonedDateTime.of(2027, 9, 13, 14, 0, 0, 0, PARIS).toInstant());
        long weekBefore = count("SELECT id FROM session_reminder WHERE session_id = ? AND offset_code = 'J-7'",
                session);
        pulse.service().app().scheduler().fireNow(SessionService.REMINDER, weekBefore);
        assertThat(SlackClient.text(awaitSlack("chat.postMessage", "C0ODJ", 2, announcement).message()))
                .contains(CLAIMED, THEME).doesNotContain(FLAGGED);

        // Remettre, from the reply to the first click: back everywhere.
        anne.press(SessionActions.AGENDA_RESTORE, slackButton(reply.message(), SessionActions.AGENDA_RESTORE,
                FLAGGED), "1.1");
        awaitSlack("chat.postEphemeral", "U0ANNE", 1, t -> t.contains(FLAGGED) && !t.contains("Retirés"));
        pulse.clock().advance(Duration.ofSeconds(1));
        awaitSlack("chat.update", "C0ODJ", 1, announcement.and(t -> t.contains(FLAGGED)));
        assertThat(calendarDescription(session)).contains(FLAGGED, CLAIMED);
        assertThat(count("SELECT count(*) FROM session_agenda_removal WHERE session_id = ?", session)).isZero();

        // A theme taken up comes off the same way.
        anne.press(SessionActions.AGENDA_REMOVE, slackButton(agenda, SessionActions.AGENDA_REMOVE, THEME), "1.1");
        pulse.clock().advance(Duration.ofSeconds(1));
        awaitSlack("chat.update", "C0ODJ", 1, announcement.and(t -> t.contains(FLAGGED) && !t.contains(THEME)));
        assertThat(calendarDescription(session)).contains(FLAGGED).doesNotContain("#organisation");
    }

    @Test
    void aCancelledSessionsAgendaAndAttendanceAreRefusedWithoutChange() {
        pulse.clock().set(ZonedDateTime.of(2027, 9, 1, 9, 0, 0, 0, PARIS).toInstant());
        var anne = in("C0ANNULEE", "U0ANNE");
        anne.command("/pulse", "lier Séance annulée RH");
        anne.command("/seance", "planifier 2027-09-08 14h Atelier annulé");
        long session = session("Séance annulée RH", 1);
        anne.command("/seance", "annuler 1");

        assertThat(SlackClient.text(anne.command("/seance", "ordre-du-jour 1"))).contains("La séance n° 1 est annulée");
        anne.press(SessionActions.AGENDA_REMOVE, session + ":signal:1", "1.1");
        awaitSlack("chat.postEphemeral", "U0ANNE", 1, t -> t.contains("La séance n° 1 est annulée"));
        pulse.clock().set(ZonedDateTime.of(2027, 9, 8, 15, 0, 0, 0, PARIS).toInstant());
        assertThat(SlackClient.text(anne.command("/seance", "présence 1"))).contains("La séance n° 1 est annulée");
        assertThat(count("SELECT count(*) FROM session_agenda_removal WHERE session_id = ?", session)).isZero();
    }

    @Test
    void facilitatorsCorrectWhoCameOnceTheSessionStartedAndTheReviewCountsIt() throws Exception {
        pulse.clock().set(ZonedDateTime.of(2027, 11, 1, 9, 0, 0, 0, PARIS).toInstant());
        var anne = in("C0PRESENCE", "U0ANNE");
        anne.command("/pulse", "lier Présence RH");
        anne.command("/seance", "planifier 2027-11-10 14h Atelier présence");
        long session = session("Présence RH", 1);
        String id = Long.toString(session);
        in("C0PRESENCE", "U0BOB").press(SessionActions.YES, id, "1.1");
        in("C0PRESENCE", "U0CAROL").press(SessionActions.NO, id, "1.1");
        in("C0PRESENCE", "U0DAN").press(SessionActions.MAYBE, id, "1.1");
        in("C0PRESENCE", "U0ERIN").press(SessionActions.YES, id, "1.1");
        until("SELECT count(*) FROM session_answer WHERE session_id = ?", 4, session);
        var bob = in("C0PRESENCE", "U0BOB");

        assertThat(SlackClient.text(bob.command("/seance", "présence 1")))
                .contains("Seule l'équipe d'animation de la communauté peut relever la présence");
        assertThat(SlackClient.text(anne.command("/seance", "presence 1")))
                .contains("La séance n° 1 n'a pas encore commencé", "mercredi 10 novembre 2027 à 14 h");
        assertThat(SlackClient.text(anne.command("/seance", "présence"))).contains("par exemple /seance présence 3");
        int views = pulse.slackApi().openedViews().size();

        // Half an hour in: the form lists who answered, numbered, those who said yes ticked.
        pulse.clock().set(ZonedDateTime.of(2027, 11, 10, 14, 30, 0, 0, PARIS).toInstant());
        assertThat(SlackClient.text(anne.command("/seance", "présence 1"))).isEmpty();
        assertThat(pulse.slackApi().openedViews()).hasSize(views + 1);
        JsonNode view = pulse.slackApi().openedViews().get(views);
        assertThat(view.path("callback_id").asText()).isEqualTo(AttendanceForm.SAVE);
        JsonNode field = view.path("blocks").get(0);
        assertThat(field.path("label").path("text").asText())
                .contains("1. bob (oui), 2. carol (non), 3. dan (peut-être), 4. erin (oui)");
        assertThat(field.path("element").path("initial_value").asText()).isEqualTo("1, 4");

        // Garbage and numbers off the list are refused next to the field; nothing is stored.
        assertThat(fieldError(anne, view, "1, deux")).contains("« deux » n'est pas un numéro de la liste");
        assertThat(fieldError(anne, view, "1, 9")).contains("« 9 » n'est pas dans la liste", "de 1 à 4");
        assertThat(fieldError(anne, view, "0")).contains("« 0 » n'est pas dans la liste");
        assertThat(bob.submit(view, Map.of("present", "1")).statusCode()).isEqualTo(200);
        awaitSlack("chat.postEphemeral", "U0BOB", 1, t -> t.contains("peut relever la présence"));
        assertThat(count("SELECT count(*) FROM session_attendance WHERE session_id = ?", session)).isZero();

        assertThat(anne.submit(view, Map.of("present", "1; 2 3")).statusCode()).isEqualTo(200);
        awaitSlack("chat.postEphemeral", "U0ANNE", 1, t -> t.contains("3 personnes sont venues à la séance n° 1, sur 4"));
        assertThat(count("SELECT count(*) FROM session_attendance WHERE session_id = ? AND present", session))
                .isEqualTo(3);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE session_id = ?", session)).isEqualTo(4);

        // Someone answers while the form is open: the numbers moved, the old form is refused.
        anne.command("/seance", "présence 1");
        JsonNode reopened = pulse.slackApi().openedViews().get(views + 1);
        assertThat(reopened.path("blocks").get(0).path("element").path("initial_value").asText()).isEqualTo("1, 2, 3");
        in("C0PRESENCE", "U0ALICE").press(SessionActions.YES, id, "1.1");
        until("SELECT count(*) FROM session_answer WHERE session_id = ?", 5, session);
        assertThat(fieldError(anne, reopened, "1")).contains("les numéros ont changé", "/seance présence 1");
        assertThat(count("SELECT count(*) FROM session_attendance WHERE session_id = ? AND present", session))
                .isEqualTo(3);

        // Once over, the review counts what was recorded: bob, carol and dan came, out of 5 answers.
        pulse.clock().set(ZonedDateTime.of(2027, 11, 10, 17, 0, 0, 0, PARIS).toInstant());
        assertThat(SlackClient.text(anne.command("/seance", "bilan")))
                .contains("Personnes présentes, d'après le relevé de l'équipe d'animation : 3 (bob, carol, dan)",
                        "Présence sur le cycle : 60 %");
    }

    @Test
    void onTeamsTheAgendaAndTheAttendanceFormAreValidCardsThatWork() {
        pulse.clock().set(ZonedDateTime.of(2027, 10, 1, 9, 0, 0, 0, PARIS).toInstant());
        String conversation = "19:odj-teams@thread.tacv2";
        teams(conversation, "lier Ordre du jour Teams", false);
        pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.cardText().contains("Ordre du jour Teams"), WAIT);
        String body = "Les départs en retraite s'accélèrent";
        teams(conversation, "signal " + body, false);
        FakeBotConnector.Sent card = pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.cardText().contains(body) && !s.cardText().contains("Séance"), WAIT);
        press(conversation, "signal.flag", card.activity().findValues("data").get(0).path("value").asText(), false);
        until("SELECT count(*) FROM signal WHERE body = ? AND flagged_at IS NOT NULL", 1, body);
        pulse.clock().advance(Duration.ofMinutes(5));

        teams(conversation, "seance planifier 2027-10-20 14h Atelier Teams", false);
        FakeBotConnector.Sent announcement = pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.updatedId() == null && s.cardText().contains("Séance 1 — Atelier Teams"), WAIT);
        assertThat(announcement.cardText()).contains(body);
        long session = session("Ordre du jour Teams", 1);

        teams(conversation, "seance ordre-du-jour 1", false);
        // The agenda is for the facilitator alone: in their private chat, its buttons signed for this channel.
        String facilitator = FakeBotConnector.personalConversation(
                message(conversation, false).path("from").path("id").asText());
        FakeBotConnector.Sent agenda = pulse.connector().await(s -> s.conversationId().equals(facilitator)
                && s.cardText().contains("Ordre du jour de la séance 1"), WAIT);
        assertThat(agenda.cardText()).contains(body, "[Retirer]");
        String remove = teamsButton(agenda, SessionActions.AGENDA_REMOVE);

        press(conversation, SessionActions.AGENDA_REMOVE, remove, true);
        // The refusal is for Zoé alone: it goes to her private chat with the bot.
        pulse.connector().await(s -> s.conversationId().equals(FakeBotConnector.personalConversation("29:zoe"))
                && s.cardText().contains("peut voir et modifier l'ordre du jour"), WAIT);
        assertThat(count("SELECT count(*) FROM session_agenda_removal WHERE session_id = ?", session)).isZero();

        press(conversation, SessionActions.AGENDA_REMOVE, remove, false);
        FakeBotConnector.Sent removed = pulse.connector().await(s -> s.conversationId().equals(facilitator)
                && s.cardText().contains("Retirés de l'ordre du jour"), WAIT);
        assertThat(removed.cardText()).contains("[Remettre]");
        pulse.clock().advance(Duration.ofSeconds(1));
        pulse.connector().await(s -> announcement.id().equals(s.updatedId()) && !s.cardText().contains(body), WAIT);
        press(conversation, SessionActions.AGENDA_RESTORE, teamsButton(removed, SessionActions.AGENDA_RESTORE), false);
        pulse.clock().advance(Duration.ofSeconds(1));
        pulse.connector().await(s -> announcement.id().equals(s.updatedId()) && s.cardText().contains(body), WAIT);

        // Attendance, once the session has started: the form is an input card whose submission records it.
        press(conversation, SessionActions.YES, Long.toString(session), false);
        press(conversation, SessionActions.NO, Long.toString(session), true);
        until("SELECT count(*) FROM session_answer WHERE session_id = ?", 2, session);
        pulse.clock().set(ZonedDateTime.of(2027, 10, 20, 14, 10, 0, 0, PARIS).toInstant());
        teams(conversation, "seance présence 1", false);
        FakeBotConnector.Sent form = pulse.connector().await(s -> s.conversationId().equals(conversation)
                && s.activity().toString().contains("Input.Text")
                && s.activity().toString().contains(AttendanceForm.SAVE), WAIT);
        JsonNode input = form.activity().findValue("body").get(1);
        assertThat(input.path("label").asText()).contains("2. Zoé (non)");
        assertThat(input.path("value").asText()).isEqualTo("1");
        ObjectNode submit = message(conversation, false);
        submit.remove("text");
        submit.putObject("value").put("action", AttendanceForm.SAVE)
                .put("value", form.activity().findValues("data").get(0).path("value").asText()).put("present", "1, 2");
        assertThat(pulse.teams().post(submit).statusCode()).isEqualTo(200);
        // The confirmation is for the facilitator alone: in their private chat with the bot.
        pulse.connector().await(s -> s.conversationId().equals(facilitator)
                && s.cardText().contains("2 personnes sont venues à la séance n° 1, sur 2"), WAIT);
        assertThat(count("SELECT count(*) FROM session_attendance WHERE session_id = ? AND present", session))
                .isEqualTo(2);
        assertThat(pulse.connector().invalid()).isEmpty();
    }

    /** A Teams channel message mentioning the bot, from its usual member or from Zoé, who facilitates nothing. */
    private static ObjectNode message(String conversation, boolean zoe) {
        ObjectNode activity = pulse.teamsMessage(conversation, "");
        if (zoe) {
            activity.putObject("from").put("id", "29:zoe").put("aadObjectId", "aad-zoe").put("name", "Zoé");
        }
        return activity;
    }

    private static void teams(String conversation, String text, boolean zoe) {
        ObjectNode activity = message(conversation, zoe);
        activity.put("text", "<at>My Combined</at>" + text);
        assertThat(pulse.teams().post(activity).statusCode()).isEqualTo(200);
    }

    private static void press(String conversation, String action, String value, boolean zoe) {
        ObjectNode activity = message(conversation, zoe);
        activity.remove("text");
        activity.remove("entities");
        activity.putObject("value").put("action", action).put("value", value);
        assertThat(pulse.teams().post(activity).statusCode()).isEqualTo(200);
    }

    /** The data value of the first Action.Submit {@code action} on the card. */
    private static String teamsButton(FakeBotConnector.Sent card, String action) {
        return card.activity().findValues("data").stream()
                .filter(data -> action.equals(data.path("action").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("No " + action + " on " + card.cardText()))
                .path("value").asText();
    }
}
