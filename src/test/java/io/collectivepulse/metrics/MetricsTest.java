package io.collectivepulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.support.Awaits;
import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.Http;
import io.collectivepulse.support.PulseService;
import io.collectivepulse.support.SlackClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} scraped over HTTP before and after a known sequence — Slack commands, a click whose redraw
 * Slack answers 429 twice, a Teams message, a request with a bad signature — and read back as Prometheus text: each
 * series moved by exactly what the sequence did.
 */
class MetricsTest {
    private static final String SECRET = "metrics-signing-secret-0123456789";
    private static final String TOKEN = "xoxb-metrics-token";
    private static final String METRICS_TOKEN = "scrape-me-0123456789";
    private static final String CONVERSATION = "19:metrics@thread.tacv2";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> BEARER = Map.of("Authorization", "Bearer " + METRICS_TOKEN);

    @RegisterExtension
    static final PulseService pulse = PulseService.builder().slackBot(SECRET, TOKEN).teams()
            .env("METRICS_TOKEN", METRICS_TOKEN).build();

    @Test
    void theSeriesCountWhatAKnownSequenceDid() {
        SlackClient anne = pulse.slack().as(FakeSlackApi.TEAM_ID, "C0METRICS", "U0ANNE", "anne");
        anne.command("/pulse", "lier Mesures");
        assertThat(pulse.teams().post(pulse.teamsMessage(CONVERSATION, "lier Mesures Teams")).statusCode())
                .isEqualTo(200);
        pulse.connector().await(sent -> sent.conversationId().equals(CONVERSATION), WAIT);
        PrometheusText before = quiet();
        int slackBefore = slackAccepted();
        int teamsBefore = pulse.connector().all().size();

        pulse.slackApi().throttleNext("chat.update", 2);
        String[] signal = postSignal(anne, "Les délais de recrutement s'allongent");
        postSignal(anne, "Deux postes vacants de plus");
        var bob = anne.as(FakeSlackApi.TEAM_ID, "C0METRICS", "U0BOB", "bob");
        assertThat(bob.press("signal.vote", signal[0], signal[1]).statusCode()).isEqualTo(200);
        assertThat(pulse.teams().post(pulse.teamsMessage(CONVERSATION, "signal Les équipes tournent")).statusCode())
                .isEqualTo(200);
        assertThat(Http.post(pulse.service().url("/slack/events"), "application/x-www-form-urlencoded", "a=b",
                Map.of()).statusCode()).isEqualTo(401);
        Awaits.until(() -> Optional.of(pulse.slackApi().accepted("chat.update")).filter(c -> !c.isEmpty()), WAIT,
                () -> "the redraw never reached Slack");
        pulse.connector().await(sent -> sent.cardText().contains("Les équipes tournent"), WAIT);
        PrometheusText after = quiet();

        String requests = "pulse_http_requests_seconds_count";
        assertThat(delta(before, after, requests, "endpoint", "/slack/events", "platform", "slack", "outcome", "2xx"))
                .as("two commands and a click").isEqualTo(3);
        assertThat(delta(before, after, requests, "endpoint", "/slack/events", "platform", "slack", "outcome", "4xx"))
                .as("the unsigned request").isEqualTo(1);
        assertThat(delta(before, after, requests, "endpoint", "/api/messages", "platform", "teams", "outcome", "2xx"))
                .as("the Teams message").isEqualTo(1);

        String deliveries = "pulse_outbox_deliveries_total";
        assertThat(delta(before, after, deliveries, "platform", "slack", "outcome", "sent"))
                .as("two cards and one redraw").isEqualTo(3).isEqualTo(slackAccepted() - slackBefore);
        assertThat(delta(before, after, deliveries, "platform", "teams", "outcome", "sent"))
                .isEqualTo(pulse.connector().all().size() - teamsBefore).isPositive();
        assertThat(delta(before, after, deliveries, "platform", "slack", "outcome", "failed")).isZero();
        assertThat(delta(before, after, deliveries, "platform", "slack", "outcome", "gave_up")).isZero();
        assertThat(delta(before, after, "pulse_outbox_retries_total", "platform", "slack")).isEqualTo(2);
        assertThat(delta(before, after, "pulse_outbox_rate_limited_total", "platform", "slack")).isEqualTo(2);
        assertThat(delta(before, after, "pulse_outbox_retries_total", "platform", "teams")).isZero();

        assertThat(after.sum("pulse_http_requests_seconds_bucket", "endpoint", "/slack/events", "outcome", "2xx",
                "le", "+Inf")).isEqualTo(after.sum(requests, "endpoint", "/slack/events", "outcome", "2xx"));
        assertThat(after.all("pulse_http_requests_seconds_bucket", "endpoint", "/api/messages", "le", "3.0"))
                .as("the bucket of Slack's 3 s").isNotEmpty();
        assertThat(after.sum("pulse_outbox_pending", "platform", "slack")).isZero();
        assertThat(after.sum("pulse_outbox_oldest_due_age_seconds", "platform", "slack")).isZero();
        assertThat(after.all("pulse_quartz_misfires_total")).hasSize(1);
        assertThat(after.sum("hikaricp_connections_max", "pool", "pulse")).isEqualTo(10);
        assertThat(after.has("hikaricp_connections_active")).isTrue();
        assertThat(after.sum("jvm_memory_used_bytes")).isPositive();
        assertThat(after.sum("jvm_threads_live_threads")).isPositive();
        assertThat(after.has("jvm_gc_memory_allocated_bytes_total")).isTrue();
        assertThat(after.sum("system_cpu_count")).isPositive();
    }

    @Test
    void onlyAScraperWithTheTokenGetsTheMetrics() {
        String url = pulse.service().url("/metrics");
        assertThat(Http.get(url).statusCode()).isEqualTo(401);
        assertThat(Http.get(url, Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
        assertThat(Http.get(url, Map.of("Authorization", METRICS_TOKEN)).statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = Http.get(url, BEARER);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    }

    @Test
    void routesAreNamedByTheirDeclaredPathNeverTheSecretInTheAddress() {
        var feed = Http.get(pulse.service().url("/calendrier/s3cret-feed-address.ics"),
                Map.of("X-Request-Id", "req-feed-1"));
        assertThat(feed.statusCode()).isEqualTo(404);
        assertThat(feed.headers().firstValue("X-Request-Id")).contains("req-feed-1");
        assertThat(Http.get(pulse.service().url("/nowhere/s3cret-path")).statusCode()).isEqualTo(404);

        String text = Http.get(pulse.service().url("/metrics"), BEARER).body();
        assertThat(text).doesNotContain("s3cret");
        PrometheusText scrape = PrometheusText.parse(text);
        assertThat(scrape.sum("pulse_http_requests_seconds_count", "endpoint", "/calendrier/{file}",
                "outcome", "4xx")).isEqualTo(1);
        assertThat(scrape.sum("pulse_http_requests_seconds_count", "endpoint", "unmatched")).isEqualTo(1);
    }

    /**
     * Scrapes until nothing waits in the outbox, on either platform, and every message the fakes took is counted
     * (a fake records a message before the service records that it was taken).
     */
    private static PrometheusText quiet() {
        return Awaits.until(() -> Optional.of(scrape()).filter(s -> s.sum("pulse_outbox_pending") == 0
                        && s.all("pulse_outbox_pending").size() == 2
                        && s.sum("pulse_outbox_deliveries_total", "platform", "slack", "outcome", "sent")
                        == slackAccepted()
                        && s.sum("pulse_outbox_deliveries_total", "platform", "teams", "outcome", "sent")
                        == pulse.connector().all().size()),
                WAIT, () -> "the outbox never settled: " + scrape().all("pulse_outbox_pending") + " "
                        + scrape().all("pulse_outbox_deliveries_total", "outcome", "sent") + ", Slack took "
                        + slackAccepted() + ", Teams " + pulse.connector().all().size());
    }

    private static PrometheusText scrape() {
        HttpResponse<String> response = Http.get(pulse.service().url("/metrics"), BEARER);
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    /** The messages Slack took: every kind of call the outbox makes there. */
    private static int slackAccepted() {
        return pulse.slackApi().accepted("chat.postMessage").size() + pulse.slackApi().accepted("chat.update").size()
                + pulse.slackApi().accepted("chat.postEphemeral").size();
    }

    /** Posts a signal and returns its id and the ts of its card in Slack. */
    private static String[] postSignal(SlackClient client, String text) {
        client.command("/signal", text);
        FakeSlackApi.Call card = pulse.slackApi().await(c -> c.method().equals("chat.postMessage")
                && SlackClient.text(c.message()).contains(text), WAIT);
        String id = card.message().path("blocks").findValues("value").get(0).asText();
        return new String[] {id, Awaits.messageId(pulse.service(), Long.parseLong(id))};
    }
}
