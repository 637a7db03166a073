package io.collectivepulse;

/** A configuration value that cannot be used; its message names the variable and says what is expected. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String variable, String expectation, String actual) {
        super(variable + " " + expectation + " (got \"" + actual + "\")");
    }

    public ConfigException(String message) {
        super(message);
    }
}
