package io.collectivepulse.calendar;

/**
 * Content lines folded at 75 octets, as RFC 5545 (section 3.1) asks. ical4j's {@code CalendarOutputter} folds at
 * 73 characters, which is up to 219 octets of accented text; here a line breaks before the character that would take
 * it past 75 octets of UTF-8, never inside a character, and each continuation line starts with a space.
 */
final class ContentLines {
    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private ContentLines() {
    }

    /** Folds {@code unfolded}, content lines each ended by CRLF, as ical4j's {@code Calendar.toString()} writes. */
    static String fold(String unfolded) {
        var folded = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        for (String line : unfolded.split(CRLF)) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = utf8Length(codePoint);
                if (octets + size > MAX_OCTETS) {
                    folded.append(CRLF).append(' ');
                    octets = 1;
                }
                folded.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            folded.append(CRLF);
        }
        return folded.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
