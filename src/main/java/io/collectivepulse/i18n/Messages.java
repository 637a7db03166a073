package io.collectivepulse.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Everything a chat user reads, from the {@code i18n/messages_xx.properties} bundles. French is the
 * default; a locale without a bundle falls back to French, never to the JVM's default locale.
 */
public final class Messages {
    public static final Locale FRENCH = Locale.FRENCH;
    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    /** The messages in the given language, or in French when that language has no bundle. */
    public static Messages of(Locale locale) {
        Locale language = Locale.forLanguageTag(locale.getLanguage());
        try {
            return new Messages(language, ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK));
        } catch (MissingResourceException e) {
            return new Messages(FRENCH, ResourceBundle.getBundle(BUNDLE, FRENCH, NO_FALLBACK));
        }
    }

    public Locale locale() {
        return locale;
    }

    /** The message for {@code key} with its {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return new MessageFormat(pattern, locale).format(args);
    }
}
