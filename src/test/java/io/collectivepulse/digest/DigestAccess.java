package io.collectivepulse.digest;

import io.collectivepulse.chat.Card;
import io.collectivepulse.community.Community;
import io.collectivepulse.i18n.Messages;
import io.collectivepulse.signal.Signal;
import java.time.Instant;
import java.util.List;

/** Lets the benchmarks build and render a digest in memory, without the package's internals going public. */
public final class DigestAccess {
    private DigestAccess() {
    }

    public static Digest build(Community community, Instant from, Instant to, List<Signal> items) {
        return DigestBuilder.build(community, from, to, items);
    }

    public static Card card(Messages messages, Digest digest, String prefix) {
        return DigestCards.card(messages, digest, prefix);
    }
}
