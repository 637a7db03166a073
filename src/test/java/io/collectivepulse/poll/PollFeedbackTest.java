package io.collectivepulse.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.JobKey;
import org.quartz.SchedulerException;

/**
 * The feedback poll after each session: launched by the service at the session's end in every channel of the
 * community, on Slack and Teams, once however often the end fires; anonymous, 1 to 5, closed three days later by its
 * deadline with the results posted once per channel; its average in {@code /seance bilan}. None for a cancelled
 * session, none once facilitators turned it off, and only facilitators turn it off.
 */
class PollFeedbackTest {
    private static final String SECRET = "poll-feedback-secret-0123456789";
    private static final String TOKEN = "xoxb-poll-feedback";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The Quartz kind of a session's end ({@code SessionEnds.END}, which sessions keep to themselves). */
    private static final String SESSION_END = "session-end";

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams().mutableClock().build();
    private static PollAccess polls;
    private static PollCardsOnScreen cards;

    @BeforeAll
    static void access() {
        polls = new PollAccess(pulse.service(), pulse.clock());
        cards = new PollCardsOnScreen(pulse);
    }

    @Test
    void aSessionsEndLaunchesOneAnonymousPollInEachChannelWhoseAverageReachesTheReview() {
        pulse.clock().set(ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, PARIS).toInstant());
        var anne = pulse.member("C0RETOUR", "U0ANNE");
        anne.command("/pulse", "lier Retours RH");
        String teams = "19:poll-feedback@thread.tacv2";
        pulse.linkTeams(anne, teams);
        PollAccess.typed(pulse, anne, PollAccess.quoted("Quel thème pour la séance ?", "Recrutement", "Télétravail"));
        assertThat(SlackClient.text(anne.command("/seance", "planifier 2027-03-04 14h Recrutement")))
                .contains("La séance est planifiée");
        long session = sessions("Retours RH").get(0);

        // The end fires twice (a re-run, another replica): one poll, numbered after the facilitator's, one card each.
        Instant ended = ZonedDateTime.of(2027, 3, 4, 16, 1, 0, 0, PARIS).toInstant();
        pulse.clock().set(ended);
        fireTwice(SESSION_END, session);
        String question = "Comment s'est passée la séance n° 1 « Recrutement » ?";
        assertThat(cards.awaitSlack("C0RETOUR", "Sondage n° 2", question, "anonyme")).contains("1 – Mal", "5 – Très bien");
        assertThat(cards.awaitTeams(teams, "Sondage n° 2", question)).contains("3 – Moyennement");
        Poll poll = feedbackPoll(session);
        assertThat(poll.number()).isEqualTo(2);
        assertThat(poll.anonymous()).isTrue();
        assertThat(poll.multiple()).isFalse();
        assertThat(poll.endsAt()).isEqualTo(ended.plus(Duration.ofDays(3)));
        assertThat(pulse.service().app().scheduler().next(PollService.DEADLINE, poll.id())).contains(poll.endsAt());
        assertThat(pulse.count("SELECT count(*) FROM poll_option WHERE poll_id = ?", poll.id())).isEqualTo(5);
        assertThat(pulse.count("SELECT count(*) FROM outbox WHERE idem_key LIKE ?", "poll:" + poll.id() + ":%"))
                .isEqualTo(2);
        assertThat(slackPosts("C0RETOUR", "Sondage n° 2")).isEqualTo(1);
        assertThat(teamsPosts(teams, "Sondage n° 2")).isEqualTo(1);

        String id = Long.toString(poll.id());
        pulse.member("C0RETOUR", "U0BOB").press(PollActions.VOTE + 5, id, "1");
        pulse.member("C0RETOUR", "U0CAROL").press(PollActions.VOTE + 4, id, "1");
        pulse.member("C0RETOUR", "U0DAN").press(PollActions.VOTE + 4, id, "1");
        Awaits.until(() -> Optional.of(pulse.count("SELECT count(*) FROM poll_vote WHERE poll_id = ?", poll.id()))
                .filter(n -> n == 3), PollCardsOnScreen.WAIT, () -> "three votes");
        assertThat(review(anne)).contains("Retour en cours : 4,3 / 5 (3 réponses)");

        // Three days later the deadline closes it; a late second close on another replica writes nothing.
        pulse.clock().set(poll.endsAt().plusSeconds(1));
        pulse.service().app().scheduler().fireNow(PollService.DEADLINE, poll.id());
        cards.awaitSlack("C0RETOUR", "Résultats du sondage n° 2", "4 – Bien");
        cards.awaitTeams(teams, "Résultats du sondage n° 2", "4 – Bien");
        polls.closeAtDeadline(poll.id());
        assertThat(pulse.count("SELECT count(*) FROM outbox WHERE idem_key LIKE ?", "poll-results:" + poll.id() + ":%"))
                .isEqualTo(2);
        assertThat(slackPosts("C0RETOUR", "Résultats du sondage n° 2")).isEqualTo(1);
        assertThat(teamsPosts(teams, "Résultats du sondage n° 2")).isEqualTo(1);
        assertThat(review(anne)).contains("Retour : 4,3 / 5 (3 réponses)").doesNotContain("Retour en cours");
        assertThat(pulse.count("SELECT count(*) FROM poll WHERE session_id = ?", session)).isEqualTo(1);
    }

    @Test
    void noneForACancelledSessionNorOnceFacilitatorsTurnedItOffWhichMembersCannot() {
        pulse.clock().set(ZonedDateTime.of(2027, 3, 1, 9, 0, 0, 0, PARIS).toInstant());
        var anne = pulse.member("C0SANSRETOUR", "U0ANNE");
        anne.command("/pulse", "lier Sans retour");
        var bob = pulse.member("C0SANSRETOUR", "U0BOB");
        anne.command("/seance", "cycle 3 2027-03-18 1 14h 2h");
        List<Long> sessions = sessions("Sans retour");
        anne.command("/seance", "annuler 1");
        assertThat(pulse.service().app().scheduler().next(SESSION_END, sessions.get(0))).isEmpty();

        // A member may read the setting, not change it.
        assertThat(SlackClient.text(bob.command("/pulse", "retour-seance off")))
                .contains("Seule l'équipe d'animation", "Rien n'a été changé");
        assertThat(SlackClient.text(bob.command("/pulse", "retour-seance"))).contains("À la fin de chaque séance");
        assertThat(pulse.count("SELECT count(*) FROM poll_settings s JOIN community c ON c.id = s.community_id"
                + " WHERE c.name = 'Sans retour'")).isZero();
        assertThat(SlackClient.text(anne.command("/pulse", "retour-seance peut-être"))).contains("retour-seance off");

        // In English, the second session's poll and its line in the review.
        anne.command("/pulse", "langue en");
        pulse.clock().set(ZonedDateTime.of(2027, 3, 25, 16, 1, 0, 0, PARIS).toInstant());
        fireTwice(SESSION_END, sessions.get(1));
        cards.awaitSlack("C0SANSRETOUR", "Poll no. 1", "How did session no. 2, “Rencontre de la communauté”, go?",
                "5 – Very well");
        pulse.member("C0SANSRETOUR", "U0CAROL").press(PollActions.VOTE + 4, Long.toString(
                feedbackPoll(sessions.get(1)).id()), "1");
        assertThat(review(anne)).contains("Feedback so far: 4.0 / 5 (1 answer)");

        assertThat(SlackClient.text(anne.command("/pulse", "session-feedback off"))).contains("no more feedback polls");
        assertThat(SlackClient.text(bob.command("/pulse", "retour-seance"))).contains("No feedback poll goes out");
        pulse.clock().set(ZonedDateTime.of(2027, 4, 1, 16, 1, 0, 0, PARIS).toInstant());
        fireTwice(SESSION_END, sessions.get(2));
        assertThat(pulse.count("SELECT count(*) FROM session WHERE id = ? AND followed_up_at IS NOT NULL",
                sessions.get(2))).isEqualTo(1);
        assertThat(pulse.count("SELECT count(*) FROM poll WHERE session_id = ANY(?)",
                (Object) new Long[] {sessions.get(0), sessions.get(2)})).isZero();
        assertThat(pulse.count("SELECT count(*) FROM poll p JOIN community c ON c.id = p.community_id"
                + " WHERE c.name = 'Sans retour'")).isEqualTo(1);
        assertThat(review(anne)).containsOnlyOnce("Feedback");

        assertThat(SlackClient.text(anne.command("/pulse", "session-feedback on"))).contains("from the next one on");
        assertThat(SlackClient.text(bob.command("/pulse", "session-feedback"))).contains("At the end of each session");
    }

    /** The community's sessions' ids, by number. */
    private static List<Long> sessions(String community) {
        return pulse.service().jdbi().withHandle(h -> h.createQuery("""
                        SELECT s.id FROM session s JOIN community c ON c.id = s.community_id
                        WHERE c.name = :name ORDER BY s.number""")
                .bind("name", community).mapTo(Long.class).list());
    }

    private static Poll feedbackPoll(long session) {
        return pulse.service().jdbi().withHandle(h -> h.createQuery("SELECT * FROM poll WHERE session_id = :s")
                .bind("s", session)
                .map((rs, ctx) -> new Poll(rs.getLong("id"), rs.getLong("community_id"), rs.getInt("number"),
                        rs.getString("question"), rs.getBoolean("anonymous"), rs.getBoolean("multiple"),
                        rs.getTimestamp("ends_at").toInstant(), null))
                .one());
    }

    private static String review(SlackClient facilitator) {
        return SlackClient.text(facilitator.command("/seance", "bilan"));
    }

    /** Fires the job twice, at once, and waits until Quartz has run both. */
    private static void fireTwice(String kind, long id) {
        var scheduler = pulse.service().app().scheduler();
        scheduler.fireNow(kind, id);
        scheduler.fireNow(kind, id);
        Awaits.until(() -> manualTriggers(kind, id) == 0 ? Optional.of(true) : Optional.empty(),
                PollCardsOnScreen.WAIT, () -> kind + " " + id + " has not run twice");
    }

    /**
     * The firings {@code fireNow} asked for that Quartz has not finished running: its triggers outside the kind's
     * group, where the planned trigger is.
     */
    private static long manualTriggers(String kind, long id) {
        try {
            return pulse.service().app().scheduler().quartz().getTriggersOfJob(JobKey.jobKey(Long.toString(id), kind))
                    .stream().filter(t -> !kind.equals(t.getKey().getGroup())).count();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long slackPosts(String channel, String title) {
        return pulse.slackApi().accepted("chat.postMessage").stream()
                .filter(c -> channel.equals(c.params().get("channel")) && SlackClient.text(c.message()).contains(title))
                .count();
    }

    private static long teamsPosts(String conversation, String title) {
        return pulse.connector().all().stream().filter(s -> s.conversationId().startsWith(conversation)
                && s.updatedId() == null && s.cardText().contains(title)).count();
    }
}
