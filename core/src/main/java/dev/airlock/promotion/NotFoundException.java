package dev.airlock.promotion;

import dev.airlock.AirlockException;

/** The engine was asked about something the ledger has no record of: an artifact, a promotion. */
public class NotFoundException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
