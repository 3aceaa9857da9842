package dev.airlock.promotion;

import dev.airlock.AirlockException;

/**
 * A principal tried to abort a promotion it may not abort: only its initiator, or a member of one of
 * the target environment's owner groups, may. Nothing was recorded.
 */
public class AbortNotPermittedException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public AbortNotPermittedException(String message) {
        super(message);
    }
}
