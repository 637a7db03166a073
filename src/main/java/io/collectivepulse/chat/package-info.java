/**
 * The platform-neutral vocabulary shared by features and adapters: where a command comes from
 * ({@link io.collectivepulse.chat.ChannelRef}, {@link io.collectivepulse.chat.Actor}) and what the bot
 * answers ({@link io.collectivepulse.chat.Card}, {@link io.collectivepulse.chat.Reply}). Nothing here
 * knows Slack or Teams.
 */
package io.collectivepulse.chat;
