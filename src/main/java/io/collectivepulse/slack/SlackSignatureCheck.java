package io.collectivepulse.slack;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;

/**
 * Slack's v0 request signature: HMAC-SHA256 of {@code v0:timestamp:body} with the signing secret, computed
 * by the Slack SDK, compared in constant time (Bolt's own check uses {@code String.equals}), with timestamps
 * more than five minutes away from {@code clock}, before or after, refused.
 */
final class SlackSignatureCheck {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final SlackSignature.Generator generator;
    private final Clock clock;

    SlackSignatureCheck(String signingSecret, Clock clock) {
        this.generator = new SlackSignature.Generator(signingSecret);
        this.clock = clock;
    }

    boolean isValid(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null || body == null || !isRecent(timestamp)) {
            return false;
        }
        String expected = generator.generate(timestamp, body);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    /** Within five minutes of now, in either direction (the SDK's own check only looks back). */
    private boolean isRecent(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp);
            return Math.abs(clock.instant().getEpochSecond() - seconds) <= MAX_SKEW.toSeconds();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
