/**
 * Weak signals: early hints of change in the members' field, posted with themes and read back as the
 * community's shared watch.
 */
package io.collectivepulse.signal;
