package io.collectivepulse.command;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words members type, in French and English. Shared by the dispatcher and the help texts so that
 * what the help says is what the parser accepts. Accents are optional: {@code apercu} is {@code aperçu}.
 */
public final class Keywords {
    public static final String PULSE = "pulse";
    public static final String SIGNAL = "signal";
    public static final String WATCH = "veille";
    /** Roots a Teams message may start with, mapped to the Slack command they stand for. */
    static final Map<String, String> ROOTS = Map.of(PULSE, PULSE, SIGNAL, SIGNAL, WATCH, WATCH, "watch", WATCH);

    static final Set<String> HELP = Set.of("aide", "help");
    static final Set<String> LINK = Set.of("lier", "link");
    static final Set<String> LIST = Set.of("liste", "list");
    static final Set<String> THEMES = Set.of("themes");
    static final Set<String> INVITE = Set.of("inviter", "invite");
    static final Set<String> LANGUAGE = Set.of("langue", "language");
    static final Set<String> TIME_ZONE = Set.of("fuseau", "timezone");
    static final Set<String> DIGEST = Set.of("digest", "synthese");
    static final Set<String> OFF = Set.of("off", "arret", "stop");
    static final Set<String> PREVIEW = Set.of("apercu", "preview");
    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("lundi", DayOfWeek.MONDAY), Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY), Map.entry("sunday", DayOfWeek.SUNDAY));

    private Keywords() {
    }

    /** The first word of {@code text}, lower-cased and without accents, or "" when there is none. */
    static String firstWord(String text) {
        String trimmed = text.strip();
        return fold(trimmed.substring(0, firstWordEnd(trimmed)));
    }

    /** What follows the first word of {@code text}. */
    static String afterFirstWord(String text) {
        String trimmed = text.strip();
        return trimmed.substring(firstWordEnd(trimmed));
    }

    static Optional<DayOfWeek> day(String word) {
        return Optional.ofNullable(DAYS.get(fold(word)));
    }

    /** Lower case without diacritics, so that {@code Aperçu}, {@code apercu} and {@code APERCU} match. */
    static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static int firstWordEnd(String trimmed) {
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end))) {
            end++;
        }
        return end;
    }
}
