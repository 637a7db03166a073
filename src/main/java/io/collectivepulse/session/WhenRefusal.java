package io.collectivepulse.session;

import java.util.List;

/**
 * Stops a parse at the first thing that is wrong, with the i18n key and arguments that say so: thrown by the
 * readers of dates, times, durations and links, and turned into a {@link SessionWhen.Parsed.Refused} by the
 * {@link SessionWhen} method that called them. It carries no stack trace: it is an answer, not a failure.
 */
final class WhenRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Object> args;

    WhenRefusal(String key, Object... args) {
        super(key, null, false, false);
        this.args = List.of(args);
    }

    <T> SessionWhen.Parsed<T> parsed() {
        return new SessionWhen.Parsed.Refused<>(getMessage(), args);
    }
}
