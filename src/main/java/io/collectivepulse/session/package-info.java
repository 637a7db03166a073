/**
 * The cycle of collective sessions: planning (one session, or a whole cycle), the announcement with its answers
 * (je participe, peut-être, je ne peux pas), the reminders in the community's time zone, attendance, and the
 * agenda drawn from the shared watch.
 */
package io.collectivepulse.session;
