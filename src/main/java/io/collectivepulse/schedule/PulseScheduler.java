package io.collectivepulse.schedule;

import java.sql.Connection;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.simpl.SimpleJobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz on the service's own PostgreSQL: JDBC job store, clustered, instance id AUTO, so that several
 * replicas share the triggers and each fires once. Jobs are built with their dependencies by the
 * factories given here; a job only calls a service.
 */
public final class PulseScheduler implements AutoCloseable {
    /** The cluster's name: every replica must use the same one to share triggers. */
    public static final String CLUSTER_NAME = "collective-pulse";

    private final Scheduler scheduler;

    private final Map<Class<? extends Job>, Supplier<Job>> jobs = new ConcurrentHashMap<>();

    public PulseScheduler(DataSource dataSource) {
        String dataSourceName = "pulse-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PooledConnections(dataSource));
        try {
            scheduler = new StdSchedulerFactory(properties(dataSourceName)).getScheduler();
            scheduler.setJobFactory((bundle, sched) -> newJob(jobs, bundle, sched));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not create the Quartz scheduler", e);
        }
    }

    /** Says how to build jobs of a class; call before {@link #start()}. */
    public <J extends Job> PulseScheduler register(Class<J> type, Supplier<J> factory) {
        jobs.put(type, factory::get);
        return this;
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not start the Quartz scheduler", e);
        }
    }

    /** True when the scheduler is running: started, not in stand-by, not shut down. */
    public boolean isRunning() {
        try {
            return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** The Quartz scheduler, for the services that plan jobs. */
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

    private static Job newJob(Map<Class<? extends Job>, Supplier<Job>> jobs, TriggerFiredBundle bundle,
                              Scheduler scheduler) throws SchedulerException {
        Supplier<Job> factory = jobs.get(bundle.getJobDetail().getJobClass());
        return factory != null ? factory.get() : new SimpleJobFactory().newJob(bundle, scheduler);
    }

    private static Properties properties(String dataSourceName) {
        var p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", CLUSTER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
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
