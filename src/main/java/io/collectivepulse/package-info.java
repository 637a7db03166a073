/**
 * Collective Pulse: a chat bot that runs peer communities in Slack and Microsoft Teams. This package reads
 * the configuration, wires the features to the two chat adapters and serves the HTTP routes.
 */
package io.collectivepulse;
