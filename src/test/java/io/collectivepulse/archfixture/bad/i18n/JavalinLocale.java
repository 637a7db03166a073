package io.collectivepulse.archfixture.bad.i18n;

import io.javalin.http.Context;

/** Bundles that read the locale from the HTTP request. */
final class JavalinLocale {
    String language(Context context) {
        return context.header("Accept-Language");
    }
}
