package io.collectivepulse.router;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words that name one command, as members type them: the French one (shown in French help), the English
 * one (shown in English help), and any other spelling that is accepted too. Matching ignores case and
 * accents, so {@code Aperçu}, {@code apercu} and {@code APERCU} are the same word.
 *
 * @param french  the word shown to French-speaking communities, accents included
 * @param english the word shown to English-speaking communities
 * @param others  other accepted spellings, never shown
 */
public final class Words {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final String french;
    private final String english;
    private final List<String> others;
    /** Every accepted spelling, folded once: commands are matched against it on every request. */
    private final Set<String> folded;

    private Words(String french, String english, List<String> others) {
        this.french = french;
        this.english = english;
        this.others = List.copyOf(others);
        this.folded = Stream.concat(Stream.of(french, english), others.stream()).map(Words::fold)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static Words of(String french, String english, String... others) {
        return new Words(french, english, List.of(others));
    }

    public String french() {
        return french;
    }

    public String english() {
        return english;
    }

    public List<String> others() {
        return others;
    }

    /** The word to show in help texts in {@code locale}. */
    public String in(Locale locale) {
        return locale.getLanguage().equals("en") ? english : french;
    }

    /** True when the member typed one of these words (compare with {@link #fold}ed text). */
    public boolean matches(String typed) {
        return folded.contains(fold(typed));
    }

    /** Every accepted spelling, folded. */
    public Set<String> all() {
        return folded;
    }

    /** Lower case without diacritics, so that {@code Aperçu}, {@code apercu} and {@code APERCU} match. */
    public static String fold(String word) {
        if (word.chars().allMatch(c -> c < 0x80)) {
            return word.toLowerCase(Locale.ROOT);
        }
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** The first word of {@code text}, {@link #fold}ed, or "" when there is none. */
    public static String firstWord(String text) {
        String trimmed = text.strip();
        return fold(trimmed.substring(0, firstWordEnd(trimmed)));
    }

    /** What follows the first word of {@code text}, untrimmed. */
    public static String afterFirstWord(String text) {
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
