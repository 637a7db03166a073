package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.ProcessFixture;
import io.collectivepulse.support.ServiceProcess;
import io.collectivepulse.support.ServiceProcess.Postmaster;
import io.collectivepulse.support.SignalStream;
import io.collectivepulse.support.SignalStream.Outcome;
import io.collectivepulse.support.SlackClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service as an operator runs it (its own JVM, its embedded PostgreSQL in PULSE_DATA_DIR) through what
 * happens to servers: PostgreSQL killed, the service killed, the service stopped, each during a stream of
 * {@code /signal}. Every signal the service acknowledged must be there after the next start, which needs no help.
 */
class CrashTest {
    private static final Duration STREAMING = Duration.ofSeconds(60);
    private static final int THREADS = 4;

    @RegisterExtension
    final ProcessFixture fixture = new ProcessFixture("crash-secret", "xoxb-crash");

    @Test
    void everySignalAcknowledgedBeforePostgresIsKilledIsThereAfterTheNextStart() throws Exception {
        SignalStream stream;
        int beforeTheKill;
        try (ServiceProcess service = fixture.start()) {
            stream = SignalStream.start(fixture.linked(service, "Survivants"), "Avant la panne de PostgreSQL", THREADS);
            try (stream) {
                stream.awaitCount(Outcome::acknowledged, 100, STREAMING);
                fixture.postmaster().flatMap(Postmaster::process).orElseThrow().destroyForcibly();
                beforeTheKill = stream.acknowledged().size();
                stream.awaitCount(Outcome::apologised, 1, STREAMING);
            }
        }
        assertThat(stream.outcomes()).as("answers while PostgreSQL was killed")
                .allMatch(o -> o.acknowledged() || o.apologised());

        try (ServiceProcess restarted = fixture.start()) {
            assertThat(fixture.storedSignals()).as("signals stored after the restart")
                    .containsAll(stream.acknowledged());
        }
        System.out.printf("PostgreSQL killed with SIGKILL after %d acknowledged signals; %d acknowledged in all,"
                + " %d apologies; all found after the restart%n", beforeTheKill, stream.acknowledged().size(),
                stream.outcomes().stream().filter(Outcome::apologised).count());
    }

    @Test
    void afterTheServiceIsKilledTheNextStartStopsThePostgresItLeftAndKeepsItsSignals() throws Exception {
        SignalStream stream;
        long orphan;
        try (ServiceProcess killed = fixture.start()) {
            stream = SignalStream.start(fixture.linked(killed, "Survivants"), "Avant la panne du service", THREADS);
            try (stream) {
                stream.awaitCount(Outcome::acknowledged, 20, STREAMING);
                killed.kill();
            }
            orphan = fixture.postmaster().orElseThrow().pid();
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("PostgreSQL outlives its JVM")
                    .isPresent();
        }

        try (ServiceProcess next = fixture.start()) {
            assertThat(next.logLine("Stopped PostgreSQL " + orphan)).isPresent();
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(fixture.storedSignals()).containsAll(stream.acknowledged());
        }
        System.out.printf("Service killed with SIGKILL after %d acknowledged signals, all found after the next"
                + " start%n", stream.acknowledged().size());
    }

    @Test
    void onSigtermTheServiceAnswersWhatItReceivedStopsPostgresLastAndExitsWithinThirtySeconds() throws Exception {
        SignalStream stream;
        Duration stopping;
        try (ServiceProcess service = fixture.start()) {
            stream = SignalStream.start(fixture.linked(service, "Survivants"), "Avant l'arrêt", THREADS);
            try (stream) {
                stream.awaitCount(Outcome::acknowledged, 50, STREAMING);
                long sent = System.nanoTime();
                service.terminate();
                assertThat(service.exited(Duration.ofSeconds(30))).as("exited within 30 s").isTrue();
                stopping = Duration.ofNanos(System.nanoTime() - sent);
            }
            assertThat(service.log().stream().filter(line -> line.contains("Collective Pulse stopped after")))
                    .as("stop line of a service that exited with %d", service.exitValue()).hasSize(1);
        }
        assertThat(fixture.postmaster()).as("PostgreSQL stopped cleanly, its pid file removed").isEmpty();
        assertThat(stream.outcomes().stream().filter(Outcome::answered))
                .as("answers (stopped after %s)", stopping).allMatch(o -> o.acknowledged() || o.apologised());

        try (ServiceProcess restarted = fixture.start()) {
            assertThat(fixture.storedSignals()).containsAll(stream.acknowledged());
        }
        System.out.printf("Stopped with SIGTERM in %d ms: %d signals acknowledged (all found after the restart),"
                + " %d without an answer%n", stopping.toMillis(), stream.acknowledged().size(),
                stream.outcomes().stream().filter(o -> !o.answered()).count());
    }

    @Test
    void everyCardOwedBeforeTheServiceIsKilledArrivesExactlyOnceAfterTheRestart() throws Exception {
        int channels = 20;
        int perChannel = 10;
        List<String> acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServiceProcess killed = fixture.start()) {
            var slack = fixture.client(killed);
            for (int c = 0; c < channels; c++) {
                slack.as(FakeSlackApi.TEAM_ID, "C0CRASH" + c, "U0ANNE", "anne").command("/pulse", "lier Carte " + c);
            }
            var members = java.util.concurrent.Executors.newFixedThreadPool(8);
            var sent = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < channels * perChannel; i++) {
                String text = "Carte due numéro " + i + " fin";
                var client = slack.as(FakeSlackApi.TEAM_ID, "C0CRASH" + (i % channels), "U0M" + i, "m" + i);
                sent.add(members.submit(() -> {
                    var response = client.send("/signal", text);
                    if (response.statusCode() == 200 && response.body().isEmpty()) {
                        acknowledged.add(text);
                    }
                }));
            }
            for (var future : sent) {
                future.get();
            }
            members.shutdown();
            killed.kill();
        }
        int beforeRestart = fixture.slackApi().accepted("chat.postMessage").size();
        assertThat(acknowledged).hasSize(channels * perChannel);

        try (ServiceProcess restarted = fixture.start()) {
            java.util.Map<String, Long> cards = io.collectivepulse.support.Awaits.until(() -> java.util.Optional.of(
                            cardsOf(acknowledged)).filter(counts -> counts.size() == acknowledged.size()),
                    Duration.ofSeconds(120), () -> cardsOf(acknowledged).size() + " of " + acknowledged.size()
                            + " cards arrived");
            assertThat(cards).allSatisfy((text, count) -> assertThat(count).as(text).isEqualTo(1));
        }
        System.out.printf("Service killed with SIGKILL after %d acknowledged signals, %d of their cards posted;"
                + " after the restart every card arrived exactly once%n", acknowledged.size(), beforeRestart);
    }

    /** How many accepted Slack posts show each of {@code texts}. */
    private java.util.Map<String, Long> cardsOf(List<String> texts) {
        Set<String> wanted = new HashSet<>(texts);
        return fixture.slackApi().accepted("chat.postMessage").stream()
                .map(call -> SlackClient.text(call.message()))
                .flatMap(body -> wanted.stream().filter(body::contains))
                .collect(java.util.stream.Collectors.groupingBy(t -> t, java.util.stream.Collectors.counting()));
    }
}
