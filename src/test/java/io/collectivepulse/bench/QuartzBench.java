package io.collectivepulse.bench;

import io.collectivepulse.Config;
import io.collectivepulse.TestDatabase;
import io.collectivepulse.db.Database;
import io.collectivepulse.schedule.PulseScheduler;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * The Quartz JDBC store with the service's own settings ({@link PulseScheduler}: clustered JobStoreTX, 4
 * threads) on a database of the embedded PostgreSQL: weekly cron triggers in Europe/Paris, one per community,
 * scheduled one per transaction and by batches; the service's start with them stored, against its start on
 * the same database before; and the firing lag of many triggers due at the same instant, on the empty store
 * and with the weekly triggers stored.
 */
final class QuartzBench {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int ONE_BY_ONE = 1_000;
    private static final int BATCH = 1_000;

    /** The figures of the scheduler phase. */
    record Figures(int triggers, Duration oneByOne, Duration batched, Duration startBefore, Duration startAfter,
                   QuartzFiring.Firing emptyStore, QuartzFiring.Firing fullStore, QuartzAcquisition numeric,
                   QuartzAcquisition bigint) {
        double oneByOneMillisPerTrigger() {
            return oneByOne.toNanos() / 1e6 / ONE_BY_ONE;
        }

        double batchedMicrosPerTrigger() {
            return batched.toNanos() / 1e3 / (triggers - ONE_BY_ONE);
        }
    }

    /** A community's weekly job; it never fires during the bench (its day is never today). */
    public static final class WeeklyDigest implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            // The digest is being written on main; firing is measured with QuartzFiring.
        }
    }

    private QuartzBench() {
    }

    static Figures run(Map<String, String> serviceEnv, int triggers, int simultaneous) throws Exception {
        Map<String, String> env = new HashMap<>(serviceEnv);
        env.put("DATABASE_URL", TestDatabase.newDatabase());
        var firing = new QuartzFiring();
        try (Database database = Database.open(Config.fromEnv(env))) {
            Duration startBefore = serviceStart(env);
            var scheduler = firing.register(new PulseScheduler(database.backgroundDataSource()));
            try {
                Scheduler quartz = scheduler.quartz();
                scheduler.start();
                System.out.println("Quartz: firing " + simultaneous + " triggers on an empty store");
                QuartzFiring.Firing empty = firing.fire(quartz, simultaneous);
                quartz.standby();
                Duration[] storing = store(quartz, triggers);
                Duration startAfter = serviceStart(env);
                var numeric = QuartzAcquisition.measure(database.backgroundDataSource(), true);
                var bigint = QuartzAcquisition.measure(database.backgroundDataSource(), false);
                quartz.start();
                System.out.println("Quartz: firing " + simultaneous + " triggers with " + triggers + " stored");
                QuartzFiring.Firing full = firing.fire(quartz, simultaneous);
                return new Figures(triggers, storing[0], storing[1], startBefore, startAfter, empty, full, numeric,
                        bigint);
            } finally {
                scheduler.close();
            }
        }
    }

    /** Stores the weekly triggers: the first ones one per transaction, the others by batches; both durations. */
    private static Duration[] store(Scheduler quartz, int triggers) throws SchedulerException {
        JobDetail digest = JobBuilder.newJob(WeeklyDigest.class).withIdentity("weekly-digest", "bench")
                .storeDurably().build();
        quartz.addJob(digest, false);
        long start = System.nanoTime();
        for (int i = 0; i < ONE_BY_ONE; i++) {
            quartz.scheduleJob(weekly(digest, i));
        }
        Duration oneByOne = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        for (int first = ONE_BY_ONE; first < triggers; first += BATCH) {
            Set<Trigger> batch = new HashSet<>();
            for (int i = first; i < Math.min(triggers, first + BATCH); i++) {
                batch.add(weekly(digest, i));
            }
            quartz.scheduleJobs(Map.of(digest, batch), true);
        }
        Duration batched = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("Quartz: %d weekly triggers stored in %s + %s%n", triggers, oneByOne, batched);
        return new Duration[] {oneByOne, batched};
    }

    /** Community {@code i}'s weekly trigger: spread over every minute of the week but today. */
    private static Trigger weekly(JobDetail digest, int i) {
        List<DayOfWeek> days = new ArrayList<>(List.of(DayOfWeek.values()));
        days.remove(ZonedDateTime.now(PARIS).getDayOfWeek());
        int slot = i % (days.size() * 24 * 60);
        // Quartz counts days from Sunday = 1.
        int day = days.get(slot / (24 * 60)).getValue() % 7 + 1;
        return TriggerBuilder.newTrigger()
                .withIdentity("community-" + i, "weekly-digest")
                .forJob(digest)
                .usingJobData("community", Integer.toString(i))
                .withSchedule(CronScheduleBuilder.weeklyOnDayAndHourAndMinute(day, slot / 60 % 24, slot % 60)
                        .inTimeZone(java.util.TimeZone.getTimeZone(PARIS)))
                .build();
    }

    /** The service's start on this database, JVM start included; it is stopped straight away. */
    private static Duration serviceStart(Map<String, String> env) {
        try (var service = TargetProcess.start("service-quartz", "service", env, List.of())) {
            return service.startTime();
        }
    }
}
