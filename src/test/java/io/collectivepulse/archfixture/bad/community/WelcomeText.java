package io.collectivepulse.archfixture.bad.community;

import io.collectivepulse.archfixture.bad.Settings;

/** A feature that reads the root's wiring, outside the packages a feature may depend on. */
final class WelcomeText {
    String locale(Settings settings) {
        return settings.locale;
    }
}
