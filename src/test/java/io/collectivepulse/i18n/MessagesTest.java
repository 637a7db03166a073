package io.collectivepulse.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** French and English say the same things: same keys, same arguments, valid MessageFormat patterns. */
class MessagesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");

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
}
