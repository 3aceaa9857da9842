package dev.airlock.promotion;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import org.jspecify.annotations.Nullable;

/**
 * What {@link PromotionEngine#reconcile()} did with one request that was waiting.
 *
 * @param promotionId the promotion recorded {@code PENDING}
 * @param action      what became of it on this run
 * @param detail      why, in a sentence (what is still missing, what superseded it, what failed)
 * @param result      the promotion's result when reconcile asked the engine to promote, else null
 */
public record Reconciliation(String promotionId, Digest digest, String target, Action action, String detail,
        @Nullable PromotionResult result) {

    public Reconciliation {
        InvalidValueException.requireNonNull("promotionId", promotionId);
        InvalidValueException.requireNonNull("digest", digest);
        InvalidValueException.requireNonNull("target", target);
        InvalidValueException.requireNonNull("action", action);
        InvalidValueException.requireNonNull("detail", detail);
    }

    /** What a reconcile run did with a waiting request. */
    public enum Action {
        /** Allowed now, and this run promoted it. */
        PROMOTED,
        /** Another run (or a retry) promoted it first: nothing to do. */
        ALREADY_PROMOTED,
        /** Still waiting: the guardrails still find a requirement unmet. Nothing recorded. */
        STILL_PENDING,
        /** The guardrails deny it now (a freeze, a stop switch); it keeps waiting, nothing recorded. */
        DENIED,
        /** The target moved (another promotion or a rollback) after it was decided: no longer wanted. */
        SUPERSEDED,
        /** It waited longer than the engine's pending expiry: no longer wanted. */
        EXPIRED,
        /** Another promotion holds the target or runs under its key: a later run tries again. */
        BUSY,
        /** It was allowed but a promotion step failed (recorded {@code FAILED}); a later run tries again. */
        FAILED,
        /**
         * This run is authenticated as another identity than the request's initiator, and entries are written
         * only for the identity that acts: a run as the initiator finishes it. Nothing recorded, gates not asked.
         */
        NOT_ITS_REQUESTER
    }
}
