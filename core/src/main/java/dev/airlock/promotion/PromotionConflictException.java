package dev.airlock.promotion;

import dev.airlock.AirlockException;

/**
 * Another promotion got in the way: it holds the target's lease, or kept winning the race to the
 * ledger. Nothing was changed; retrying later can succeed.
 */
public class PromotionConflictException extends AirlockException {
    private static final long serialVersionUID = 1L;

    public PromotionConflictException(String message) {
        super(message, null, true);
    }
}
