package io.collectivepulse.delivery;

import java.time.Duration;

/** What a platform answered to one message the outbox sent. */
public sealed interface Outcome {
    /** Delivered; {@code messageId} is the platform's id of the message, to redraw or delete it later. */
    record Sent(String messageId) implements Outcome {
    }

    /**
     * Not delivered this time: rate limited, a platform error, a time-out. {@code after} is the least the platform
     * asked to wait (its Retry-After), or zero; {@code scope} what that wait applies to ({@code chat.postMessage}
     * in a workspace), or null.
     */
    record Retry(Duration after, String scope, String reason) implements Outcome {
    }

    /** Never deliverable as things are (the bot was removed from the channel, the app uninstalled…). */
    record Failed(String reason) implements Outcome {
    }
}
