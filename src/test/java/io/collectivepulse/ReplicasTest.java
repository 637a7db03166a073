package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Seed;
import io.collectivepulse.support.ServiceProcess;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Two service processes on one PostgreSQL: 300 communities whose digests are due in the same minute and 500
 * signals posted through both; one process is killed (SIGKILL) as the digests go out. Every digest and every card
 * reaches Slack exactly once.
 */
class ReplicasTest {
    private static final String SECRET = "replicas-secret";
    private static final String TOKEN = "xoxb-replicas";
    private static final int COMMUNITIES = 300;
    private static final int SIGNALS = 500;
    /** The signals go to the first channels, ten to a channel: within Slack's bursts. */
    private static final int SIGNAL_CHANNELS = 50;

    @Test
    void everyDigestAndCardGoesOutOnceWhenOneOfTwoReplicasIsKilled() throws Exception {
        String database = TestDatabase.newDatabase();
        try (var slackApi = new FakeSlackApi(TOKEN)) {
            Map<String, String> env = Map.of("DATABASE_URL", database, "DATABASE_USER", "postgres",
                    "SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", TOKEN, "SLACK_API_URL", slackApi.url());
            ZonedDateTime due;
            try (ServiceProcess first = ServiceProcess.start(env)) {
                // The schema exists now; the communities are written as a backup restore would, due next minute.
                due = ZonedDateTime.now(ZoneId.of("Europe/Paris")).plusSeconds(75).truncatedTo(ChronoUnit.MINUTES);
                communities(Jdbi.create(database, "postgres", ""), due);
            }
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            ServiceProcess killed = ServiceProcess.start(env);
            try (ServiceProcess survivor = ServiceProcess.start(env)) {
                postSignals(List.of(killed, survivor), acknowledged);
                // Half-way through the digests: once the first few are out.
                Awaits.until(() -> Optional.of(digests(slackApi).size()).filter(n -> n >= 10),
                        Duration.ofSeconds(150), () -> "no digest went out");
                killed.kill();
                killed.close();

                Map<String, Long> digests = Awaits.until(() -> Optional.of(digests(slackApi))
                        .filter(d -> d.size() == COMMUNITIES), Duration.ofSeconds(120),
                        () -> digests(slackApi).size() + " of " + COMMUNITIES + " digests arrived");
                Map<String, Long> cards = Awaits.until(() -> Optional.of(cards(slackApi, acknowledged))
                        .filter(c -> c.size() == acknowledged.size()), Duration.ofSeconds(60),
                        () -> cards(slackApi, acknowledged).size() + " of " + acknowledged.size() + " cards arrived");

                assertThat(acknowledged).hasSize(SIGNALS);
                assertThat(digests).allSatisfy((channel, count) -> assertThat(count).as(channel).isEqualTo(1));
                assertThat(cards).allSatisfy((text, count) -> assertThat(count).as(text).isEqualTo(1));
                System.out.printf("Two replicas, one killed at %s: %d digests and %d cards, each exactly once%n",
                        due.toLocalTime(), digests.size(), cards.size());
            } finally {
                killed.close();
            }
        }
    }

    private static void communities(Jdbi jdbi, ZonedDateTime due) {
        jdbi.useTransaction(h -> {
            for (int i = 0; i < COMMUNITIES; i++) {
                Seed.digestAt(h, Seed.community(h, "Réplique " + i, "C0R" + i), due);
            }
        });
    }

    private static void postSignals(List<ServiceProcess> replicas, List<String> acknowledged) throws Exception {
        ExecutorService members = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < SIGNALS; i++) {
            String text = "Signal réparti numéro " + i + " fin";
            var client = new SlackClient(replicas.get(i % 2), SECRET)
                    .as(FakeSlackApi.TEAM_ID, "C0R" + (i % SIGNAL_CHANNELS), "U0M" + i, "m" + i);
            sent.add(members.submit(() -> {
                var response = client.send("/signal", text);
                if (response.statusCode() == 200 && response.body().isEmpty()) {
                    acknowledged.add(text);
                }
            }));
        }
        for (Future<?> future : sent) {
            future.get();
        }
        members.shutdown();
    }

    /** Accepted digests, by channel. */
    private static Map<String, Long> digests(FakeSlackApi slackApi) {
        return slackApi.accepted("chat.postMessage").stream()
                .filter(call -> SlackClient.text(call.message()).contains("Synthèse de la semaine")
                        || SlackClient.text(call.message()).contains("Semaine calme"))
                .collect(Collectors.groupingBy(call -> call.params().get("channel"), Collectors.counting()));
    }

    /** Accepted signal cards (not digests), by the signal they show. */
    private static Map<String, Long> cards(FakeSlackApi slackApi, List<String> texts) {
        return slackApi.accepted("chat.postMessage").stream().map(call -> SlackClient.text(call.message()))
                .filter(text -> text.startsWith("Signal faible"))
                .flatMap(body -> texts.stream().filter(body::contains))
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    }
}
