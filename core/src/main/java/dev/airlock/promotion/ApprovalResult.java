package dev.airlock.promotion;

import dev.airlock.InvalidValueException;
import dev.airlock.guardrail.Approval;

/**
 * What {@link PromotionEngine#approve} did: the approval it recorded, and whether that approval counts
 * now toward promoting the digest into the environment. When it does not, {@code reason} says why in
 * the guardrails' words: the approver is the initiator of the pending promotion or the artifact's
 * builder, is outside the eligible groups, already approved, or no approval requirement applies.
 * The approval stays recorded either way: a policy change or another initiator can make it count.
 */
public record ApprovalResult(Approval approval, boolean counts, String reason) {
    public ApprovalResult {
        InvalidValueException.requireNonNull("approval", approval);
        InvalidValueException.requireNonNull("reason", reason);
    }
}
