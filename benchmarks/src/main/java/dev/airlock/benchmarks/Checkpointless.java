package dev.airlock.benchmarks;

import dev.airlock.ledger.Checkpoint;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import java.util.List;
import java.util.Optional;

/**
 * A ledger whose checkpoints are hidden: an engine on it replays the view from entry 1, as before checkpoints
 * existed. The "without checkpoints" side of every before-and-after comparison, on the same stored ledger.
 */
final class Checkpointless extends ForwardingLedger {
    Checkpointless(Ledger ledger) {
        super(ledger);
    }

    @Override
    public boolean putCheckpoint(Checkpoint checkpoint) {
        return false;
    }

    @Override
    public List<Checkpoint> checkpoints(long fromSequence) {
        return List.of();
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return Optional.empty();
    }
}
