package io.collectivepulse.command;

import java.util.Locale;
import java.util.Set;

/**
 * The words members type, in French and English. Shared by the dispatcher and the help texts so that
 * what the help says is what the parser accepts.
 */
public final class Keywords {
    public static final String PULSE = "pulse";
    public static final String SIGNAL = "signal";

    static final Set<String> HELP = Set.of("aide", "help");
    static final Set<String> LINK = Set.of("lier", "link");
    static final Set<String> LIST = Set.of("liste", "list");

    private Keywords() {
    }

    /** The first word of {@code text}, lower-cased, or "" when there is none. */
    static String firstWord(String text) {
        String trimmed = text.strip();
        return trimmed.substring(0, firstWordEnd(trimmed)).toLowerCase(Locale.ROOT);
    }

    /** What follows the first word of {@code text}. */
    static String afterFirstWord(String text) {
        String trimmed = text.strip();
        return trimmed.substring(firstWordEnd(trimmed));
    }

    private static int firstWordEnd(String trimmed) {
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        return end;
    }
}
