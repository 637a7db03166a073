/**
 * Fixtures for {@link io.collectivepulse.ArchitectureRulesTest}: two small worlds laid out like the real code.
 * Under {@code bad}, each class breaks a rule of {@link io.collectivepulse.ArchitectureRules} on purpose; under
 * {@code good}, every rule holds. Compiled as test classes, they are never imported by
 * {@link io.collectivepulse.ArchitectureTest}.
 */
package io.collectivepulse.archfixture;
