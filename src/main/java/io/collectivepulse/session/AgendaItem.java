package io.collectivepulse.session;

import io.collectivepulse.signal.Signal;
import io.collectivepulse.signal.ThemeCount;
import java.util.Locale;
import java.util.Optional;

/**
 * One item of a session's agenda, as facilitators take it off or put it back: a signal (by its id) or a theme taken
 * up (by its name). {@link #code} is how buttons and the database name it: {@code signal:42}, {@code theme:rh}.
 */
record AgendaItem(Kind kind, String key) {
    enum Kind {
        SIGNAL, THEME;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static AgendaItem of(Signal signal) {
        return new AgendaItem(Kind.SIGNAL, Long.toString(signal.id()));
    }

    static AgendaItem of(ThemeCount theme) {
        return new AgendaItem(Kind.THEME, theme.name());
    }

    String code() {
        return kind.id() + ":" + key;
    }

    /** The item a code names, or empty for anything else (a button from another version, a forged value). */
    static Optional<AgendaItem> parse(String code) {
        int colon = code.indexOf(':');
        if (colon < 0 || colon == code.length() - 1) {
            return Optional.empty();
        }
        String kind = code.substring(0, colon);
        String key = code.substring(colon + 1);
        for (Kind known : Kind.values()) {
            if (known.id().equals(kind)) {
                return Optional.of(new AgendaItem(known, key));
            }
        }
        return Optional.empty();
    }
}
