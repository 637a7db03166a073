package io.collectivepulse.when;

import java.util.List;

/**
 * Stops a parse at the first thing that is wrong, with the i18n key and arguments that say so: thrown by the
 * readers of dates, times and durations, and by the features' parsers built on them for the rest of what they
 * read, and turned into a refusal by the feature method that called them. It carries no stack trace: it is an answer, not a failure.
 */
public final class WhenRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Object> args;

    public WhenRefusal(String key, Object... args) {
        super(key, null, false, false);
        this.args = List.of(args);
    }

    /** The i18n key of the message that says what is wrong and what to type instead. */
    public String key() {
        return getMessage();
    }

    /** The message's arguments: numbers and text as typed, never text in one language. */
    public List<Object> args() {
        return args;
    }
}
