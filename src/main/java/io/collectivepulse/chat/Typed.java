package io.collectivepulse.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What members type, as the bot keeps it: without the control characters no chat client shows (NUL, which
 * PostgreSQL cannot store in text, escape, backspace…), keeping line breaks and tabs.
 */
public final class Typed {
    private static final Pattern INVISIBLE_CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private Typed() {
    }

    /** {@code text} without invisible control characters; null stays null. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F) {
                return INVISIBLE_CONTROLS.matcher(text).replaceAll("");
            }
        }
        return text;
    }

    /** Every value of {@code fields}, {@linkplain #clean cleaned}. */
    public static Map<String, String> clean(Map<String, String> fields) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        fields.forEach((name, value) -> cleaned.put(clean(name), clean(value)));
        return cleaned;
    }
}
