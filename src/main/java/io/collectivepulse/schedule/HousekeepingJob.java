package io.collectivepulse.schedule;

import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;

/** Once a day: forgets what no longer needs remembering (the Teams activities of more than two days ago). */
@DisallowConcurrentExecution
public final class HousekeepingJob implements Job {
    private final Runnable work;

    public HousekeepingJob(Runnable work) {
        this.work = work;
    }

    @Override
    public void execute(JobExecutionContext context) {
        work.run();
    }

    /** Plans the daily run at 03:30 UTC; idempotent, so every replica may call it at start. */
    public static void plan(Scheduler scheduler) {
        try {
            var job = JobBuilder.newJob(HousekeepingJob.class).withIdentity("housekeeping", "system").build();
            var trigger = TriggerBuilder.newTrigger().withIdentity("housekeeping", "system")
                    .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(3, 30).inTimeZone(TimeZone.getTimeZone("UTC"))
                            .withMisfireHandlingInstructionDoNothing())
                    .build();
            scheduler.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not plan the housekeeping job", e);
        }
    }
}
