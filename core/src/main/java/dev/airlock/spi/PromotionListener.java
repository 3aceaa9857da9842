package dev.airlock.spi;

import dev.airlock.artifact.Digest;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.LedgerEntry;
import java.time.Duration;

/**
 * Told about every entry the engine appends to the ledger, after it is durable. Listeners run on
 * the promoting thread; one that throws is logged and does not fail the promotion.
 */
@FunctionalInterface
public interface PromotionListener {
    void onEntry(LedgerEntry entry);

    /**
     * The engine found the ledger broken (a changed, missing or reordered entry, or a chain that does
     * not extend the newest checkpoint) and refuses to decide or append on it. Does nothing unless
     * overridden.
     */
    default void onTampering(BrokenLink brokenLink) {
    }

    /**
     * A promotion found {@code environment}'s lease held by another, {@code holder}, and was refused
     * (one promotion per environment at a time). Does nothing unless overridden.
     */
    default void onLeaseConflict(String environment, String holder) {
    }

    /**
     * A promotion asked for its target environment's lease and took it or was refused, after waiting
     * {@link LeaseWait#waited()} (for other promoters' appends to the ledger, and for its own re-reads).
     * Does nothing unless overridden.
     */
    default void onLeaseWait(LeaseWait wait) {
    }

    /**
     * How far a promotion's transfer has come, as often as its store reports (for a progress bar; the
     * {@code TRANSFERRED} entry follows when the bytes are verified). Does nothing unless overridden.
     */
    default void onTransfer(Progress progress) {
    }

    /**
     * A transfer's progress: {@code bytesDone} of {@code bytesTotal} (-1 when the store cannot know) of
     * {@code digest} into {@code environment}, for promotion {@code promotionId}.
     */
    record Progress(String promotionId, String environment, Digest digest, long bytesDone, long bytesTotal) {
    }

    /**
     * How promotion {@code promotionId} fared asking for {@code environment}'s lease, and how long it took
     * (elapsed time, measured apart from the engine's clock, which may stand still).
     */
    record LeaseWait(String promotionId, String environment, Result result, Duration waited) {
        /** What the promotion got. */
        public enum Result {
            /** It holds the lease. */
            TAKEN,
            /** Another promotion holds the lease; this one was refused. */
            HELD,
            /** Refused for another conflict: the environment moved since the decision, or the ledger stayed busy. */
            CONFLICT
        }
    }
}
