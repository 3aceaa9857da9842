package dev.airlock.promotion;

import dev.airlock.AirlockException;

/**
 * A promotion failed at a step after it was allowed; {@code FAILED} is in the ledger with the
 * cause, and the environment still runs what it ran before. Retrying with the same idempotency key
 * starts a new attempt; {@link #retryable()} follows the cause.
 */
public class PromotionFailedException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final String promotionId;
    private final String step;

    public PromotionFailedException(String promotionId, String step, Throwable cause) {
        super("promotion " + promotionId + " failed while trying to " + step + ": " + cause.getMessage(), cause,
                cause instanceof AirlockException a && a.retryable());
        this.promotionId = promotionId;
        this.step = step;
    }

    public String promotionId() {
        return promotionId;
    }

    /** The step that failed, e.g. {@code transfer}, {@code verify}. */
    public String step() {
        return step;
    }
}
