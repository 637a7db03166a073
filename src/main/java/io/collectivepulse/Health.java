package io.collectivepulse;

import io.collectivepulse.db.Database;
import io.collectivepulse.schedule.PulseScheduler;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.BooleanSupplier;

/**
 * The health endpoints, each answered at once whatever the database does (its state is watched from a thread of its
 * own, see {@link Database#isUp()}):
 * <ul>
 *   <li>{@code GET /health/live}: 200 as long as the process serves HTTP, for a liveness probe: restarting the
 *       service would not bring a database back;</li>
 *   <li>{@code GET /health/ready}: 200 when the database answers, the scheduler runs and the service is not
 *       stopping, 503 otherwise, for a readiness probe and a load balancer;</li>
 *   <li>{@code GET /health}: the same as readiness, naming each part, for people.</li>
 * </ul>
 */
final class Health {
    private final Database database;
    private final PulseScheduler scheduler;
    private final BooleanSupplier stopping;

    Health(Database database, PulseScheduler scheduler, BooleanSupplier stopping) {
        this.database = database;
        this.scheduler = scheduler;
        this.stopping = stopping;
    }

    Handler live() {
        return ctx -> ctx.status(200).contentType("application/json").result("{\"status\":\"live\"}");
    }

    Handler ready() {
        return ctx -> answer(ctx, false);
    }

    Handler people() {
        return ctx -> answer(ctx, true);
    }

    private void answer(Context ctx, boolean detailed) {
        boolean databaseUp = database.isUp();
        boolean schedulerUp = scheduler.isRunning();
        boolean accepting = !stopping.getAsBoolean();
        boolean ready = databaseUp && schedulerUp && accepting;
        String body = "{\"database\":\"" + (databaseUp ? "up" : "down")
                + "\",\"scheduler\":\"" + (schedulerUp ? "started" : "stopped") + "\""
                + (accepting ? "" : ",\"service\":\"stopping\"") + "}";
        ctx.status(ready ? 200 : 503).contentType("application/json")
                .result(detailed || !ready ? body : "{\"status\":\"ready\"}");
    }
}
