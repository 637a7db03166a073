package io.collectivepulse.session;

import java.util.List;

/**
 * What a facilitator's verb on one session gave: its result, or the bundle key and arguments of the message that
 * says why not (the command prefix, {@code /} on Slack, is added after them by whoever answers).
 */
sealed interface Facilitated<T> {
    record Done<T>(T value) implements Facilitated<T> {
    }

    record Refused<T>(String key, List<Object> args) implements Facilitated<T> {
        public Refused {
            args = List.copyOf(args);
        }
    }

    static <T> Facilitated<T> refused(String key, Object... args) {
        return new Refused<>(key, List.of(args));
    }
}
