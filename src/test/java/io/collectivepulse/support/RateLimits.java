package io.collectivepulse.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack's published rate limits, as token buckets: chat.postMessage about one message per second per channel
 * with short bursts allowed (here 20), chat.postEphemeral likewise, chat.update in Tier 3 (50 a minute) and
 * users.info in Tier 4 (100 a minute).
 */
final class RateLimits {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    boolean allow(String method, String channel) {
        return switch (method) {
            case "chat.postMessage", "chat.postEphemeral" ->
                    buckets.computeIfAbsent(method + "/" + channel, k -> new Bucket(FakeSlackApi.POST_BURST, FakeSlackApi.POST_PER_SECOND)).take();
            case "chat.update" -> buckets.computeIfAbsent(method, k -> new Bucket(50, 50.0 / 60)).take();
            // Tier 4: 100 calls a minute and more; short bursts of 20.
            case "users.info" -> buckets.computeIfAbsent(method, k -> new Bucket(20, 100.0 / 60)).take();
            default -> true;
        };
    }

    private static final class Bucket {
        private final double capacity;
        private final double perSecond;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double capacity, double perSecond) {
            this.capacity = capacity;
            this.perSecond = perSecond;
            this.tokens = capacity;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
