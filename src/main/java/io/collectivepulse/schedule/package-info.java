/**
 * Quartz, set up once: a clustered JDBC job store on the service's PostgreSQL, and the only place that speaks to
 * Quartz. Features register a task per kind of job and plan weekly or daily triggers for their ids through
 * {@link io.collectivepulse.schedule.PulseScheduler}; the one job class calls the task and nothing else.
 */
package io.collectivepulse.schedule;
