/**
 * What an operator sees of the running service: {@code GET /metrics} in Prometheus' text format (HTTP requests by
 * route, platform and outcome with their latency; the outbox's deliveries, retries, 429s and backlog; Quartz
 * misfires; the JVM and the connection pool), and the request id and platform put on every log line written while
 * a request is served. Built on Micrometer, which nothing else imports: the outbox and the scheduler only keep plain
 * counts, which this package reads.
 */
package io.collectivepulse.metrics;
