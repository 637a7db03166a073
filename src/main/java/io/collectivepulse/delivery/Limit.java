package io.collectivepulse.delivery;

import java.time.Duration;

/**
 * One limit a platform publishes, on a key such as {@code slack:T0:C0:post}: a bucket of {@code count} calls
 * refilled at {@code count / per} (Slack's "about one message a second per channel, short bursts allowed"), or at
 * most {@code count} calls in any {@code per} (Teams' windows). A scope carries no count: it names what a
 * platform's Retry-After applies to (a method in a workspace), so that nothing is sent there before it ends.
 */
public record Limit(String key, Kind kind, int count, Duration per) {
    public enum Kind { BUCKET, WINDOW, SCOPE }

    public static Limit bucket(String key, int burst, double perSecond) {
        return new Limit(key, Kind.BUCKET, burst, Duration.ofNanos((long) (burst / perSecond * 1e9)));
    }

    public static Limit window(String key, int count, Duration per) {
        return new Limit(key, Kind.WINDOW, count, per);
    }

    public static Limit scope(String key) {
        return new Limit(key, Kind.SCOPE, 0, Duration.ZERO);
    }
}
