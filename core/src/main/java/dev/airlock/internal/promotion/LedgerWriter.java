package dev.airlock.internal.promotion;

import dev.airlock.ledger.LedgerChain;
import dev.airlock.promotion.PromotionConflictException;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.LedgerConflictException;
import dev.airlock.spi.PromotionListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends to the ledger with compare-and-set. Each append re-reads what other writers added,
 * re-checks its precondition against that fresh view, then appends at the next sequence number; a
 * conflict (another process won the race) repeats the cycle. So a precondition such as "I still
 * hold the lease" or "the environment still runs digest X" is true at the instant of the append.
 */
public final class LedgerWriter {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerWriter.class);
    private static final int MAX_ATTEMPTS = 64;

    private final Ledger ledger;
    private final Clock clock;
    private final List<PromotionListener> listeners;
    private final LedgerView view = new LedgerView();
    private final ReentrantLock lock = new ReentrantLock();

    public LedgerWriter(Ledger ledger, Clock clock, List<PromotionListener> listeners) {
        this.ledger = ledger;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** Reads the caught-up view under the lock. */
    public <T> T read(Function<LedgerView, T> query) {
        lock.lock();
        try {
            view.catchUp(ledger);
            return query.apply(view);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends the draft {@code build} returns, after {@code precondition} accepted the current view
     * (it throws to refuse). Returns the durable entry.
     */
    public LedgerEntry append(Consumer<LedgerView> precondition, Function<LedgerView, LedgerEntry.Draft> build) {
        for (int attempt = 1; ; attempt++) {
            LedgerEntry entry = tryAppend(precondition, build);
            if (entry != null) {
                notifyListeners(entry);
                return entry;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new PromotionConflictException("the ledger was appended to by other writers " + attempt
                        + " times in a row; nothing was recorded, try again");
            }
            // Another process appended first; back off a little so contenders interleave.
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 500_000L * Math.min(attempt, 10)));
        }
    }

    /** One compare-and-set attempt; null when another writer took the sequence number first. */
    private @Nullable LedgerEntry tryAppend(Consumer<LedgerView> precondition,
            Function<LedgerView, LedgerEntry.Draft> build) {
        lock.lock();
        try {
            view.catchUp(ledger);
            precondition.accept(view);
            LedgerEntry entry = LedgerChain.next(view.last(), build.apply(view), clock.instant());
            ledger.append(entry);
            view.apply(entry);
            return entry;
        } catch (LedgerConflictException conflict) {
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Appends unconditionally (still chained and compare-and-set). */
    public LedgerEntry append(LedgerEntry.Draft draft) {
        return append(v -> { }, v -> draft);
    }

    private void notifyListeners(LedgerEntry entry) {
        for (PromotionListener listener : listeners) {
            try {
                listener.onEntry(entry);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed on ledger entry {}; the entry is recorded", listener, entry.sequence(), e);
            }
        }
    }

}
