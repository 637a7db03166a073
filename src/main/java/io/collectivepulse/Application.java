package io.collectivepulse;

import io.collectivepulse.chat.Messengers;
import io.collectivepulse.chat.Platform;
import io.collectivepulse.command.CommandDispatcher;
import io.collectivepulse.community.CommunityDao;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.db.Database;
import io.collectivepulse.digest.DigestDao;
import io.collectivepulse.digest.DigestService;
import io.collectivepulse.schedule.DigestJob;
import io.collectivepulse.schedule.DigestTriggers;
import io.collectivepulse.schedule.PulseScheduler;
import io.collectivepulse.signal.SignalDao;
import io.collectivepulse.signal.SignalService;
import io.collectivepulse.slack.SlackBridge;
import io.collectivepulse.slack.SlackInstallationDao;
import io.collectivepulse.schedule.HousekeepingJob;
import io.collectivepulse.teams.ConversationReferenceDao;
import io.collectivepulse.teams.DeliveredActivityDao;
import io.collectivepulse.teams.TeamsBridge;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running service: database, scheduler and HTTP server, wired with constructors. */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    /** The most requests served at once (see {@link #requestThreads()}). */
    static final int HTTP_THREADS = 32;

    private final Database database;
    private final PulseScheduler scheduler;
    private final Javalin server;
    private final Optional<SlackBridge> slack;
    private final SignalService signals;

    private Application(Database database, PulseScheduler scheduler, Javalin server, Optional<SlackBridge> slack,
                        SignalService signals) {
        this.database = database;
        this.scheduler = scheduler;
        this.server = server;
        this.slack = slack;
        this.signals = signals;
    }

    /** Opens the database, starts the scheduler and the HTTP server; {@code clock} is the service's time. */
    public static Application start(Config config, Clock clock) {
        Database database = Database.open(config);
        PulseScheduler scheduler = null;
        try {
            var jdbi = database.jdbi();
            var messengers = new Messengers();
            var communities = new CommunityService(new CommunityDao(jdbi), clock,
                    config.defaultLocale(), config.defaultTimeZone());
            var signals = new SignalService(new SignalDao(jdbi), communities, messengers, clock);

            scheduler = new PulseScheduler(database.dataSource());
            var digests = new DigestService(new DigestDao(jdbi), communities, messengers,
                    new DigestTriggers(scheduler.quartz()), clock);
            scheduler.register(DigestJob.class, () -> new DigestJob(digests));
            var delivered = new DeliveredActivityDao(jdbi);
            scheduler.register(HousekeepingJob.class, () -> new HousekeepingJob(
                    () -> delivered.forgetBefore(clock.instant().minus(Duration.ofDays(2)))));
            var dispatcher = new CommandDispatcher(communities, signals, digests);

            Optional<SlackBridge> slackBridge = config.slack().map(s -> new SlackBridge(s, config.baseUrl(), dispatcher,
                    new SlackInstallationDao(jdbi), clock));
            slackBridge.ifPresent(bridge -> messengers.register(Platform.SLACK, bridge.messenger()));
            Handler slack = slackBridge.<Handler>map(bridge -> bridge)
                    .orElse(ctx -> ctx.status(503).result("Slack is not configured on this server"));
            var teamsBridge = new TeamsBridge(config.teams(), dispatcher,
                    new ConversationReferenceDao(jdbi), delivered, clock);
            messengers.register(Platform.TEAMS, teamsBridge.messenger());
            Handler teams = teamsBridge;
            scheduler.start();
            HousekeepingJob.plan(scheduler.quartz());
            digests.planMissing();
            Handler health = new Health(database, scheduler);

            List<String> endpoints = new ArrayList<>();
            Javalin server = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.jetty.port = config.port();
                javalin.jetty.threadPool = requestThreads();
                endpoints.addAll(Routes.declare(javalin.routes, slack, teams, health));
                slackBridge.filter(SlackBridge::distributed)
                        .ifPresent(bridge -> endpoints.addAll(Routes.declareSlackInstallation(javalin.routes,
                                bridge.installation())));
            }).start();
            endpoints.forEach(line -> LOG.info("Endpoint {}", line));
            LOG.info("Slack: {}", config.slackStatus());
            LOG.info("Teams: {}", config.teamsStatus());
            LOG.info("Collective Pulse listening on port {}", server.port());
            return new Application(database, scheduler, server, slackBridge, signals);
        } catch (RuntimeException e) {
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
     */
    private static QueuedThreadPool requestThreads() {
        var pool = new QueuedThreadPool(HTTP_THREADS, 4, (int) Duration.ofSeconds(30).toMillis());
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

    @Override
    public void close() {
        server.stop();
        try {
            if (slack.isPresent()) {
                slack.get().close();
            }
            signals.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.close();
        database.close();
    }
}
