package io.collectivepulse.support;

import io.collectivepulse.support.ServiceProcess.Postmaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For the tests that run the service as operators do, in a JVM of its own on its durable embedded PostgreSQL: a
 * fresh data directory and fake Slack Web API for each test, the service started on them, a client of it.
 *
 * <pre>{@code
 * @RegisterExtension
 * final ProcessFixture fixture = new ProcessFixture("crash-secret", "xoxb-crash");
 * }</pre>
 */
public final class ProcessFixture implements BeforeEachCallback, AfterEachCallback {
    private final String signingSecret;
    private final String botToken;
    private Path dataDir;
    private FakeSlackApi slackApi;

    public ProcessFixture(String signingSecret, String botToken) {
        this.signingSecret = signingSecret;
        this.botToken = botToken;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("pulse-process-");
        slackApi = new FakeSlackApi(botToken);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        slackApi.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service in a JVM of its own, on this test's data directory and fake Slack. */
    public ServiceProcess start() {
        return ServiceProcess.start(Map.of("PULSE_DATA_DIR", dataDir.toString(), "SLACK_SIGNING_SECRET",
                signingSecret, "SLACK_BOT_TOKEN", botToken, "SLACK_API_URL", slackApi.url()));
    }

    public SlackClient client(ServiceProcess service) {
        return new SlackClient(service, signingSecret);
    }

    /** A client of the service whose channel was linked to a new community called {@code name}. */
    public SlackClient linked(ServiceProcess service, String name) {
        var slack = client(service);
        slack.command("/pulse", "lier " + name);
        return slack;
    }

    /** The bodies of the signals in the database of the service running on this test's data directory. */
    public Set<String> storedSignals() throws SQLException {
        return postmaster().orElseThrow().signalBodies();
    }

    public java.util.Optional<Postmaster> postmaster() {
        return Postmaster.of(dataDir);
    }

    public Path dataDir() {
        return dataDir;
    }

    public FakeSlackApi slackApi() {
        return slackApi;
    }
}
