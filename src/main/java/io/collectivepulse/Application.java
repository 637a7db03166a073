package io.collectivepulse;

import io.collectivepulse.calendar.CalendarRoutes;
import io.collectivepulse.chat.People;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityCommands;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.delivery.Outbox;
import io.collectivepulse.digest.DigestCommands;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.metrics.Metrics;
import io.collectivepulse.poll.PollCommands;
import io.collectivepulse.poll.PollExportService;
import io.collectivepulse.poll.PollService;
import io.collectivepulse.router.Router;
import io.collectivepulse.schedule.PulseScheduler;
import io.collectivepulse.session.SessionCommands;
import io.collectivepulse.session.SessionFollowUp;
import io.collectivepulse.session.SessionService;
import io.collectivepulse.signal.SignalCommands;
import io.collectivepulse.signal.SignalService;
import io.collectivepulse.slack.SlackBridge;
import io.collectivepulse.slack.SlackInstallationDao;
import io.collectivepulse.spreadsheet.ExportRoutes;
import io.collectivepulse.teams.ConversationReferenceDao;
import io.collectivepulse.teams.DeliveredActivityDao;
import io.collectivepulse.teams.TeamsBridge;
import io.collectivepulse.welcome.HomeService;
import io.collectivepulse.welcome.WelcomeCommands;
import io.collectivepulse.welcome.WelcomeService;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: database, scheduler and HTTP server, wired with constructors. */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    /** The most requests served at once (see {@link #requestThreads()}). */
    static final int HTTP_THREADS = 32;
    /**
     * Once a day, forgets what no longer needs remembering (Teams activities older than two days, expired links to
     * poll exports, invitation codes refused over a day ago).
     */
    private static final String HOUSEKEEPING = "housekeeping";

    private final Database database;
    private final PulseScheduler scheduler;
    private final Javalin server;
    private final Outbox outbox;
    private final Router router;
    /** Set when the service starts to stop: readiness then answers 503, so that no new request is routed here. */
    private final AtomicBoolean stopping;


    private final Metrics metrics;

    private Application(Database database, PulseScheduler scheduler, Javalin server, Outbox outbox, Router router,
                        AtomicBoolean stopping, Metrics metrics) {
        this.database = database;
        this.scheduler = scheduler;
        this.server = server;
        this.outbox = outbox;
        this.router = router;
        this.stopping = stopping;
        this.metrics = metrics;
    }

    /** Opens the database, starts the scheduler and the HTTP server; {@code clock} is the service's time. */
    public static Application start(Config config, Clock clock) {
        Database database = Database.open(config);
        PulseScheduler scheduler = null;
        Outbox outbox = null;
        try {
            outbox = new Outbox(database, clock);
            scheduler = new PulseScheduler(database.backgroundDataSource());
            var communities = new CommunityService(database, clock, config.defaultLocale(), config.defaultTimeZone());
            // Names of members by their id: each chat adapter registers its directory once it is built.
            var people = new People();
            var signals = new SignalService(database, communities, outbox, clock, people);
            var digests = new DigestService(database, communities, signals, outbox, scheduler, clock);
            var sessions = new SessionService(database, communities, signals, outbox, scheduler, clock,
                    config.baseUrl(), people);
            var polls = new PollService(database, communities, outbox, scheduler, clock);
            var exports = new PollExportService(database, communities, clock, config.baseUrl());
            var feedback = polls.feedback();
            sessions.followUp(SessionFollowUp.of(feedback::afterSession, feedback::reviewNote));
            var router = new Router(communities::localeOf, communities::knownLocaleOf,
                    // While PostgreSQL does not answer, log lines go without the community rather than wait for it.
                    channel -> database.isUp() ? communities.findByChannel(channel).map(Community::id)
                            : Optional.empty())
                    .add(new SignalCommands(communities, signals))
                    .add(new CommunityCommands(communities, outbox))
                    .add(new DigestCommands(communities, digests))
                    .add(new SessionCommands(communities, sessions))
                    .add(new PollCommands(communities, polls, exports))
                    .add(new WelcomeCommands(database, communities,
                            new WelcomeService(database, communities, outbox, clock),
                            new HomeService(database, communities, digests, outbox, clock), digests, sessions));

            var delivered = new DeliveredActivityDao(database);
            Outbox sending = outbox;
            Optional<SlackBridge> slackBridge = config.slack().map(s -> new SlackBridge(s, config.baseUrl(), router,
                    sending, database, new SlackInstallationDao(database), clock));
            scheduler.register(HOUSEKEEPING, id -> {
                delivered.forgetBefore(clock.instant().minus(Duration.ofDays(2)));
                sending.forgetBefore(clock.instant().minus(Duration.ofDays(14)));
                exports.forgetExpired();
                communities.forgetRefusedCodesBefore(clock.instant().minus(Duration.ofDays(1)));
                slackBridge.ifPresent(bridge -> bridge.forgetRequestsBefore(clock.instant().minus(Duration.ofDays(1))));
            });
            slackBridge.ifPresent(bridge -> sending.register(Platform.SLACK, bridge.sender()));
            slackBridge.ifPresent(bridge -> people.register(Platform.SLACK, bridge.names()));
            Handler slack = slackBridge.<Handler>map(bridge -> bridge)
                    .orElse(ctx -> ctx.status(503).result("Slack is not configured on this server"));
            var teamsBridge = new TeamsBridge(config.teams(), router, database, outbox,
                    new ConversationReferenceDao(database), delivered, clock);
            outbox.register(Platform.TEAMS, teamsBridge.sender());
            Handler teams = teamsBridge;
            scheduler.start();
            outbox.start();
            scheduler.planDaily(HOUSEKEEPING, 0, LocalTime.of(3, 30), ZoneOffset.UTC);
            digests.planMissing();
            sessions.start();
            polls.start();
            var stopping = new AtomicBoolean();
            var health = new Health(database, scheduler, stopping::get);
            Metrics metrics = new Metrics().pool(database.dataSource()).pool(database.backgroundDataSource())
                    .outbox(outbox.stats()).scheduler(scheduler);

            List<String> endpoints = new ArrayList<>();
            Javalin server = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.jetty.port = config.port();
                javalin.jetty.threadPool = requestThreads();
                endpoints.addAll(Routes.declare(javalin.routes, slack, teams, health));
                endpoints.addAll(Routes.declareMetrics(javalin.routes, metrics,
                        config.metricsToken().map(Config.MetricsToken::value)));
                endpoints.addAll(Routes.declareCalendars(javalin.routes, new CalendarRoutes(sessions)));
                endpoints.addAll(Routes.declareExports(javalin.routes, new ExportRoutes(exports)));
                slackBridge.filter(SlackBridge::distributed)
                        .ifPresent(bridge -> endpoints.addAll(Routes.declareSlackInstallation(javalin.routes,
                                bridge.installation(), bridge.installationPages())));
            }).start();
            endpoints.forEach(line -> LOG.info("Endpoint {}", line));
            LOG.info("Slack: {}", config.slackStatus());
            LOG.info("Teams: {}", config.teamsStatus());
            LOG.info("Collective Pulse listening on port {}", server.port());
            return new Application(database, scheduler, server, outbox, router, stopping, metrics);
        } catch (RuntimeException e) {
            if (outbox != null) {
                outbox.close();
            }
            if (scheduler != null) {
                scheduler.close();
            }
            database.close();
            throw e;
        }
    }

    /**
     * Jetty's request threads. Javalin's default pool grows to 250 threads; on two cores with ten database
     * connections, the threads past a few dozen only queue for the same connections and CPUs, each with its
     * stack, so overload grew memory instead of throughput. Past these threads, requests wait in Jetty's queue.
     * Each thread is marked as serving requests: its statements get the requests' pool and time limits.
     */
    private static QueuedThreadPool requestThreads() {
        var pool = new QueuedThreadPool(HTTP_THREADS, 4, (int) Duration.ofSeconds(30).toMillis()) {
            @Override
            public Thread newThread(Runnable runnable) {
                return super.newThread(Database.servingRequests(runnable));
            }
        };
        pool.setName("http");
        return pool;
    }

    public int port() {
        return server.port();
    }

    public PulseScheduler scheduler() {
        return scheduler;
    }

    public Database database() {
        return database;
    }

    /** What every feature registered: its commands, buttons and forms. */
    public Router router() {
        return router;
    }

    /**
     * Stops the service, as SIGTERM asks, within 30 s: the HTTP server refuses new connections and answers the
     * requests in flight, the work that runs after acknowledgements finishes, the scheduler waits for its running
     * jobs, the pool closes, and only then the embedded PostgreSQL stops. One log line says how it went.
     */
    @Override
    public void close() {
        stopping.set(true);
        var shutdown = new Shutdown();
        shutdown.stop("HTTP server", Shutdown.HTTP_DRAIN.plusSeconds(1), () -> Shutdown.drain(server));
        shutdown.stop("outbox", Duration.ofSeconds(8), () -> {
            outbox.close();
            return "outbox stopped, its claims finished or given back";
        });
        shutdown.stop("scheduler", Duration.ofSeconds(5), () -> {
            scheduler.close();
            return "scheduler stopped";
        });
        shutdown.stop("database", Duration.ofSeconds(7), () -> {
            database.close();
            metrics.close();
            return "database closed";
        });
        shutdown.done();
    }
}
