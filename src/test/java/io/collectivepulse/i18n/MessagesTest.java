package io.collectivepulse.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** French and English say the same things: same keys, same arguments, valid MessageFormat patterns. */
class MessagesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final String CHOICE = ",choice,";
    private static final Pattern POINT_MEDIAN = Pattern.compile("\\p{L}\u00b7\\p{L}");

    private static Properties bundle(String language) throws IOException {
        var properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndArguments() throws IOException {
        Properties fr = bundle("fr");
        Properties en = bundle("en");
        assertThat(en.stringPropertyNames()).isEqualTo(fr.stringPropertyNames());
        for (String key : fr.stringPropertyNames()) {
            assertThat(arguments(en.getProperty(key))).as(key).isEqualTo(arguments(fr.getProperty(key)));
            new MessageFormat(fr.getProperty(key));
            new MessageFormat(en.getProperty(key));
        }
    }
    /**
     * MessageFormat reads a lone apostrophe as the start of quoted text and drops it ("l'état" shows "létat"); and a
     * choice whose chosen text holds an argument is read twice, so its apostrophes are written four times.
     */
    @Test
    void everyApostropheSurvivesFormatting() throws IOException {
        for (String language : new String[] {"fr", "en"}) {
            Properties messages = bundle(language);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                assertThat(LONE_APOSTROPHE.matcher(pattern).find()).as(language + " " + key).isFalse();
                for (String option : choiceOptions(pattern)) {
                    if (option.contains("{")) {
                        assertThat(option.replace("''''", "")).as(language + " " + key).doesNotContain("'");
                    }
                }
            }
        }
    }

    /** The texts of every choice in the pattern, such as {@code 1<{0} personnes n''''ont}. */
    private static List<String> choiceOptions(String pattern) {
        List<String> options = new ArrayList<>();
        int at = pattern.indexOf(CHOICE);
        while (at >= 0) {
            int depth = 1;
            int end = at + CHOICE.length();
            int start = end;
            while (end < pattern.length() && depth > 0) {
                char c = pattern.charAt(end);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                end++;
            }
            options.addAll(List.of(pattern.substring(start, end - 1).split("\\|")));
            at = pattern.indexOf(CHOICE, end);
        }
        return options;
    }

    /** Natural French: no point médian inside a word ("animateur·rices"); a spaced "·" between items is fine. */
    @Test
    void frenchHasNoPointMedianInsideAWord() throws IOException {
        Properties fr = bundle("fr");
        for (String key : fr.stringPropertyNames()) {
            assertThat(POINT_MEDIAN.matcher(fr.getProperty(key)).find()).as(key).isFalse();
        }
    }

    /** Seconding is said in words ("2 personnes le voient aussi"), never as a bare "+1" in a sentence. */
    @Test
    void noBarePlusOneInSentences() throws IOException {
        for (String language : new String[] {"fr", "en"}) {
            Properties messages = bundle(language);
            for (String key : messages.stringPropertyNames()) {
                assertThat(messages.getProperty(key)).as(language + " " + key).doesNotContain("+1");
            }
        }
    }

    @Test
    void votesAreCountedInWords() {
        Messages fr = Messages.of(Locale.FRENCH);
        Messages en = Messages.of(Locale.ENGLISH);
        assertThat(fr.get("signal.meta.votes", "anne", 1)).isEqualTo("anne · 1 personne le voit aussi");
        assertThat(fr.get("signal.meta.votes", "anne", 2)).isEqualTo("anne · 2 personnes le voient aussi");
        assertThat(en.get("signal.meta.votes", "anne", 2)).isEqualTo("anne · 2 people see it too");
        assertThat(fr.get("digest.line", "Texte", "anne", 0)).isEqualTo("Texte — anne");
        assertThat(fr.get("digest.line", "Texte", "anne", 3)).isEqualTo("Texte — anne · 3 personnes le voient aussi");
        assertThat(en.get("digest.line", "Text", "anne", 1)).isEqualTo("Text — anne · 1 person sees it too");
    }

    /** French names the role, not the people: "l'équipe d'animation"; and shows the French keywords synthèse, thèmes. */
    @Test
    void frenchSaysTheFacilitationTeamAndItsOwnKeywords() throws IOException {
        Properties fr = bundle("fr");
        for (String key : fr.stringPropertyNames()) {
            assertThat(fr.getProperty(key)).as(key).doesNotContainIgnoringCase("animateur")
                    .doesNotContainIgnoringCase("animatrice").doesNotContain("pulse digest", "signal themes");
        }
    }
}
