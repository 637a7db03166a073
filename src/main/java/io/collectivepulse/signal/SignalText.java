package io.collectivepulse.signal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits what a member typed after {@code /signal} into the signal's body and its themes: every
 * {@code #thème} names a theme; the ones at the very end are only themes and leave the body, the ones
 * inside a sentence stay in it too.
 */
record SignalText(String body, List<String> themes) {
    static final int MAX_THEME_LENGTH = 40;
    private static final Pattern THEME = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#([\\p{L}\\p{N}][\\p{L}\\p{N}_-]*)");
    private static final Pattern TRAILING_THEMES =
            Pattern.compile("(\\s*(?<![\\p{L}\\p{N}_&#])#[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*)+\\s*$");

    static SignalText parse(String text) {
        Set<String> themes = new LinkedHashSet<>();
        Matcher matcher = THEME.matcher(text);
        while (matcher.find()) {
            String theme = matcher.group(1).toLowerCase(Locale.ROOT);
            themes.add(theme.length() > MAX_THEME_LENGTH ? theme.substring(0, MAX_THEME_LENGTH) : theme);
        }
        String body = TRAILING_THEMES.matcher(text).replaceFirst("").strip();
        return new SignalText(body, new ArrayList<>(themes));
    }
}
