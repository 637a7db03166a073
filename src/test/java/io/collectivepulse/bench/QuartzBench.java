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
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.quartz.CronScheduleBuilder;
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
 * The Quartz JDBC store with the service's own settings ({@link PulseScheduler}: clustered JobStoreTX, 4
 * threads) on a database of the embedded PostgreSQL: weekly cron triggers in Europe/Paris, one per community,
 * scheduled one per transaction and by batches; the service's start with them stored, against its start on
 * the same database before; and the firing lag of many triggers due at the same instant.
 */
final class QuartzBench {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int ONE_BY_ONE = 1_000;
    private static final int BATCH = 1_000;

    /** The figures of the scheduler phase. */
    record Figures(int triggers, Duration oneByOne, Duration batched, Duration startBefore, Duration startAfter,
                   Firing emptyStore, Firing fullStore, Acquisition numeric, Acquisition bigint) {
        double oneByOneMillisPerTrigger() {
            return oneByOne.toNanos() / 1e6 / ONE_BY_ONE;
        }

        double batchedMicrosPerTrigger() {
            return batched.toNanos() / 1e3 / (triggers - ONE_BY_ONE);
        }
    }

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

    /** The trigger acquisition query's plan and time, with the due-time bound as Quartz binds it or as BIGINT. */
    record Acquisition(String plan, double millis) {
    }

    static final Duration WAIT = Duration.ofSeconds(60);

    /** A community's weekly job; it never fires during the bench (its day is never today). */
    public static final class WeeklyDigest implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            // The digest is being written on main; firing is measured with FiringProbe.
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
            round.lagMillis.recordValue(Math.max(0,
                    System.currentTimeMillis() - context.getScheduledFireTime().getTime()));
            round.fired.countDown();
        }
    }

    /** One round of simultaneous triggers. */
    private record Round(String job, Histogram lagMillis, CountDownLatch fired) {
        Round(String job, int count) {
            this(job, new ConcurrentHistogram(TimeUnit.MINUTES.toMillis(10), 3), new CountDownLatch(count));
        }
    }

    private QuartzBench() {
    }

    static Figures run(Map<String, String> serviceEnv, int triggers, int simultaneous) throws Exception {
        Map<String, String> env = new HashMap<>(serviceEnv);
        env.put("DATABASE_URL", TestDatabase.newDatabase());
        var round = new AtomicReference<Round>();
        try (Database database = Database.open(Config.fromEnv(env))) {
            Duration startBefore = serviceStart(env);
            var scheduler = new PulseScheduler(database.dataSource())
                    .register(FiringProbe.class, () -> new FiringProbe(round.get()));
            try {
                Scheduler quartz = scheduler.quartz();
                scheduler.start();
                System.out.println("Quartz: firing " + simultaneous + " triggers on an empty store");
                Firing empty = fire(quartz, round, simultaneous);
                quartz.standby();
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
                Duration startAfter = serviceStart(env);
                Acquisition numeric = acquisition(database.dataSource(), true);
                Acquisition bigint = acquisition(database.dataSource(), false);
                quartz.start();
                System.out.println("Quartz: firing " + simultaneous + " triggers with " + triggers + " stored");
                Firing full = fire(quartz, round, simultaneous);
                return new Figures(triggers, oneByOne, batched, startBefore, startAfter, empty, full, numeric, bigint);
            } finally {
                scheduler.close();
            }
        }
    }

    /** Schedules {@code count} triggers due at the same instant and waits for them, {@link #WAIT} at most. */
    private static Firing fire(Scheduler quartz, AtomicReference<Round> current, int count) throws Exception {
        var round = new Round("firing-probe-" + UUID.randomUUID(), count);
        current.set(round);
        Date due = scheduleSimultaneous(quartz, round.job(), count);
        round.fired().await(due.getTime() - System.currentTimeMillis() + WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Histogram lag = round.lagMillis().copy();
        int fired = (int) lag.getTotalCount();
        lag.recordValueWithCount(WAIT.toMillis(), count - fired);
        return new Firing(count, fired, lag);
    }

    /**
     * Quartz's query for the next triggers to fire, explained and run by PostgreSQL: Quartz binds the due-time
     * bound as a NUMERIC ({@code setBigDecimal}) while the column is a BIGINT.
     */
    private static Acquisition acquisition(DataSource dataSource, boolean asQuartzBindsIt) throws SQLException {
        String sql = """
                EXPLAIN (ANALYZE) SELECT trigger_name, trigger_group, next_fire_time, priority FROM qrtz_triggers
                WHERE sched_name = ? AND trigger_state = 'WAITING' AND next_fire_time <= ?
                AND (misfire_instr = -1 OR (misfire_instr <> -1 AND next_fire_time >= ?))
                ORDER BY next_fire_time ASC, priority DESC""";
        long now = System.currentTimeMillis();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, PulseScheduler.CLUSTER_NAME);
            if (asQuartzBindsIt) {
                statement.setBigDecimal(2, BigDecimal.valueOf(now + 30_000));
                statement.setBigDecimal(3, BigDecimal.valueOf(now - 60_000));
            } else {
                statement.setLong(2, now + 30_000);
                statement.setLong(3, now - 60_000);
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    lines.add(result.getString(1).trim());
                }
            }
            String scan = lines.stream().filter(l -> l.contains("Scan")).findFirst().orElse(lines.get(0));
            double millis = lines.stream().filter(l -> l.startsWith("Execution Time:"))
                    .mapToDouble(l -> Double.parseDouble(l.replaceAll("[^0-9.]", ""))).findFirst().orElse(Double.NaN);
            return new Acquisition(scan.replaceAll("^->\\s*", "").replaceAll("\\s*\\(cost=.*", ""), millis);
        }
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

    /** Triggers all due at the same instant, ten seconds from now, stored in one transaction. */
    private static Date scheduleSimultaneous(Scheduler quartz, String job, int count) throws SchedulerException {
        JobDetail probe = JobBuilder.newJob(FiringProbe.class).withIdentity(job, "bench")
                .storeDurably().build();
        Date due = DateBuilder.evenSecondDate(new Date(System.currentTimeMillis() + 10_000));
        Set<Trigger> triggers = new HashSet<>();
        for (int i = 0; i < count; i++) {
            triggers.add(TriggerBuilder.newTrigger().withIdentity("probe-" + i, job).forJob(probe)
                    .startAt(due).withSchedule(SimpleScheduleBuilder.simpleSchedule()).build());
        }
        quartz.scheduleJobs(Map.of(probe, triggers), true);
        return due;
    }

    /** The service's start on this database, JVM start included; it is stopped straight away. */
    private static Duration serviceStart(Map<String, String> env) {
        try (var service = TargetProcess.start("service-quartz", "service", env)) {
            return service.startTime();
        }
    }
}
