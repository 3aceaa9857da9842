package dev.airlock.promotion;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Decision;
import org.jspecify.annotations.Nullable;

/**
 * How a promotion ended (failures throw {@link PromotionFailedException} instead).
 *
 * @param previous the digest the target ran before, if any
 * @param bytesCopied bytes moved into the target; 0 when they were already there
 */
public record PromotionResult(String promotionId, Status status, Decision decision, Digest digest, String target,
        @Nullable String source, @Nullable Digest previous, long bytesCopied) {

    /** The end state of a promotion attempt. */
    public enum Status {
        /** The target now runs the digest. */
        PROMOTED,
        /**
         * Nothing was done: an earlier attempt under the caller's own idempotency key promoted it, or, under the
         * default key, one did and the target still runs the digest.
         */
        ALREADY_PROMOTED,
        /** Denied by policy; recorded in the ledger. */
        DENIED,
        /** Waiting for approvals, soak or a window; recorded in the ledger. */
        PENDING
    }
}
