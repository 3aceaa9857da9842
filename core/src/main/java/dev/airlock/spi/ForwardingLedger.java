package dev.airlock.spi;

import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.LedgerEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Ledger} that passes every call to another one: extend it to decorate a ledger (record calls,
 * inject faults, hide checkpoints) and override only what changes. Forwarding every method here, once,
 * means a method added to the port later reaches the wrapped ledger instead of its default.
 */
public abstract class ForwardingLedger implements Ledger {
    private final Ledger ledger;

    protected ForwardingLedger(Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** The ledger calls are passed to. */
    protected final Ledger delegate() {
        return ledger;
    }

    @Override
    public void append(LedgerEntry entry) {
        ledger.append(entry);
    }

    @Override
    public List<LedgerEntry> read(long fromSequence) {
        return ledger.read(fromSequence);
    }

    @Override
    public long lastSequence() {
        return ledger.lastSequence();
    }

    @Override
    public ChainReport verify() {
        return ledger.verify();
    }

    @Override
    public boolean putCheckpoint(Checkpoint checkpoint) {
        return ledger.putCheckpoint(checkpoint);
    }

    @Override
    public List<Checkpoint> checkpoints(long fromSequence) {
        return ledger.checkpoints(fromSequence);
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return ledger.latestCheckpoint();
    }

    @Override
    public Optional<String> truncationRisk() {
        return ledger.truncationRisk();
    }

    @Override
    public Optional<String> repair() {
        return ledger.repair();
    }

    @Override
    public String toString() {
        return ledger.toString();
    }
}
