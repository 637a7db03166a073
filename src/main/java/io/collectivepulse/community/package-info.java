/**
 * Peer communities: creating one, linking a chat channel to it, and knowing who takes part and who
 * facilitates. Every other feature finds its community here from the channel a command came from.
 */
package io.collectivepulse.community;
