package dev.airlock.examples.consumer;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Principal;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionFailedException;
import dev.airlock.promotion.PromotionResult;

/**
 * Stands for a team's own release tooling, the code the example consumer test checks: it promotes
 * through the Airlock engine it is given and retries failures Airlock marks retryable (throttling,
 * timeouts) a few times, with the same idempotency key so a retry can never promote twice.
 */
final class ReleaseTool {
    private final PromotionEngine engine;
    private final int maxAttempts;

    ReleaseTool(PromotionEngine engine, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: '" + maxAttempts + "' must be at least 1");
        }
        this.engine = engine;
        this.maxAttempts = maxAttempts;
    }

    /** Promotes {@code digest} into {@code target}; gives up on the first failure that retrying cannot fix. */
    PromotionResult release(Digest digest, String target, Principal who, String idempotencyKey) {
        PromotionCommand command = PromotionCommand.builder(digest, target, who).idempotencyKey(idempotencyKey).build();
        for (int attempt = 1; ; attempt++) {
            try {
                return engine.promote(command);
            } catch (PromotionFailedException e) {
                if (!e.retryable() || attempt == maxAttempts) {
                    throw e;
                }
                // A real tool would back off here; the in-memory backend needs no waiting.
            }
        }
    }
}
