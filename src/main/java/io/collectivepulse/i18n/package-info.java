/** User-facing text: resource bundles in French (default) and English, looked up by key. */
package io.collectivepulse.i18n;
