package io.collectivepulse.schedule;

import io.collectivepulse.community.Community;
import io.collectivepulse.digest.DigestPlanner;
import java.time.Instant;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * One Quartz cron trigger per community for its weekly digest, computed in the community's time zone so that
 * 09:00 stays 09:00 across daylight-saving changes. A digest missed while the service was down fires once
 * when it comes back (within the misfire threshold it is simply late; beyond, it fires once at start).
 */
public final class DigestTriggers implements DigestPlanner {
    static final String GROUP = "digest";

    private final Scheduler scheduler;

    public DigestTriggers(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void plan(Community community) {
        try {
            JobKey job = jobKey(community.id());
            if (!community.digestEnabled()) {
                scheduler.deleteJob(job);
                return;
            }
            JobDetail detail = JobBuilder.newJob(DigestJob.class).withIdentity(job)
                    .usingJobData(DigestJob.COMMUNITY_ID, Long.toString(community.id()))
                    .storeDurably(false).build();
            Trigger trigger = trigger(community);
            scheduler.scheduleJob(detail, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not plan the digest of community " + community.id(), e);
        }
    }

    @Override
    public Optional<Instant> next(Community community) {
        try {
            Trigger trigger = scheduler.getTrigger(triggerKey(community.id()));
            return trigger == null || trigger.getNextFireTime() == null ? Optional.empty()
                    : Optional.of(trigger.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read the digest trigger of community " + community.id(), e);
        }
    }

    /** The community's digest trigger, exposed so that tests can compute its fire times without waiting. */
    public static CronTrigger trigger(Community community) {
        int quartzDay = community.digestDay().getValue() % 7 + 1; // Quartz: 1 = Sunday; java.time: 7 = Sunday
        return TriggerBuilder.newTrigger().withIdentity(triggerKey(community.id()))
                .withSchedule(CronScheduleBuilder
                        .atHourAndMinuteOnGivenDaysOfWeek(community.digestTime().getHour(),
                                community.digestTime().getMinute(), quartzDay)
                        .inTimeZone(TimeZone.getTimeZone(community.timeZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    static JobKey jobKey(long communityId) {
        return JobKey.jobKey("community-" + communityId, GROUP);
    }

    static TriggerKey triggerKey(long communityId) {
        return TriggerKey.triggerKey("community-" + communityId, GROUP);
    }
}
