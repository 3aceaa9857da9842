package dev.airlock.promotion;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A promotion that was decided {@code PENDING} and still waits: which digest, into which environment, asked
 * by whom, and, on first use of {@link #plan()}, the plan as the guardrails judge it now (its decision's unmet
 * statements say what is still missing; it may be {@code ALLOWED} by now, and then promoting again goes
 * ahead). The plan is computed lazily because judging it reads the request's details from the ledger, which
 * a caller that only lists what waits (such as a status view) does not need.
 */
public final class PendingPromotion {
    private final String promotionId;
    private final Digest digest;
    private final String target;
    private final @Nullable String source;
    private final String principal;
    private final Supplier<Plan> judge;
    private volatile @Nullable Plan plan;

    /** For engines and tests: {@code judge} is asked once, on the first call of {@link #plan()}. */
    public PendingPromotion(String promotionId, Digest digest, String target, @Nullable String source,
            String principal, Supplier<Plan> judge) {
        this.promotionId = InvalidValueException.requireNonNull("promotionId", promotionId);
        this.digest = InvalidValueException.requireNonNull("digest", digest);
        this.target = InvalidValueException.requireNonNull("target", target);
        this.source = source;
        this.principal = InvalidValueException.requireNonNull("principal", principal);
        this.judge = Objects.requireNonNull(judge, "judge");
    }

    public String promotionId() {
        return promotionId;
    }

    public Digest digest() {
        return digest;
    }

    public String target() {
        return target;
    }

    public @Nullable String source() {
        return source;
    }

    /** Who asked for it. */
    public String principal() {
        return principal;
    }

    /** The request and its decision judged now (once; later calls return the same plan). */
    public Plan plan() {
        Plan current = plan;
        if (current == null) {
            synchronized (this) {
                current = plan;
                if (current == null) {
                    current = judge.get();
                    plan = current;
                }
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return "PendingPromotion[" + promotionId + ": " + digest.shortForm() + " into " + target + " for " + principal + "]";
    }
}
