package dev.airlock.testkit.moto;

import dev.airlock.AirlockException;

/**
 * {@code moto_server} could not be found or started. The message says how to install it: tests that
 * need moto fail with it rather than being skipped, so a missing emulator is never mistaken for a
 * passing suite.
 */
public class MotoUnavailableException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public MotoUnavailableException(String message) {
        super(message);
    }

    public MotoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
