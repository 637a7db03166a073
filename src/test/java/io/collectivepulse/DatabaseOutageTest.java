package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.ProcessFixture;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.ServiceProcess;
import io.collectivepulse.support.ServiceProcess.Postmaster;
import io.collectivepulse.support.SignalStream;
import io.collectivepulse.support.SignalStream.Outcome;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PostgreSQL in trouble under a stream of {@code /signal} commands, with the service in a JVM of its own on its
 * durable embedded PostgreSQL: paused for 10 s (SIGSTOP, the hard case: connections open, nothing answers), and
 * killed. Every command is answered 200 within 3 s, stored or with the apology; readiness follows the database;
 * the service recovers by itself, starting a killed PostgreSQL again; nothing acknowledged is lost.
 */
class DatabaseOutageTest {
    private static final Duration PROMPT = Duration.ofSeconds(3);
    private static final Duration PAUSE = Duration.ofSeconds(10);
    private static final int THREADS = 4;

    @RegisterExtension
    final ProcessFixture fixture = new ProcessFixture("outage-secret", "xoxb-outage");

    @Test
    void whilePostgresIsPausedEveryCommandIsAnsweredPolitelyInTimeAndReadinessFollows() throws Exception {
        SignalStream stream;
        Duration notReadyAfter;
        try (ServiceProcess service = fixture.start()) {
            stream = SignalStream.start(fixture.linked(service, "Résilients"), "Pendant la pause", THREADS);
            try (stream) {
                stream.awaitCount(Outcome::acknowledged, 30, Duration.ofSeconds(30));
                List<Long> postgres = postgresProcesses();
                signal("-STOP", postgres);
                long paused = System.nanoTime();
                try {
                    notReadyAfter = untilReadinessIs(service, 503, Duration.ofSeconds(5));
                    stream.awaitCount(Outcome::apologised, 1, PAUSE);
                    assertThat(health(service, "/health/live").statusCode()).isEqualTo(200);
                    staysNotReadyUntil(service, paused + PAUSE.toNanos());
                } finally {
                    signal("-CONT", postgres);
                }
                untilReadinessIs(service, 200, Duration.ofSeconds(10));
                int before = stream.acknowledged().size();
                stream.awaitCount(Outcome::acknowledged, before + 30, Duration.ofSeconds(30));
            }
            assertThat(notReadyAfter).as("not ready after the pause began").isLessThan(Duration.ofSeconds(2));
            assertEveryAnswerPoliteAndPrompt(stream);
            assertThat(fixture.storedSignals()).as("acknowledged signals stored").containsAll(stream.acknowledged());
        }
        System.out.printf("PostgreSQL paused 10 s: %d commands, %d acknowledged, %d apologies, slowest answer %d ms,"
                + " not ready after %d ms%n", stream.outcomes().size(), stream.acknowledged().size(),
                stream.outcomes().stream().filter(Outcome::apologised).count(), slowest(stream).toMillis(),
                notReadyAfter.toMillis());
    }

    @Test
    void whenPostgresIsKilledTheServiceStartsItAgainAndServesWithoutARestart() throws Exception {
        SignalStream stream;
        try (ServiceProcess service = fixture.start()) {
            stream = SignalStream.start(fixture.linked(service, "Résilients"), "Après la panne", THREADS);
            try (stream) {
                stream.awaitCount(Outcome::acknowledged, 30, Duration.ofSeconds(30));
                long killed = fixture.postmaster().orElseThrow().pid();
                fixture.postmaster().flatMap(Postmaster::process).orElseThrow().destroyForcibly();
                stream.awaitCount(Outcome::apologised, 1, Duration.ofSeconds(10));
                untilReadinessIs(service, 200, Duration.ofSeconds(30));
                int before = stream.acknowledged().size();
                stream.awaitCount(Outcome::acknowledged, before + 30, Duration.ofSeconds(30));
                assertThat(fixture.postmaster().orElseThrow().pid()).as("a new PostgreSQL").isNotEqualTo(killed);
            }
            assertThat(service.isAlive()).as("the same service").isTrue();
            assertThat(service.logLine("runs again on port")).isPresent();
            assertEveryAnswerPoliteAndPrompt(stream);
            assertThat(fixture.storedSignals()).as("acknowledged signals stored").containsAll(stream.acknowledged());
        }
    }

    private static void assertEveryAnswerPoliteAndPrompt(SignalStream stream) {
        assertThat(stream.outcomes()).as("answers").allSatisfy(outcome -> {
            assertThat(outcome.status()).as("status of %s", outcome).isEqualTo(200);
            assertThat(outcome.acknowledged() || outcome.apologised()).as("stored or apologised: %s", outcome)
                    .isTrue();
            assertThat(outcome.took()).as("answered in time: %s", outcome).isLessThan(PROMPT);
        });
    }

    private static Duration slowest(SignalStream stream) {
        return stream.outcomes().stream().map(Outcome::took).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Polls readiness until it answers {@code status}; how long that took. Every answer comes within a second. */
    private static Duration untilReadinessIs(ServiceProcess service, int status, Duration timeout) {
        long started = System.nanoTime();
        Awaits.until(() -> {
            long asked = System.nanoTime();
            HttpResponse<String> ready = health(service, "/health/ready");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("/health/ready answered at once")
                    .isLessThan(Duration.ofSeconds(1));
            return ready.statusCode() == status ? Optional.of(true) : Optional.<Boolean>empty();
        }, timeout, () -> "readiness never answered " + status);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static HttpResponse<String> health(ServiceProcess service, String path) {
        return Http.get(service.url(path));
    }

    /** The postmaster and every process it started (its backends, writers…). */
    private List<Long> postgresProcesses() {
        ProcessHandle postmaster = fixture.postmaster().flatMap(Postmaster::process).orElseThrow();
        List<Long> pids = new ArrayList<>();
        Stream.concat(Stream.of(postmaster), postmaster.descendants()).forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** Asks readiness while PostgreSQL stays paused (until {@code nanos}): it says "not ready" every time. */
    private static void staysNotReadyUntil(ServiceProcess service, long nanos) {
        Awaits.until(() -> {
            assertThat(health(service, "/health/ready").statusCode()).as("readiness while paused").isEqualTo(503);
            return System.nanoTime() >= nanos ? Optional.of(true) : Optional.<Boolean>empty();
        }, PAUSE.plusSeconds(5), () -> "the pause did not end");
    }
}
