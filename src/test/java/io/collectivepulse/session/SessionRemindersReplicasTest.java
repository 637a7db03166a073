package io.collectivepulse.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.TestDatabase;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Seed;
import io.collectivepulse.support.ServiceProcess;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Two service processes on one PostgreSQL, and reminders due a few seconds after they start (written as a
 * restore would, so that each replica plans the triggers it finds without one): Quartz fires each on one replica,
 * and each member who said yes or maybe gets each reminder once, those who declined none.
 */
class SessionRemindersReplicasTest {
    private static final String SECRET = "reminders-secret";
    private static final String TOKEN = "xoxb-reminders";
    private static final int COMMUNITIES = 40;
    /** Per session: two yes, one maybe, one no. */
    private static final List<String> ANSWERS = List.of("yes", "yes", "maybe", "no");

    @Test
    void eachReminderReachesEachMemberWhoComesOnceWithTwoReplicas() throws Exception {
        String database = TestDatabase.newDatabase();
        try (var slackApi = new FakeSlackApi(TOKEN)) {
            Map<String, String> env = ServiceProcess.slackEnv(database, slackApi, SECRET, TOKEN);
            ServiceProcess.migrate(env);
            Instant due = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
            sessions(Jdbi.create(database, "postgres", ""), due);
            try (ServiceProcess first = ServiceProcess.start(env); ServiceProcess second = ServiceProcess.start(env)) {
                int expected = COMMUNITIES * 3;
                Map<String, Long> received = Awaits.until(() -> Optional.of(reminders(slackApi))
                                .filter(r -> r.values().stream().mapToLong(Long::longValue).sum() >= expected),
                        Duration.ofSeconds(90), () -> reminders(slackApi).size() + " of " + expected + " reminders");
                assertThat(received).hasSize(expected).allSatisfy((member, count) ->
                        assertThat(count).as(member).isEqualTo(1));
                assertThat(received.keySet()).noneMatch(member -> member.endsWith("-3"));
                assertThat(slackApi.refused()).isEmpty();
            }
        }
    }

    /** Per community: a channel, a session in two hours, four answers and an H-1 reminder due at {@code due}. */
    private static void sessions(Jdbi jdbi, Instant due) {
        jdbi.useTransaction(h -> {
            for (int i = 0; i < COMMUNITIES; i++) {
                long community = Seed.community(h, "Rappels " + i, "C0REM" + i);
                long session = h.createQuery("""
                                INSERT INTO session (community_id, number, title, starts_at, duration_minutes, public_id,
                                                     created_by, created_at, updated_at)
                                VALUES (:c, 1, 'Séance rappelée', :starts, 120, :publicId, 'U0ANNE', now(), now())
                                RETURNING id""")
                        .bind("c", community).bind("starts", due.plus(Duration.ofHours(1)))
                        .bind("publicId", "replicas-session-" + i + "-xxxxx".substring(0, 5)).mapTo(Long.class).one();
                for (int a = 0; a < ANSWERS.size(); a++) {
                    h.createUpdate("""
                                    INSERT INTO session_answer (session_id, platform, workspace_id, user_id, display_name,
                                                                answer, answered_at)
                                    VALUES (:s, 'slack', :team, :user, :name, :answer, now())""")
                            .bind("s", session).bind("team", FakeSlackApi.TEAM_ID).bind("user", "U0M" + i + "-" + a)
                            .bind("name", "Membre " + a).bind("answer", ANSWERS.get(a)).execute();
                }
                h.createUpdate("""
                                INSERT INTO session_reminder (session_id, offset_code, due_at, sequence)
                                VALUES (:s, 'H-1', :due, 0)""")
                        .bind("s", session).bind("due", due).execute();
            }
        });
    }

    /** Reminders accepted by Slack, by the member they were sent to (a direct message's channel is the member). */
    private static Map<String, Long> reminders(FakeSlackApi slackApi) {
        return slackApi.accepted("chat.postMessage").stream()
                .filter(call -> SlackClient.text(call.message()).contains("Rappel : séance"))
                .collect(Collectors.groupingBy(call -> call.params().get("channel"), Collectors.counting()));
    }
}
