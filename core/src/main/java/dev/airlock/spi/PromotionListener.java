package dev.airlock.spi;

import dev.airlock.ledger.LedgerEntry;

/**
 * Told about every entry the engine appends to the ledger, after it is durable. Listeners run on
 * the promoting thread; one that throws is logged and does not fail the promotion.
 */
@FunctionalInterface
public interface PromotionListener {
    void onEntry(LedgerEntry entry);
}
