package dev.airlock.spi;

import dev.airlock.artifact.Digest;
import dev.airlock.ledger.LedgerEntry;

/**
 * Told about every entry the engine appends to the ledger, after it is durable. Listeners run on
 * the promoting thread; one that throws is logged and does not fail the promotion.
 */
@FunctionalInterface
public interface PromotionListener {
    void onEntry(LedgerEntry entry);

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
