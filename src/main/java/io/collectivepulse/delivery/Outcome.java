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
        /**
         * True when the platform asked the bot to slow down (HTTP 429, Slack's {@code ratelimited}): the senders
         * then name the scope the wait applies to, and only then.
         */
        public boolean rateLimited() {
            return scope != null;
        }
    }

    /**
     * Never deliverable as things are (the bot was removed from the channel, the app uninstalled…): {@code advice}
     * says what a facilitator can do about it.
     */
    record Failed(String reason, Advice advice) implements Outcome {
    }

    /** What makes a channel reachable again, as {@code /pulse etat} tells facilitators. */
    enum Advice {
        /** Invite the app into the channel. */
        INVITE,
        /** The channel was archived: link another one. */
        ARCHIVED,
        /** Install the app in the workspace again. */
        REINSTALL,
        /** Add the app to the team or conversation again. */
        ADD_AGAIN,
        /** The conversation blocks the app's messages: an administrator can lift it. */
        BLOCKED,
        /** The conversation no longer exists: link another one. */
        GONE,
        /** Mention the app once in the conversation, so that it can write there. */
        MENTION,
        /** Nothing a facilitator can do: the service's administrator should look. */
        OTHER
    }
}
