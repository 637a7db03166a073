/**
 * The Slack adapter: the Javalin-to-Bolt bridge, every slash command registration, and the Block Kit
 * renderer. The only package, with {@code teams}, that knows a wire format.
 */
package io.collectivepulse.slack;
