package dev.airlock.spi;

import dev.airlock.AirlockException;

/** The caller may not act in an account: a role's trust policy or a resource policy refused it. */
public class AccessDeniedException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
