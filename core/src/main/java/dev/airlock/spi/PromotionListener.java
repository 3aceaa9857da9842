package dev.airlock.spi;

import dev.airlock.artifact.Digest;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.LedgerEntry;

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
}
