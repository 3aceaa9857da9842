package dev.airlock.micrometer;

import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * A ledger whose appends are timed ({@value #APPENDS}, tagged {@code outcome} ok or failed): appends
 * are where a slow store or contention between promoters shows first.
 */
public final class MeteredLedger extends ForwardingLedger {
    public static final String APPENDS = "airlock.ledger.append";

    private final Timer ok;
    private final Timer failed;

    public MeteredLedger(Ledger ledger, MeterRegistry registry) {
        super(ledger);
        this.ok = Timer.builder(APPENDS).description("ledger appends").tag("outcome", "ok").register(registry);
        this.failed = Timer.builder(APPENDS).description("ledger appends").tag("outcome", "failed").register(registry);
    }

    @Override
    public void append(LedgerEntry entry) {
        long start = System.nanoTime();
        try {
            super.append(entry);
            ok.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            failed.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            throw e;
        }
    }
}
