package io.collectivepulse.poll;

import java.util.List;

/**
 * What a poll verb gave: its result, or the bundle key and arguments of the message that says why not (nothing was
 * changed then).
 */
sealed interface Polled<T> {
    record Done<T>(T value) implements Polled<T> {
    }

    record Refused<T>(String key, List<Object> args) implements Polled<T> {
        public Refused {
            args = List.copyOf(args);
        }
    }

    static <T> Polled<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Polled<T> refused(String key, Object... args) {
        return new Refused<>(key, List.of(args));
    }
}
