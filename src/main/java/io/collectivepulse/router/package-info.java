/**
 * The one place features plug into: each feature registers its command roots and sub-commands (French and
 * English words), its help lines, its buttons' action-id prefix and its forms' ids; the Slack and Teams adapters
 * hand every command, message, button and form to the {@link io.collectivepulse.router.Router}, which knows
 * nothing of platforms' wire formats. The help card is built from what is registered.
 */
package io.collectivepulse.router;
