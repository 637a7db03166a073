/**
 * The outbox: everything the bot sends on its own — signal cards and their redraws, digests, notices to one
 * member, replies on Teams — is a row written in the same transaction as the change that causes it, then sent by
 * this package's dispatcher, paced to each platform's published limits, retried until a deadline, exactly once
 * whatever the number of replicas. A row names what to show (a kind and an id); the card is drawn from the current
 * state when it is sent, by the {@link io.collectivepulse.delivery.CardSource} its feature registered.
 */
package io.collectivepulse.delivery;
