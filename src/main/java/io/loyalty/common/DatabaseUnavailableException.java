package io.loyalty.common;

/**
 * Startup cannot reach or prepare the database. The message says what to set; the stack trace is
 * left out on purpose because it would only bury that message.
 */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message) {
        super(message, null, false, false);
    }
}
