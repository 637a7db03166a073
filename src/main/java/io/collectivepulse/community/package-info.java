/**
 * Communities: creating one for a channel, linking more channels to it (Slack or Teams) with one-time
 * invitations, its members and facilitators, its language and time zone — and the {@code /pulse} commands that
 * do it. Features that plan in a community's time listen to it through {@link
 * io.collectivepulse.community.CommunityListener}.
 */
package io.collectivepulse.community;
