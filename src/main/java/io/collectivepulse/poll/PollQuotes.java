package io.collectivepulse.poll;

import io.collectivepulse.when.WhenRefusal;
import io.collectivepulse.when.WhenWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a line into quoted texts and the bare words between them. Straight quotes {@code "…"}, French
 * guillemets {@code « … »} and curly quotes {@code “…”} (as French keyboards and Teams' autocorrect type them) all
 * quote; a text is closed by the quote that matches its opening one, so {@code "Que pensez-vous de « X » ?"} is
 * one text.
 * Mixed pairs that autocorrect leaves behind ({@code "…”}, {@code ”…”}, {@code „…“}) close too.
 */
final class PollQuotes {
    private static final Map<Character, String> CLOSERS = Map.of(
            '"', "\"”“", '“', "”“\"", '”', "”\"", '„', "“”\"", '«', "»");

    private PollQuotes() {
    }

    /** A quoted text (without its quotes) or a run of bare words, stripped. */
    record Segment(String text, boolean quoted) {
    }

    /** True when the line holds a quote that opens a text: at its start or after a blank (or right after a text). */
    static boolean hasQuotes(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (opensAt(line, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The segments of a {@link WhenWords#clean}ed line, in order; empty quoted texts are kept ({@code ""}).
     *
     * @throws WhenRefusal {@code poll.line.unclosed} when a quote is never closed
     */
    static List<Segment> segments(String line) {
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        while (at < line.length()) {
            boolean afterText = !segments.isEmpty() && segments.get(segments.size() - 1).quoted() && at > 0
                    && line.charAt(at - 1) != ' ';
            if (opensAt(line, at) || (afterText && CLOSERS.containsKey(line.charAt(at)))) {
                int close = indexOfAny(line, CLOSERS.get(line.charAt(at)), at + 1);
                if (close < 0) {
                    throw new WhenRefusal("poll.line.unclosed", WhenWords.excerpt(line.substring(at + 1).strip()));
                }
                segments.add(new Segment(line.substring(at + 1, close).strip(), true));
                at = close + 1;
            } else {
                int end = at;
                while (end < line.length() && !opensAt(line, end)) {
                    end++;
                }
                String bare = line.substring(at, end).strip();
                if (!bare.isEmpty()) {
                    segments.add(new Segment(bare, false));
                }
                at = end;
            }
        }
        return segments;
    }

    /** True when a quote opens a text at {@code at}: the start of the line or after a blank. */
    static boolean opensAt(String line, int at) {
        return CLOSERS.containsKey(line.charAt(at)) && (at == 0 || line.charAt(at - 1) == ' ');
    }

    private static int indexOfAny(String line, String chars, int from) {
        for (int i = from; i < line.length(); i++) {
            if (chars.indexOf(line.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
