package io.collectivepulse.archfixture.good;

import io.collectivepulse.archfixture.good.community.CommunityService;
import io.collectivepulse.archfixture.good.db.Database;
import io.collectivepulse.archfixture.good.delivery.Outbox;
import io.collectivepulse.archfixture.good.router.Router;
import io.collectivepulse.archfixture.good.schedule.Planner;
import io.collectivepulse.archfixture.good.signal.SignalCommands;
import io.collectivepulse.archfixture.good.signal.SignalDao;
import io.collectivepulse.archfixture.good.signal.SignalService;
import io.collectivepulse.archfixture.good.slack.SlackRenderer;
import io.collectivepulse.archfixture.good.teams.TeamsRenderer;
import io.javalin.Javalin;
import org.quartz.Scheduler;

/** The root wiring: it may know every package, the HTTP server and Quartz. */
public record Wiring(SignalService signals, Router router, SlackRenderer slack, TeamsRenderer teams, Javalin server) {
    public static Wiring create(Scheduler scheduler) {
        var database = new Database("jdbc:postgresql://localhost/fixture");
        var signals = new SignalService(new SignalDao(database.jdbi()), new CommunityService(), new Outbox());
        var router = new Router();
        SignalCommands.register(router, signals);
        new Planner(scheduler).planReminders();
        return new Wiring(signals, router, new SlackRenderer(), new TeamsRenderer(), Javalin.create());
    }
}
