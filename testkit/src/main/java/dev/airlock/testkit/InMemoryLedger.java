package dev.airlock.testkit;

import dev.airlock.InvalidValueException;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.CheckpointCodec;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerHead;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.LedgerConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A ledger in memory, with the same rules as every real one: {@link #append} is a compare-and-set
 * on the sequence number ({@link LedgerConflictException} when it is taken) and refuses entries
 * that are not the next link of the chain. Thread-safe; reads return snapshots.
 */
public final class InMemoryLedger implements Ledger {
    // The last entry ever appended: entries tampered away from the end still leave their head to verify against.
    private LedgerHead highestAppended = LedgerHead.empty();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final NavigableMap<Long, String> checkpoints = new TreeMap<>();
    private boolean tampered;

    @Override
    public synchronized void append(LedgerEntry entry) {
        InvalidValueException.requireNonNull("entry", entry);
        LedgerEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (last != null && entry.sequence() <= last.sequence()) {
            throw new LedgerConflictException(entry.sequence());
        }
        LedgerChain.requireFollows(last, entry);
        entries.add(entry);
        if (entry.sequence() > highestAppended.sequence()) {
            highestAppended = LedgerHead.of(entry);
        }
    }

    /**
     * Verifies the stored entries against the last entry ever appended, as the local and S3 ledgers
     * verify against the last one they have seen, so entries {@linkplain #tamper tampered} away from the
     * end are reported ({@link dev.airlock.ledger.BrokenLink.Kind#TRUNCATED}) and not only breaks inside
     * the chain.
     */
    @Override
    public synchronized ChainReport verify() {
        return LedgerChain.verify(List.copyOf(entries), highestAppended);
    }

    @Override
    public synchronized List<LedgerEntry> read(long fromSequence) {
        // Appends keep entry i at sequence i + 1, so a read copies only the tail; after tampering
        // (entries deleted, reordered, renumbered) that may not hold, so every entry is looked at.
        if (!tampered) {
            int from = fromSequence <= 1 ? 0 : (int) Math.min(entries.size(), fromSequence - 1);
            return List.copyOf(entries.subList(from, entries.size()));
        }
        return entries.stream().filter(entry -> entry.sequence() >= fromSequence).toList();
    }

    @Override
    public synchronized long lastSequence() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
    }

    /** Nothing outside this process can change it; {@link #tamper} is the test's own doing. */
    @Override
    public Optional<String> truncationRisk() {
        return Optional.empty();
    }

    /** Stores the checkpoint in its JSON encoding, as durable backends do, unless one is stored at its sequence. */
    @Override
    public synchronized boolean putCheckpoint(Checkpoint checkpoint) {
        InvalidValueException.requireNonNull("checkpoint", checkpoint);
        return checkpoints.putIfAbsent(checkpoint.sequence(), CheckpointCodec.toJson(checkpoint)) == null;
    }

    @Override
    public synchronized List<Checkpoint> checkpoints(long fromSequence) {
        return checkpoints.tailMap(fromSequence, true).entrySet().stream()
                .map(stored -> CheckpointCodec.fromJson(stored.getValue(), "checkpoint " + stored.getKey())).toList();
    }

    /**
     * Rewrites the stored entries behind the ledger's back, as someone with write access to the
     * storage could: edit, delete, reorder or insert entries, to test that verification catches it.
     * The rewrite is applied to a mutable copy and stored as returned; later appends chain to the
     * new last entry.
     */
    public synchronized void tamper(UnaryOperator<List<LedgerEntry>> rewrite) {
        List<LedgerEntry> rewritten = rewrite.apply(new ArrayList<>(entries));
        entries.clear();
        entries.addAll(rewritten);
        tampered = true;
    }

    @Override
    public synchronized String toString() {
        return "InMemoryLedger[" + entries.size() + " entries]";
    }
}
