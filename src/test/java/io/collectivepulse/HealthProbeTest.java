package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container's health check against a small local HTTP server: 200 is healthy; another status, a closed port
 * or a server that does not answer within 3 seconds is not; and as the image runs it, in a JVM of its own, the
 * answer is the exit code.
 */
class HealthProbeTest {
    private static HttpServer server;
    private static volatile int status = 200;
    private static ServerSocket silent;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(HealthProbe.PATH, exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // The kernel accepts connections into the backlog of a socket nobody reads: the request is sent, no answer.
        silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(0);
        silent.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void onlyA200IsHealthy() {
        status = 200;
        assertThat(HealthProbe.isLive(uri(HealthProbe.PATH))).isTrue();
        status = 503;
        assertThat(HealthProbe.isLive(uri(HealthProbe.PATH))).isFalse();
        status = 200;
        assertThat(HealthProbe.isLive(uri("/elsewhere"))).as("404").isFalse();
    }

    @Test
    void aClosedPortOrASilentServerIsUnhealthyWithinTheTimeout() throws IOException {
        assertThat(HealthProbe.isLive(URI.create("http://127.0.0.1:" + freePort() + HealthProbe.PATH))).isFalse();
        long start = System.nanoTime();
        assertThat(HealthProbe.isLive(URI.create("http://127.0.0.1:" + silent.getLocalPort() + HealthProbe.PATH)))
                .isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofSeconds(HealthProbe.TIMEOUT_SECONDS), Duration.ofSeconds(5));
    }

    @Test
    void asTheImageRunsItTheAnswerIsTheExitCode() throws Exception {
        status = 200;
        assertThat(run(Integer.toString(server.getAddress().getPort()))).isZero();
        assertThat(run(Integer.toString(freePort()))).isEqualTo(1);
    }

    /** {@code java -cp <the classes> io.collectivepulse.HealthProbe} with PORT set, as the Dockerfile runs it. */
    private static int run(String port) throws Exception {
        var builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HealthProbe.class.getName())).inheritIO();
        builder.environment().put("PORT", port);
        Process process = builder.start();
        assertThat(process.waitFor(HealthProbe.TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
