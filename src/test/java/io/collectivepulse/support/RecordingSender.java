package io.collectivepulse.support;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import io.collectivepulse.delivery.Limit;
import io.collectivepulse.delivery.Outcome;
import io.collectivepulse.delivery.Sender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A platform {@link Sender} that keeps what the outbox sends instead of calling a platform, for service-level tests
 * (as Hubot's DummyAdapter does): every post, update and notice, in order; no limits.
 */
public final class RecordingSender implements Sender {
    /** What was sent: {@code kind} is post, update, notify, form or home; {@code target} the message id or the member. */
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
    public int parts(Card card) {
        return 1;
    }

    @Override
    public Outcome post(ChannelRef channel, Card card, int part, String replyTo, String key) {
        String id = "m" + ids.incrementAndGet();
        sent.add(new Sent("post", channel, id, card));
        return new Outcome.Sent(id);
    }

    @Override
    public Outcome postForm(ChannelRef channel, Form form, String replyTo) {
        sent.add(new Sent("form", channel, replyTo, Card.text(form.title())));
        return new Outcome.Sent("f" + ids.incrementAndGet());
    }

    @Override
    public Outcome update(ChannelRef channel, String messageId, Card card) {
        sent.add(new Sent("update", channel, messageId, card));
        return new Outcome.Sent(messageId);
    }

    @Override
    public Outcome notify(ChannelRef channel, String memberId, Card card, String replyTo) {
        sent.add(new Sent("notify", channel, memberId, card));
        return new Outcome.Sent("n" + ids.incrementAndGet());
    }

    /** A member's home (Slack's App Home tab), kept as {@code home} with the member as target. */
    @Override
    public Outcome home(ChannelRef member, Card card) {
        sent.add(new Sent("home", member, member.channelId(), card));
        return new Outcome.Sent("h" + ids.incrementAndGet());
    }

    @Override
    public List<Limit> limits(Call call, ChannelRef channel) {
        return List.of();
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
