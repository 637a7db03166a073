package io.collectivepulse.delivery;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Form;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends what the outbox owes on one platform, one message at a time, and says how it went. Implemented by the
 * platform adapters, which alone know the wire formats; every call has a connect and a read time-out.
 */
public interface Sender {
    /** How many messages the card takes on this platform (a long digest is split into several Slack messages). */
    int parts(Card card);

    /**
     * Posts part {@code part} of the card in the channel, or as a reply in the thread {@code replyTo} if not null,
     * marked with {@code key} where the platform keeps such marks (see {@link #find}).
     */
    Outcome post(ChannelRef channel, Card card, int part, String replyTo, String key);

    /**
     * The id of part {@code part} of the message marked {@code key}, if the platform has it: a replica that died
     * between a post and its record may have posted it already. Empty where the platform cannot tell.
     */
    default Optional<String> find(ChannelRef channel, String key, int part, Instant since) {
        return Optional.empty();
    }

    /** Posts a form (an input card) as a reply in the thread {@code replyTo}, where the platform has such cards. */
    Outcome postForm(ChannelRef channel, Form form, String replyTo);

    /** Replaces a message posted earlier. */
    Outcome update(ChannelRef channel, String messageId, Card card);

    /** Tells one member something: only to them where the platform can (Slack), in the conversation otherwise. */
    Outcome notify(ChannelRef channel, String memberId, Card card, String replyTo);

    /**
     * Publishes the member's home (Slack's App Home tab) as {@code card} draws it, replacing the one shown; platforms
     * without a home tab refuse it for good.
     */
    default Outcome home(ChannelRef member, Card card) {
        return new Outcome.Failed("no_home_tab", Outcome.Advice.OTHER);
    }

    /** The limits the platform publishes, for the dispatcher to pace each kind of call. */
    List<Limit> limits(Call call, ChannelRef channel);

    /** The kinds of calls, each paced on its own. */
    enum Call { POST, UPDATE, NOTIFY, HOME }
}
