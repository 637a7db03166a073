package io.collectivepulse.schedule;

import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.ScheduleBuilder;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.simpl.SimpleJobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz on the service's own PostgreSQL: JDBC job store, clustered, instance id AUTO, so that several
 * replicas share the triggers and each fires once. Features plan through this class only, never through Quartz:
 * they register a task per kind of job ({@code digest}) — a service method taking an id — and plan triggers for
 * ids of that kind; the one job class, {@link TaskJob}, calls the task and nothing else.
 */
public final class PulseScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PulseScheduler.class);
    /** The cluster's name: every replica must use the same one to share triggers. */
    public static final String CLUSTER_NAME = "collective-pulse";

    private final Scheduler scheduler;
    private final Map<String, LongConsumer> tasks = new ConcurrentHashMap<>();
    private final Misfires misfires = new Misfires();

    public PulseScheduler(DataSource dataSource) {
        String dataSourceName = "pulse-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PooledConnections(dataSource));
        try {
            scheduler = new StdSchedulerFactory(properties(dataSourceName)).getScheduler();
            scheduler.setJobFactory((bundle, sched) -> newJob(bundle, sched));
            scheduler.getListenerManager().addTriggerListener(misfires);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not create the Quartz scheduler", e);
        }
    }

    /** Says which service method runs when a trigger of {@code kind} fires; call while wiring the service. */
    public PulseScheduler register(String kind, LongConsumer task) {
        tasks.put(kind, task);
        return this;
    }

    /** Starts firing triggers, after removing jobs whose class no longer exists (planned by an older version). */
    public void start() {
        try {
            forgetUnloadableJobs();
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start the Quartz scheduler", e);
        }
    }

    /**
     * Plans (or re-plans) a weekly trigger for {@code id} of {@code kind}, at {@code time} on {@code day} in
     * {@code zone}, daylight saving included. One missed while every replica was down fires once when one is back.
     */
    public void planWeekly(String kind, long id, DayOfWeek day, LocalTime time, ZoneId zone) {
        plan(kind, id, weekly(day, time, zone).withMisfireHandlingInstructionFireAndProceed());
    }

    /** Plans a daily trigger; one missed while every replica was down is skipped. */
    public void planDaily(String kind, long id, LocalTime time, ZoneId zone) {
        plan(kind, id, CronScheduleBuilder.dailyAtHourAndMinute(time.getHour(), time.getMinute())
                .inTimeZone(TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionDoNothing());
    }

    /**
     * Plans (or re-plans) a trigger that fires once at {@code at}; one missed while every replica was down fires
     * as soon as one is up again (the task decides whether it is still worth doing).
     */
    public void planOnce(String kind, long id, Instant at) {
        plan(kind, id, SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow(), at);
    }

    /** Removes the trigger of {@code id} of {@code kind}, if there is one. */
    public void cancel(String kind, long id) {
        try {
            scheduler.deleteJob(jobKey(kind, id));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not cancel " + kind + " " + id, e);
        }
    }

    /** When the trigger of {@code id} of {@code kind} fires next, if it is planned. */
    public Optional<Instant> next(String kind, long id) {
        try {
            Trigger trigger = scheduler.getTrigger(triggerKey(kind, id));
            return trigger == null || trigger.getNextFireTime() == null ? Optional.empty()
                    : Optional.of(trigger.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read the trigger of " + kind + " " + id, e);
        }
    }

    /** The ids of {@code kind} that have a trigger. */
    public Set<Long> planned(String kind) {
        try {
            return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(kind)).stream()
                    .map(key -> Long.parseLong(key.getName())).collect(Collectors.toUnmodifiableSet());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not list the triggers of " + kind, e);
        }
    }

    /** Fires the job of {@code id} of {@code kind} now, on whichever replica acquires it first. */
    public void fireNow(String kind, long id) {
        try {
            scheduler.triggerJob(jobKey(kind, id));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not fire " + kind + " " + id, e);
        }
    }

    /**
     * The weekly schedule as Quartz computes it, exposed so that tests can ask Quartz for its fire times
     * without waiting.
     */
    public static CronScheduleBuilder weekly(DayOfWeek day, LocalTime time, ZoneId zone) {
        int quartzDay = day.getValue() % 7 + 1; // Quartz: 1 = Sunday; java.time: 7 = Sunday
        return CronScheduleBuilder.atHourAndMinuteOnGivenDaysOfWeek(time.getHour(), time.getMinute(), quartzDay)
                .inTimeZone(TimeZone.getTimeZone(zone));
    }

    /** True when the scheduler is running: started, not in stand-by, not shut down. */
    public boolean isRunning() {
        try {
            return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** How many misfired triggers this replica's Quartz has handled since it started (for the metrics). */
    public long misfires() {
        return misfires.count();
    }

    /** Quartz itself, for the tests and benchmarks that look into it; features plan through this class. */
    public Scheduler quartz() {
        return scheduler;
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not stop the Quartz scheduler", e);
        }
    }

    private void plan(String kind, long id, CronScheduleBuilder schedule) {
        plan(kind, id, schedule, null);
    }

    private void plan(String kind, long id, ScheduleBuilder<? extends Trigger> schedule, Instant startAt) {
        JobDetail job = JobBuilder.newJob(TaskJob.class).withIdentity(jobKey(kind, id))
                .usingJobData(TaskJob.ID, Long.toString(id))
                // A replica that dies while the job runs: another runs it again (the tasks are idempotent).
                .requestRecovery(true).build();
        TriggerBuilder<? extends Trigger> builder = TriggerBuilder.newTrigger().withIdentity(triggerKey(kind, id))
                .withSchedule(schedule);
        Trigger trigger = (startAt == null ? builder : builder.startAt(Date.from(startAt))).build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not plan " + kind + " " + id, e);
        }
    }

    private void forgetUnloadableJobs() throws SchedulerException {
        for (String group : scheduler.getJobGroupNames()) {
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
                try {
                    scheduler.getJobDetail(key);
                } catch (JobPersistenceException e) {
                    LOG.info("Removing job {}, planned by an older version: {}", key, e.getMessage());
                    scheduler.deleteJob(key);
                }
            }
        }
    }

    private static JobKey jobKey(String kind, long id) {
        return JobKey.jobKey(Long.toString(id), kind);
    }

    private static TriggerKey triggerKey(String kind, long id) {
        return TriggerKey.triggerKey(Long.toString(id), kind);
    }

    private Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        return bundle.getJobDetail().getJobClass() == TaskJob.class ? new TaskJob(tasks)
                : new SimpleJobFactory().newJob(bundle, scheduler);
    }

    private static Properties properties(String dataSourceName) {
        var p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", CLUSTER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        // After PostgreSQL was unreachable, the scheduler tries again every 2 s, not every 15 s.
        p.setProperty("org.quartz.scheduler.dbFailureRetryInterval", "2000");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "10000");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }

    /** Lends Quartz connections from the service's pool instead of a second pool of its own. */
    private record PooledConnections(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // The pool belongs to the service and is closed with it.
        }

        @Override
        public void initialize() {
            // Nothing to set up: the pool already exists.
        }
    }
}
