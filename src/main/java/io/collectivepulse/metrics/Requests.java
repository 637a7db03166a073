package io.collectivepulse.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Measures each HTTP request (Javalin before and after handlers): one timer per route, method, platform and outcome
 * (status class), whose buckets show how fast Slack and Teams get their acknowledgement (Slack gives up after 3 s).
 * The route is the declared path, never the request's: calendar and export addresses hold secret tokens. Meanwhile
 * every log line carries the request's id (the caller's {@code X-Request-Id} when it is sane, a new one otherwise,
 * sent back in the same header) and its platform.
 */
public final class Requests {
    static final String REQUEST_ID = "requestId";
    static final String PLATFORM = "platform";
    private static final String HEADER = "X-Request-Id";
    private static final String STARTED = Requests.class.getName() + ".started";
    /** A request id from outside is logged as it is: short, and nothing that could forge a log line. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(3), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    Requests(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Before every request: its id and platform on the log lines, and when it started. */
    public void before(Context ctx) {
        // A thread of the pool may come from a request whose after handler never ran.
        MDC.clear();
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(REQUEST_ID, id);
        platform(ctx.path()).ifPresent(platform -> MDC.put(PLATFORM, platform));
        ctx.header(HEADER, id);
        ctx.attribute(STARTED, System.nanoTime());
    }

    /** After every request, errors included: the time it took, under its route, platform and outcome. */
    public void after(Context ctx) {
        try {
            Long started = ctx.attribute(STARTED);
            if (started == null) {
                return;
            }
            Timer.builder("pulse.http.requests")
                    .description("HTTP requests by route, platform and outcome, and how long they took to answer")
                    .tags("endpoint", endpoint(ctx), "method", ctx.method().name(),
                            "platform", platform(ctx.path()).orElse("none"), "outcome", outcome(ctx.statusCode()))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } finally {
            MDC.clear();
        }
    }

    /** The declared path of the route that served the request, or {@code unmatched}. */
    private static String endpoint(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null || endpoint.path.isEmpty() ? "unmatched" : endpoint.path;
    }

    /** The chat platform a path belongs to, by the routes each one calls. */
    static Optional<String> platform(String path) {
        if (path.startsWith("/slack/")) {
            return Optional.of("slack");
        }
        if (path.equals("/api/messages")) {
            return Optional.of("teams");
        }
        return Optional.empty();
    }

    private static String outcome(int status) {
        return status >= 100 && status < 600 ? status / 100 + "xx" : "unknown";
    }
}
