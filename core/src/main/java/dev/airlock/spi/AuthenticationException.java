package dev.airlock.spi;

import dev.airlock.AirlockException;

/**
 * Who acts could not be established, or is not who was claimed: an unmapped AWS caller, a local
 * backend whose configuration does not declare identities unauthenticated, a claimed principal that
 * differs from the authenticated one. The message says what to change; retrying does not help.
 */
public class AuthenticationException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
