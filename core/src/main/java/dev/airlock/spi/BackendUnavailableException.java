package dev.airlock.spi;

import dev.airlock.AirlockException;

/**
 * A backend call failed for a reason that may pass: throttling, a timeout, a 5xx. Always
 * {@linkplain #retryable() retryable}; backends translate their own transient errors into this.
 */
public class BackendUnavailableException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause, true);
    }

    public BackendUnavailableException(String message) {
        super(message, null, true);
    }
}
