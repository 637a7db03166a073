package io.collectivepulse.archfixture.good.schedule;

import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** The scheduler's own API, the one place that plans on Quartz. */
public final class Planner {
    private final Scheduler scheduler;

    public Planner(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void planReminders() {
        try {
            scheduler.addJob(JobBuilder.newJob(SignalReminderJob.class).storeDurably().build(), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
