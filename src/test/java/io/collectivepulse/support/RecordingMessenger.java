package io.collectivepulse.support;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Messenger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link Messenger} that keeps what services send instead of calling a platform, for service-level tests (as
 * Hubot's DummyAdapter does): every post, update and notice, in order.
 */
public final class RecordingMessenger implements Messenger {
    /** What was sent: {@code kind} is post, update or notify; {@code target} the message id or the member. */
    public record Sent(String kind, ChannelRef channel, String target, Card card) {
        /** The card's text as a member reads it: title, items, buttons' labels, footer. */
        public String text() {
            var out = new StringBuilder();
            if (card.title() != null) {
                out.append(card.title()).append('\n');
            }
            card.items().forEach(item -> {
                out.append(item.meta() == null ? "" : item.meta() + '\n').append(item.text()).append('\n');
                item.tags().forEach(tag -> out.append('#').append(tag).append(' '));
                item.buttons().forEach(button -> out.append('[').append(button.label()).append("] "));
            });
            return out.append(card.footer() == null ? "" : card.footer()).toString();
        }
    }

    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public Optional<String> post(ChannelRef channel, Card card) {
        String id = "m" + ids.incrementAndGet();
        sent.add(new Sent("post", channel, id, card));
        return Optional.of(id);
    }

    @Override
    public boolean update(ChannelRef channel, String messageId, Card card) {
        sent.add(new Sent("update", channel, messageId, card));
        return true;
    }

    @Override
    public void notify(ChannelRef channel, String userId, Card card) {
        sent.add(new Sent("notify", channel, userId, card));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The first thing sent that matches, waiting for the services' after-commit work (10 s at most). */
    public Sent await(Predicate<Sent> wanted) {
        return Awaits.until(() -> sent.stream().filter(wanted).findFirst(), Duration.ofSeconds(10),
                () -> "Nothing matching was sent; sent: " + sent);
    }
}
