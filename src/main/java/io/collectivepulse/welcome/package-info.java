/**
 * Introductions and the member's home: the bot says hello once when it is added to a channel, a Teams team, group
 * chat or personal chat (what it does and the one next step), a member who joins a linked channel is told privately
 * what the community is, and each member's home (Slack's App Home tab, {@code accueil} anywhere) sums up their
 * communities. It learns of arrivals from the router, never from a platform.
 */
package io.collectivepulse.welcome;
