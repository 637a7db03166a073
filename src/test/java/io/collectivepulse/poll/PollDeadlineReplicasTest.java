package io.collectivepulse.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.TestDatabase;
import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Seed;
import io.collectivepulse.support.ServiceProcess;
import io.collectivepulse.support.SlackClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Two service processes on one PostgreSQL, and polls whose deadline comes a few seconds after they start (written as a
 * restore would, so that each replica plans the deadlines it finds without a trigger): each poll closes once and its
 * results reach each of its community's channels exactly once, counted at the fake Slack.
 */
class PollDeadlineReplicasTest {
    private static final String SECRET = "poll-replicas-secret";
    private static final String TOKEN = "xoxb-poll-replicas";
    private static final int COMMUNITIES = 30;
    private static final String RESULTS = "Résultats du sondage n° 1";

    @Test
    void theDeadlineClosesEachPollOnceAndPostsItsResultsOncePerChannelWithTwoReplicas() throws Exception {
        String database = TestDatabase.newDatabase();
        try (var slackApi = new FakeSlackApi(TOKEN)) {
            Map<String, String> env = ServiceProcess.slackEnv(database, slackApi, SECRET, TOKEN);
            ServiceProcess.migrate(env);
            Instant due = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            Jdbi jdbi = Jdbi.create(database, "postgres", "");
            polls(jdbi, due);
            try (ServiceProcess first = ServiceProcess.start(env); ServiceProcess second = ServiceProcess.start(env)) {
                int expected = COMMUNITIES * 2;
                Map<String, Long> received = Awaits.until(() -> Optional.of(results(slackApi))
                                .filter(r -> r.values().stream().mapToLong(Long::longValue).sum() >= expected),
                        Duration.ofSeconds(90), () -> results(slackApi).size() + " of " + expected + " channels");
                assertThat(received).hasSize(expected).allSatisfy((channel, count) ->
                        assertThat(count).as(channel).isEqualTo(1));
                assertThat(received.keySet()).allMatch(channel -> channel.startsWith("C0POLL"));
                // Each close that lost wrote nothing: one results row per channel, sent (each recorded once Slack's
                // answer came back, a moment after the fake counted the message).
                long sent = Awaits.until(() -> Optional.of(count(jdbi,
                                "SELECT count(*) FROM outbox WHERE kind = 'poll-results' AND state = 'sent'"))
                        .filter(n -> n >= expected), Duration.ofSeconds(30), () -> "every result recorded as sent");
                assertThat(sent).isEqualTo(expected);
                assertThat(count(jdbi, "SELECT count(*) FROM outbox WHERE kind = 'poll-results'")).isEqualTo(expected);
                assertThat(count(jdbi, """
                        SELECT count(*) FROM poll WHERE closed_at IS NOT NULL AND secret IS NULL AND voters = 2"""))
                        .isEqualTo(COMMUNITIES);
                assertThat(slackApi.refused()).isEmpty();
            }
        }
    }

    /** Per community: two Slack channels and a poll due at {@code due}, anonymous every other one, with two votes. */
    private static void polls(Jdbi jdbi, Instant due) {
        var random = new SecureRandom();
        jdbi.useTransaction(h -> {
            for (int i = 0; i < COMMUNITIES; i++) {
                long community = Seed.community(h, "Sondages " + i, "C0POLL" + i + "A");
                h.createUpdate("""
                                INSERT INTO channel_link (platform, workspace_id, channel_id, community_id, linked_by,
                                                          linked_at)
                                VALUES ('slack', :team, :channel, :id, 'U0ANNE', now())""")
                        .bind("team", FakeSlackApi.TEAM_ID).bind("channel", "C0POLL" + i + "B").bind("id", community)
                        .execute();
                boolean anonymous = i % 2 == 0;
                byte[] secret = new byte[Voter.SECRET_BYTES];
                random.nextBytes(secret);
                long poll = h.createQuery("""
                                INSERT INTO poll (community_id, number, question, anonymous, multiple, ends_at, secret,
                                                  created_at)
                                VALUES (:c, 1, 'Une séance en plus ?', :anonymous, FALSE, :due, :secret, now())
                                RETURNING id""")
                        .bind("c", community).bind("anonymous", anonymous).bind("due", due)
                        .bind("secret", anonymous ? secret : null).mapTo(Long.class).one();
                h.createUpdate("""
                                INSERT INTO poll_option (poll_id, position, label)
                                VALUES (:p, 1, 'Oui'), (:p, 2, 'Non')""")
                        .bind("p", poll).execute();
                h.createUpdate("""
                                INSERT INTO poll_vote (poll_id, position, voter)
                                VALUES (:p, 1, 'ballot-1'), (:p, 2, 'ballot-2')""")
                        .bind("p", poll).execute();
            }
        });
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Results accepted by Slack, counted per channel. */
    private static Map<String, Long> results(FakeSlackApi slackApi) {
        return slackApi.accepted("chat.postMessage").stream()
                .filter(call -> SlackClient.text(call.message()).contains(RESULTS))
                .collect(Collectors.groupingBy(call -> call.params().get("channel"), Collectors.counting()));
    }
}
