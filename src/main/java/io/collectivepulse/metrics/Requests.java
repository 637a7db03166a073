package io.collectivepulse.metrics;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
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

    /** The methods named as they are; any other (a scanner's invention) is {@code OTHER}, so that series stay few. */
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final MeterRegistry registry;
    /** One timer per series, found again without building its name and tags on every request. */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    /** What tells one series of requests from another. */
    private record Series(String endpoint, String method, String platform, String outcome) {
    }

    Requests(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Before every request: its id and platform on the log lines, and when it started. */
    public void before(Context ctx) {
        // A thread of the pool may come from a request whose after handler never ran.
        MDC.clear();
        String given = ctx.header(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
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
            String method = ctx.method().name();
            var series = new Series(endpoint(ctx), METHODS.contains(method) ? method : "OTHER",
                    platform(ctx.path()).orElse("none"), outcome(ctx.statusCode()));
            timers.computeIfAbsent(series, this::timer).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } finally {
            MDC.clear();
        }
    }

    private Timer timer(Series series) {
        return Timer.builder("pulse.http.requests")
                .description("HTTP requests by route, platform and outcome, and how long they took to answer")
                .tags("endpoint", series.endpoint(), "method", series.method(), "platform", series.platform(),
                        "outcome", series.outcome())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /**
     * A new request id: 64 random bits in hex, enough to tell requests apart in the logs, and drawn without the
     * lock of the secure random source that {@link java.util.UUID#randomUUID} shares between all request threads.
     */
    private static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
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
