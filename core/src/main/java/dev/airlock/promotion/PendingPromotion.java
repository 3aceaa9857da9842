package dev.airlock.promotion;

import dev.airlock.InvalidValueException;

/**
 * A promotion that was decided {@code PENDING} and still waits: its id, and the {@link Plan} as the
 * guardrails judge it now (its decision's unmet statements say what is still missing; it may be
 * {@code ALLOWED} by now, and then promoting again goes ahead).
 */
public record PendingPromotion(String promotionId, Plan plan) {
    public PendingPromotion {
        InvalidValueException.requireNonNull("promotionId", promotionId);
        InvalidValueException.requireNonNull("plan", plan);
    }
}
