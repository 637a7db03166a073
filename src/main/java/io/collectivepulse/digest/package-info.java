/**
 * The weekly digest: what the community shared over the last seven days — signals grouped by theme and
 * ranked by +1s, new resources, topics members took up, items flagged for the next session — posted in every
 * linked channel, on Slack and Teams alike, at the day and time the facilitators chose.
 */
package io.collectivepulse.digest;
