package io.collectivepulse.signal;

import io.collectivepulse.chat.Actor;
import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Messenger;
import io.collectivepulse.community.Community;
import io.collectivepulse.community.CommunityService;
import io.collectivepulse.i18n.Messages;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each signal's card in its channel in step with the signal: posts it after the command is acknowledged
 * (a platform round trip is not the member's wait), and redraws it after clicks, edits and deletion.
 */
final class SignalCardDesk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalCardDesk.class);
    /** How long a card waits after a click before it is redrawn, to draw a burst of clicks once. */
    static final Duration REDRAW_DELAY = Duration.ofMillis(300);
    /** How many card posts may wait for the platform before commands post their own. */
    static final int PUBLISH_QUEUE = 200;

    private final SignalDao dao;
    private final CommunityService communities;
    private final Messenger messenger;
    private final Map<Long, Signal> deleted = new ConcurrentHashMap<>();
    private final CardRefresher refresher = new CardRefresher(REDRAW_DELAY, this::redraw);
    /**
     * Its queue is bounded: when the platform cannot keep up, the command that overflows it posts its card
     * itself, so that a burst slows acks down instead of piling up work and memory.
     */
    private final ExecutorService publisher = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(PUBLISH_QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "signal-publisher");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    SignalCardDesk(SignalDao dao, CommunityService communities, Messenger messenger) {
        this.dao = dao;
        this.communities = communities;
        this.messenger = messenger;
    }

    /**
     * Posts the card of a signal just stored, soon (after the ack); if the platform refuses, the author is told.
     * A new signal has no +1 and no claim yet, so its card is drawn from what was stored, without reading it back.
     */
    void post(Community community, Actor actor, ChannelRef channel, Signal signal) {
        publisher.execute(() -> publish(community, actor, channel, signal));
    }

    /** Redraws the card of a signal that changed (or was deleted: {@code gone} is then its last state). */
    void changed(Signal signal, boolean gone) {
        if (signal.messageId() == null) {
            return;
        }
        if (gone) {
            deleted.put(signal.id(), signal);
        }
        refresher.request(signal.id());
    }

    private void publish(Community community, Actor actor, ChannelRef channel, Signal signal) {
        Messages messages = Messages.of(community.locale());
        try {
            Optional<String> messageId = messenger.post(channel, SignalCards.card(messages, community, signal));
            if (messageId.isPresent()) {
                dao.setMessageId(signal.id(), messageId.get());
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not post the card of signal {} in {}", signal.id(), channel, e);
        }
        String key = signal.kind() == Signal.Kind.RESOURCE ? "watch.notShown" : "signal.notShown";
        messenger.notify(channel, actor.userId(), Card.text(messages.get(key, channel.platform().commandPrefix())));
    }

    private boolean redraw(long id) {
        Signal gone = deleted.get(id);
        if (gone != null) {
            Community community = communities.find(gone.communityId()).orElseThrow();
            boolean drawn = messenger.update(gone.channel(), gone.messageId(),
                    SignalCards.deleted(Messages.of(community.locale()), gone));
            if (drawn) {
                deleted.remove(id);
            }
            return drawn;
        }
        return dao.findById(id).map(signal -> {
            Community community = communities.find(signal.communityId()).orElseThrow();
            return messenger.update(signal.channel(), signal.messageId(),
                    SignalCards.card(Messages.of(community.locale()), community, signal));
        }).orElse(true);
    }

    /** Finishes the card posts and redraws under way. */
    @Override
    public void close() throws InterruptedException {
        publisher.shutdown();
        publisher.awaitTermination(10, TimeUnit.SECONDS);
        refresher.close();
    }
}
