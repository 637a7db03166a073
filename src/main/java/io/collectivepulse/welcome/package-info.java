/**
 * Introductions: the bot says hello once when it is added to a channel, a Teams team, group chat or personal chat
 * (what it does and the one next step), and a member who joins a linked channel is told privately what the
 * community is; it learns of both from the router's arrivals, never from a platform.
 */
package io.collectivepulse.welcome;
