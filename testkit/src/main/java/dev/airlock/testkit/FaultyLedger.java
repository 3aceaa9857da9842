package dev.airlock.testkit;

import dev.airlock.environment.AccountId;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.Ledger;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The ledger as the engine of a {@link TestWorld} sees it: appends go through {@link Faults} and are
 * recorded as calls in the security account. Reads are neither faulted nor recorded: the engine
 * reads before most steps, and recording that would bury the calls a test cares about.
 */
final class FaultyLedger implements Ledger {
    private final Ledger ledger;
    private final AccountId security;
    private final String caller;
    private final Faults faults;
    private final CallLog calls;
    private final Clock clock;

    FaultyLedger(Ledger ledger, AccountId security, String caller, Faults faults, CallLog calls, Clock clock) {
        this.ledger = ledger;
        this.security = security;
        this.caller = caller;
        this.faults = faults;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public void append(LedgerEntry entry) {
        RuntimeException failure = null;
        try {
            faults.beforeCall(Operation.LEDGER_APPEND, entry.environment(), security, caller);
            ledger.append(entry);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            calls.add(new CallRecord(clock.instant(), Operation.LEDGER_APPEND, security, entry.environment(), caller,
                    entry.principal(), entry.digest(), entry.promotionId(),
                    failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
        }
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
    public Optional<String> repair() {
        return ledger.repair();
    }

    @Override
    public String toString() {
        return ledger.toString();
    }
}
