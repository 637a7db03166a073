/**
 * The Teams adapter: the Javalin-to-Bot-Framework bridge, the activity handler and the Adaptive Card
 * renderer. Every {@code com.microsoft.bot} import lives here, so the retired SDK can be replaced without
 * touching the features.
 */
package io.collectivepulse.teams;
