/**
 * Dates, times and durations as people type them in chat, in French and English, and as the bot writes them back:
 * a cursor over the words typed ({@link io.collectivepulse.when.WhenWords}), readers of dates, times of day and
 * durations that stop at the first mistake with an i18n key ({@code when.*}) saying what to type instead
 * ({@link io.collectivepulse.when.WhenRefusal}), local times resolved in a community's time zone across daylight
 * saving time ({@link io.collectivepulse.when.ResolvedTime}) and the formats of chat messages
 * ({@link io.collectivepulse.when.WhenFormat}). Platform-neutral and feature-neutral: sessions and polls build
 * their own commands on it, and it knows neither.
 */
package io.collectivepulse.when;
