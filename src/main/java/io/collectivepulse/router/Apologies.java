package io.collectivepulse.router;

import io.collectivepulse.chat.Card;
import io.collectivepulse.chat.ChannelRef;
import io.collectivepulse.chat.Reply;
import io.collectivepulse.db.Unavailable;
import io.collectivepulse.i18n.Messages;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a member is told when their request failed: "try again in a moment" when the database did not answer, a
 * plain apology for a failure of ours; in the channel's language as last seen, since the database may be what
 * failed. The failure is logged once: a WARN for the database, an ERROR with its stack trace for a bug.
 */
final class Apologies {
    private static final Logger LOG = LoggerFactory.getLogger(Apologies.class);
    private final Function<ChannelRef, Locale> knownLocales;

    Apologies(Function<ChannelRef, Locale> knownLocales) {
        this.knownLocales = knownLocales;
    }

    Reply apology(ChannelRef channel, Throwable failure) {
        return Reply.privately(Card.text(knownMessages(channel)
                .get(Unavailable.isCause(failure) ? "error.unavailable" : "error.unexpected")));
    }

    /** Logs what failed while handling {@code what} in the channel, and the apology for it. */
    Reply failed(ChannelRef channel, String what, RuntimeException e) {
        if (Unavailable.isCause(e)) {
            LOG.warn("{} in {}: the database did not answer ({})", what, channel, e.toString());
        } else {
            LOG.error("{} failed in {}", what, channel, e);
        }
        return apology(channel, e);
    }

    private Messages knownMessages(ChannelRef channel) {
        try {
            return Messages.of(knownLocales.apply(channel));
        } catch (RuntimeException e) {
            return Messages.of(Messages.FRENCH);
        }
    }
}
