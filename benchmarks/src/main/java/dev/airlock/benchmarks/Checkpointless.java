package dev.airlock.benchmarks;

import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.Ledger;
import java.util.List;
import java.util.Optional;

/**
 * A ledger whose checkpoints are hidden: an engine on it replays the view from entry 1, as before checkpoints
 * existed. The "without checkpoints" side of every before-and-after comparison, on the same stored ledger.
 */
final class Checkpointless implements Ledger {
    private final Ledger ledger;

    Checkpointless(Ledger ledger) {
        this.ledger = ledger;
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
    public Optional<String> truncationRisk() {
        return ledger.truncationRisk();
    }

    @Override
    public Optional<String> repair() {
        return ledger.repair();
    }
}
