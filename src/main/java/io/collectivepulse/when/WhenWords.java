package io.collectivepulse.when;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a person typed after a command word (a session's date, a poll's deadline), read word by word from the
 * left. The text is {@link #clean}ed first, so words are separated by exactly one space; each word is matched
 * {@link #fold}ed, and what is left at the end keeps the form it was typed in (for titles and places).
 */
public final class WhenWords {
    /** How much of a typed word or phrase a refusal quotes back. */
    public static final int EXCERPT = 60;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TRAILING_COMMAS = Pattern.compile(",+$");

    private final String text;
    private final List<String> words;
    private final int[] starts;
    private int next;

    private WhenWords(String text) {
        this.text = text;
        this.words = text.isEmpty() ? List.of() : List.of(text.split(" "));
        this.starts = new int[words.size()];
        int at = 0;
        for (int i = 0; i < words.size(); i++) {
            starts[i] = at;
            at += words.get(i).length() + 1;
        }
    }

    /** The words of {@code cleaned}, a text already {@link #clean}ed (or a part of one). */
    public static WhenWords of(String cleaned) {
        return new WhenWords(cleaned.strip());
    }

    /**
     * Unicode NFC; every run of blanks, tabs and line breaks becomes one space; control characters (NUL
     * included), lone surrogates and invisible format characters (bidirectional overrides, zero-width space)
     * are dropped, but not the joiners and tags that emoji sequences are made of.
     */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String normalized = Normalizer.normalize(raw, Normalizer.Form.NFC);
        var out = new StringBuilder(normalized.length());
        boolean blank = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                blank = true;
            } else if (kept(cp)) {
                out.append(blank && !out.isEmpty() ? " " : "").appendCodePoint(cp);
                blank = false;
            }
        }
        return out.toString();
    }

    private static boolean kept(int cp) {
        int type = Character.getType(cp);
        if (Character.isISOControl(cp) || type == Character.SURROGATE) {
            return false;
        }
        boolean joinerOrTag = cp == 0x200C || cp == 0x200D || (cp >= 0xE0020 && cp <= 0xE007F);
        return type != Character.FORMAT || joinerOrTag;
    }

    /** Lower case, without accents or trailing commas: {@code Février,} is {@code fevrier}. */
    public static String fold(String word) {
        String bare = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
        return TRAILING_COMMAS.matcher(bare.toLowerCase(Locale.ROOT)).replaceFirst("");
    }

    /** At most {@link #EXCERPT} characters of {@code typed}, to quote it back in a refusal. */
    public static String excerpt(String typed) {
        if (typed.codePointCount(0, typed.length()) <= EXCERPT) {
            return typed;
        }
        return typed.substring(0, typed.offsetByCodePoints(0, EXCERPT - 1)) + "…";
    }

    public boolean atEnd() {
        return next >= words.size();
    }

    public int remaining() {
        return words.size() - next;
    }

    /** The word {@code ahead} words after the cursor, folded, or "" past the end. */
    public String folded(int ahead) {
        return next + ahead < words.size() ? fold(words.get(next + ahead)) : "";
    }

    /** The next {@code count} words, folded, joined by one space. */
    public String foldedRun(int count) {
        return fold(typedRun(count)).replace(", ", " ");
    }

    /** The next {@code count} words as typed, joined by one space. */
    public String typedRun(int count) {
        return String.join(" ", words.subList(next, Math.min(words.size(), next + count)));
    }

    /** Everything from the cursor to the end, as typed, or "". */
    public String rest() {
        return atEnd() ? "" : text.substring(starts[next]);
    }

    public void skip(int count) {
        next = Math.min(words.size(), next + count);
    }

    /** Skips the words at the cursor that are among {@code fillers} ({@link #fold}ed). */
    public void skipAny(Set<String> fillers) {
        while (!atEnd() && fillers.contains(folded(0))) {
            next++;
        }
    }

    public int mark() {
        return next;
    }

    public void reset(int mark) {
        next = mark;
    }
}
