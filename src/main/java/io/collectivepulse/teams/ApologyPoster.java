package io.collectivepulse.teams;

import io.collectivepulse.chat.Card;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a member their message could not be handled, in its thread, when the outbox cannot: the database did not
 * answer, so nothing can be written for the outbox to send. Sent after the Bot Connector got its 200, by one thread
 * with a short queue; past it, apologies are dropped (and said in the log) rather than held in memory.
 */
final class ApologyPoster {
    private static final Logger LOG = LoggerFactory.getLogger(ApologyPoster.class);
    private final BotConnector connector;
    private final AdaptiveCardRenderer renderer;
    private final ThreadPoolExecutor sending = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100), runnable -> {
                Thread thread = new Thread(runnable, "teams-apologies");
                thread.setDaemon(true);
                return thread;
            });

    ApologyPoster(BotConnector connector, AdaptiveCardRenderer renderer) {
        this.connector = connector;
        this.renderer = renderer;
    }

    void apologise(String serviceUrl, String conversationId, String replyToId, Card apology) {
        try {
            sending.execute(() -> send(serviceUrl, conversationId, replyToId, apology));
        } catch (RejectedExecutionException e) {
            LOG.warn("Too many apologies waiting: one was dropped");
        }
    }

    private void send(String serviceUrl, String conversationId, String replyToId, Card apology) {
        try {
            var answer = connector.post(serviceUrl, conversationId, replyToId,
                    TeamsSender.activity(renderer, apology));
            if (answer.status() >= 300) {
                LOG.warn("An apology was refused by the Bot Connector: {}", answer.status());
            }
        } catch (IOException e) {
            LOG.warn("An apology could not be sent: {}", e.toString());
        }
    }
}
