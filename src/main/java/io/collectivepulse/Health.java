package io.collectivepulse;

import io.collectivepulse.db.Database;
import io.collectivepulse.schedule.PulseScheduler;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /health}: 200 when the database answers and the scheduler runs, 503 naming what fails. */
final class Health implements Handler {
    private final Database database;
    private final PulseScheduler scheduler;

    Health(Database database, PulseScheduler scheduler) {
        this.database = database;
        this.scheduler = scheduler;
    }

    @Override
    public void handle(Context ctx) {
        boolean databaseUp = database.isUp();
        boolean schedulerUp = scheduler.isRunning();
        ctx.status(databaseUp && schedulerUp ? 200 : 503)
                .contentType("application/json")
                .result("{\"database\":\"" + (databaseUp ? "up" : "down")
                        + "\",\"scheduler\":\"" + (schedulerUp ? "started" : "stopped") + "\"}");
    }
}
