package io.collectivepulse.bench;

import io.collectivepulse.support.FakeSlackApi;
import io.collectivepulse.support.SlackSigner;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Issue 10's card latency: {@code /signal} at a fixed rate spread over {@value BenchRequests#CHANNELS} channels,
 * each linked to a community of its own, with the fake Slack enforcing chat.postMessage's published limit; for each
 * acknowledged signal, the time from its ack (answer received by the load generator) to its card's arrival at
 * the fake. Both clocks are this JVM's {@code nanoTime}. Beside it, the floor the limit itself puts on that time:
 * each card at the earliest instant the channel's bucket allows after its ack.
 */
final class CardLatency {
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(90);

    /** What one run measured; latencies in microseconds. */
    record Result(int rate, int channels, long acknowledged, long received, long duplicates, Histogram latency,
                  Histogram floor, long refused, long errors) {
        String row() {
            return "| %d /s over %d channels | %,d | %,d | %d | %.0f | %.0f | %.0f | %.0f | %d |".formatted(rate,
                    channels, acknowledged, received, duplicates, millis(latency, 50), millis(latency, 99),
                    latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0, millis(floor, 99),
                    refused);
        }

        private static double millis(Histogram histogram, double percentile) {
            return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private CardLatency() {
    }

    /** Links the channels (once per service process), then runs the load and waits for every card. */
    static Result measure(LoadGenerator generator, String slackUrl, SlackSigner signer, FakeSlackApi slackApi,
                          int rate, Duration duration) throws Exception {
        link(slackUrl, signer);
        TimeUnit.SECONDS.sleep(2);
        drain(slackApi, Duration.ZERO, new HashMap<>());
        long refusedBefore = slackApi.refused().size();
        slackApi.enforceRateLimits(true);
        try {
            Map<HttpRequest, Long> numbers = Collections.synchronizedMap(new IdentityHashMap<>());
            Map<Long, Long> acked = new ConcurrentHashMap<>();
            var counter = new AtomicLong();
            Supplier<HttpRequest> requests = () -> {
                long n = counter.incrementAndGet();
                HttpRequest request = BenchRequests.slack(slackUrl, signer,
                        BenchRequests.channel(BenchRequests.CARD_CHANNELS_PREFIX, n), "/signal", BenchRequests.text(n));
                numbers.put(request, n);
                return request;
            };
            var load = generator.fixedRate("cards", requests, rate, duration,
                    (request, at) -> acked.put(numbers.get(request), at));
            Map<Long, List<Long>> arrivals = new HashMap<>();
            long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
            while (arrivals.size() < acked.size() && System.nanoTime() < deadline) {
                drain(slackApi, Duration.ofMillis(500), arrivals);
            }
            var latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
            long duplicates = 0;
            for (var arrival : arrivals.entrySet()) {
                Long ack = acked.get(arrival.getKey());
                if (ack != null) {
                    latency.recordValue(Math.max(0, (arrival.getValue().get(0) - ack) / 1000));
                }
                duplicates += arrival.getValue().size() - 1;
            }
            return new Result(rate, BenchRequests.CHANNELS, acked.size(), arrivals.size(), duplicates, latency,
                    floor(acked), slackApi.refused().size() - refusedBefore, load.errors());
        } finally {
            slackApi.enforceRateLimits(false);
        }
    }

    /** One community per channel, so that each signal's card goes to its own channel only. */
    private static void link(String slackUrl, SlackSigner signer) throws Exception {
        var client = HttpClient.newHttpClient();
        for (int i = 0; i < BenchRequests.CHANNELS; i++) {
            String channel = BenchRequests.channel(BenchRequests.CARD_CHANNELS_PREFIX, i);
            var linked = client.send(BenchRequests.slack(slackUrl, signer, channel, "/pulse", "lier Cartes " + i),
                    HttpResponse.BodyHandlers.ofString());
            if (linked.statusCode() != 200) {
                throw new IllegalStateException("Could not link " + channel + ": " + linked.body());
            }
        }
    }

    /** Takes the posts received so far (waiting at most {@code wait} for one), keeping the card channels' cards. */
    private static void drain(FakeSlackApi slackApi, Duration wait, Map<Long, List<Long>> arrivals)
            throws InterruptedException {
        try {
            for (Duration next = wait; ; next = Duration.ZERO) {
                FakeSlackApi.Call call = slackApi.nextPost(next);
                String channel = call.params().getOrDefault("channel", "");
                if (call.method().equals("chat.postMessage") && channel.startsWith(BenchRequests.CARD_CHANNELS_PREFIX)) {
                    long n = BenchRequests.number(call.message().toString());
                    if (n > 0) {
                        arrivals.computeIfAbsent(n, k -> new ArrayList<>()).add(call.arrivedNanos());
                    }
                }
            }
        } catch (AssertionError none) {
            // Nothing more for now.
        }
    }

    /** The time the limit alone imposes: each channel's cards at the earliest instant its token bucket allows. */
    private static Histogram floor(Map<Long, Long> acked) {
        var floor = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Map<Long, List<Long>> byChannel = new HashMap<>();
        acked.forEach((n, at) -> byChannel.computeIfAbsent(n % BenchRequests.CHANNELS, k -> new ArrayList<>()).add(at));
        long refill = (long) (1e9 / FakeSlackApi.POST_PER_SECOND);
        for (List<Long> acks : byChannel.values()) {
            Collections.sort(acks);
            double tokens = FakeSlackApi.POST_BURST;
            long last = acks.get(0);
            for (long ack : acks) {
                // In order: a card waits for the ones acknowledged before it in its channel, then for a token.
                long sent = Math.max(ack, last);
                tokens = Math.min(FakeSlackApi.POST_BURST, tokens + (double) (sent - last) / refill);
                if (tokens < 1) {
                    sent += (long) ((1 - tokens) * refill);
                    tokens = 1;
                }
                tokens -= 1;
                last = sent;
                floor.recordValue((sent - ack) / 1000);
            }
        }
        return floor;
    }
}
