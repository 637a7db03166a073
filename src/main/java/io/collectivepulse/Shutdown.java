package io.collectivepulse;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the service's parts one after the other, each within its own bound, so that the whole stop fits in the
 * 30 s an orchestrator waits after SIGTERM; then says in one log line how it went. A part that overruns its
 * bound is left behind (its thread is a daemon) and named in that line; the next part is stopped anyway.
 */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
    /** How long the HTTP server waits for the requests in flight. */
    static final Duration HTTP_DRAIN = Duration.ofSeconds(8);
    /**
     * Idle kept-alive connections are closed this soon; one handling a request is not idle, and Jetty closes it
     * once the response is sent.
     */
    private static final Duration IDLE_CONNECTION_CLOSE = Duration.ofMillis(100);

    private final long start = System.nanoTime();
    private final List<String> outcomes = new ArrayList<>();

    /** Runs {@code part}, waiting for it {@code most} at most; its outcome (a short phrase) goes in the log line. */
    void stop(String name, Duration most, Callable<String> part) {
        long begun = System.nanoTime();
        var outcome = new AtomicReference<String>();
        Thread thread = new Thread(() -> {
            try {
                outcome.set(part.call());
            } catch (Exception e) {
                LOG.warn("Stopping the {} failed", name, e);
                outcome.set(name + " failed (" + e.getMessage() + ")");
            }
        }, "shutdown-" + name.replace(' ', '-'));
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(most.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outcomes.add(thread.isAlive() ? name + " still stopping after " + most.toSeconds() + " s"
                : outcome.get() + " in " + seconds(begun) + " s");
    }

    /**
     * Jetty's graceful stop: the connector stops accepting, a response in flight carries {@code Connection: close},
     * idle kept-alive connections close, and the server waits up to {@link #HTTP_DRAIN} for the requests being
     * handled to finish. Returns how many it answered and how many it cut off.
     */
    static String drain(Javalin server) {
        Server jetty = server.jettyServer().server();
        StatisticsHandler stats = jetty.getDescendant(StatisticsHandler.class);
        int inFlight = stats.getRequestsActive();
        int seen = stats.getRequests();
        jetty.setStopTimeout(HTTP_DRAIN.toMillis());
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof AbstractConnector accepting) {
                accepting.setShutdownIdleTimeout(IDLE_CONNECTION_CLOSE.toMillis());
            }
        }
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOG.warn("The HTTP server did not drain within {} s: {}", HTTP_DRAIN.toSeconds(), e.getMessage());
        }
        int cutOff = stats.getRequestsActive();
        return "HTTP server drained (" + (inFlight + stats.getRequests() - seen - cutOff) + " requests answered, "
                + cutOff + " cut off)";
    }

    /** Logs the one line that says the service stopped, how long it took, and how each part went. */
    void done() {
        LOG.info("Collective Pulse stopped after {} s: {}", seconds(start), String.join("; ", outcomes));
    }

    private static String seconds(long since) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }
}
