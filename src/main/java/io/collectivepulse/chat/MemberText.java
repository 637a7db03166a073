package io.collectivepulse.chat;

import java.text.Normalizer;

/**
 * Cleans what a member typed before it is validated or stored: Unicode NFC, no control characters but
 * line breaks and tabs (PostgreSQL rejects NUL), no surrounding blanks. Escaping for display is the
 * renderers' job; this only makes the text storable and its length meaningful.
 */
public final class MemberText {
    private MemberText() {
    }

    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n");
        var out = new StringBuilder(normalized.length());
        normalized.codePoints()
                .filter(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp))
                .filter(cp -> Character.getType(cp) != Character.SURROGATE)
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** Length in characters as a person counts them (code points, not UTF-16 units). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
