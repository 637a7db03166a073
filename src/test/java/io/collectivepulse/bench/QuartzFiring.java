package io.collectivepulse.bench;

import io.collectivepulse.schedule.PulseScheduler;

import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.quartz.DateBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * Rounds of triggers all due at the same instant, ten seconds after they are stored, and how late each one
 * runs: the lag from its due time to the start of its job.
 */
final class QuartzFiring {
    static final Duration WAIT = Duration.ofSeconds(60);

    private final AtomicReference<Round> current = new AtomicReference<>();

    /**
     * How late {@code expected} triggers due at the same instant ran; those not run within {@link #WAIT} count as
     * {@link #WAIT} late, so a percentile equal to it means "at least".
     */
    record Firing(int expected, int fired, Histogram lagMillis) {
        String format() {
            return "p50 %s, p99 %s, max %s (%d of %d ran within %d s)".formatted(millis(50), millis(99), millis(100),
                    fired, expected, WAIT.toSeconds());
        }

        private String millis(double percentile) {
            long value = lagMillis.getValueAtPercentile(percentile);
            return lagMillis.valuesAreEquivalent(value, WAIT.toMillis()) ? "≥ %d s".formatted(WAIT.toSeconds())
                    : "%,d ms".formatted(value);
        }
    }

    /** Records how late it runs after the instant its trigger was due. */
    public static final class FiringProbe implements Job {
        private final Round round;

        FiringProbe(Round round) {
            this.round = round;
        }

        @Override
        public void execute(JobExecutionContext context) {
            if (!context.getJobDetail().getKey().getName().equals(round.job())) {
                return;  // a straggler of an earlier round
            }
            round.lagMillis().recordValue(Math.max(0,
                    System.currentTimeMillis() - context.getScheduledFireTime().getTime()));
            round.fired().countDown();
        }
    }

    /** One round of simultaneous triggers, all for one job. */
    private record Round(String job, Histogram lagMillis, CountDownLatch fired) {
        Round(String job, int count) {
            this(job, new ConcurrentHistogram(TimeUnit.MINUTES.toMillis(10), 3), new CountDownLatch(count));
        }
    }

    /** Makes the scheduler build probe jobs (it runs nothing else in this benchmark). */
    PulseScheduler register(PulseScheduler scheduler) throws SchedulerException {
        scheduler.quartz().setJobFactory((bundle, quartz) -> new FiringProbe(current.get()));
        return scheduler;
    }

    /** Schedules {@code count} triggers due at the same instant and waits for them, {@link #WAIT} at most. */
    Firing fire(Scheduler quartz, int count) throws Exception {
        var round = new Round("firing-probe-" + UUID.randomUUID(), count);
        current.set(round);
        Date due = schedule(quartz, round.job(), count);
        round.fired().await(due.getTime() - System.currentTimeMillis() + WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Histogram lag = round.lagMillis().copy();
        int fired = (int) lag.getTotalCount();
        lag.recordValueWithCount(WAIT.toMillis(), count - fired);
        return new Firing(count, fired, lag);
    }

    /** Triggers all due at the same instant, ten seconds from now, stored in one transaction. */
    private static Date schedule(Scheduler quartz, String job, int count) throws SchedulerException {
        JobDetail probe = JobBuilder.newJob(FiringProbe.class).withIdentity(job, "bench").storeDurably().build();
        Date due = DateBuilder.evenSecondDate(new Date(System.currentTimeMillis() + 10_000));
        Set<Trigger> triggers = new HashSet<>();
        for (int i = 0; i < count; i++) {
            triggers.add(TriggerBuilder.newTrigger().withIdentity("probe-" + i, job).forJob(probe)
                    .startAt(due).withSchedule(SimpleScheduleBuilder.simpleSchedule()).build());
        }
        quartz.scheduleJobs(Map.of(probe, triggers), true);
        return due;
    }
}
