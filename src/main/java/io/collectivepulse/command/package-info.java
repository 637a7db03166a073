/**
 * The commands members type, parsed once for every platform: keywords in French and English, routing to
 * the feature services, and turning their results into replies.
 */
package io.collectivepulse.command;
