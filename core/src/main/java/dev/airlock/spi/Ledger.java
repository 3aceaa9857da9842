package dev.airlock.spi;

import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerTamperedException;
import java.util.List;
import java.util.Optional;

/**
 * Storage for the audit ledger. Implementations only store and read; hashing and verification
 * live in {@code dev.airlock.ledger.LedgerChain}, so every backend chains entries identically.
 *
 * <p>{@link #append} is a compare-and-set on the sequence number: it succeeds only when
 * {@code entry.sequence()} is exactly one more than the last stored entry, and then the entry is
 * durable before the call returns. Two writers that read the same tail can never both append: the
 * loser gets a {@link LedgerConflictException} and must re-read, re-check and retry. Everything
 * that must not happen twice (moving an environment's digest, taking a lease) is built on this.
 */
public interface Ledger {

    /**
     * Stores {@code entry}, already chained to the current last entry.
     *
     * @throws LedgerConflictException if another entry already has that sequence number
     */
    void append(LedgerEntry entry);

    /** Entries with sequence {@code >= fromSequence}, in order; {@code read(1)} is the whole ledger. */
    List<LedgerEntry> read(long fromSequence);

    /** The sequence number of the last entry, 0 when empty. */
    long lastSequence();

    /**
     * Walks the whole chain as stored now and reports the first broken link. Backends that cache
     * entries override this to re-read their storage, so tampering behind their back is seen.
     */
    default ChainReport verify() {
        return LedgerChain.verify(read(1));
    }

    /**
     * Stores {@code checkpoint} if none is stored at its sequence yet; checkpoints are never replaced.
     * The caller has checked that it matches the entry at its sequence. Backends that cannot store
     * checkpoints keep the default, which stores nothing: readers then replay from the first entry.
     *
     * @return whether it was stored; false when one already existed at that sequence, or never stored
     */
    default boolean putCheckpoint(Checkpoint checkpoint) {
        return false;
    }

    /**
     * Checkpoints stored with a sequence of at least {@code fromSequence}, oldest first; {@code
     * checkpoints(0)} is all of them. A stored object that is not an intact checkpoint is reported,
     * never skipped.
     *
     * @throws LedgerTamperedException naming a stored checkpoint that cannot be read or whose hash does not
     *                                 match its content
     */
    default List<Checkpoint> checkpoints(long fromSequence) {
        return List.of();
    }

    /** The checkpoint with the highest sequence, if any: where a cold start begins. */
    default Optional<Checkpoint> latestCheckpoint() {
        List<Checkpoint> all = checkpoints(0);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Why entries cut from the end of this ledger could go unnoticed by a reader that holds no head of
     * its own (one pinned elsewhere, or a checkpoint beyond the cut), or empty when the storage itself
     * refuses to delete or replace entries. The default says that nothing is known about the storage.
     */
    default Optional<String> truncationRisk() {
        return Optional.of("this storage does not say whether it refuses deletions: pin the ledger's head somewhere"
                + " its writers cannot change, and verify against it");
    }

    /**
     * Repairs what a crash in the middle of an append can leave behind, a torn last record, by moving
     * it aside, never deleting it. Backends whose appends are atomic have nothing to repair.
     *
     * @return where the removed bytes were moved, for inspection; empty when there was nothing to repair
     */
    default Optional<String> repair() {
        return Optional.empty();
    }
}
