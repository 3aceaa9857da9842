package dev.airlock.testkit;

import dev.airlock.environment.AccountId;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import java.time.Clock;

/**
 * The ledger as the engine of a {@link TestWorld} sees it: appends go through {@link Faults} and are
 * recorded as calls in the security account. Reads are neither faulted nor recorded: the engine
 * reads before most steps, and recording that would bury the calls a test cares about.
 */
final class FaultyLedger extends ForwardingLedger {
    private final AccountId security;
    private final String caller;
    private final Faults faults;
    private final CallLog calls;
    private final Clock clock;

    FaultyLedger(Ledger ledger, AccountId security, String caller, Faults faults, CallLog calls, Clock clock) {
        super(ledger);
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
            super.append(entry);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            calls.add(new CallRecord(clock.instant(), Operation.LEDGER_APPEND, security, entry.environment(), caller,
                    entry.principal(), entry.digest(), entry.promotionId(),
                    failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage()));
        }
    }
}
