package io.collectivepulse.archfixture.bad.digest;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** A feature that plans its work on Quartz directly instead of through schedule's API. */
final class DigestTimer {
    private final Scheduler scheduler;

    DigestTimer(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void pause() throws SchedulerException {
        scheduler.pauseAll();
    }
}
