package io.collectivepulse.archfixture.good.i18n;

/** The message bundles. */
public final class Texts {
    public String get(String key) {
        return key;
    }
}
