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
 * Appends to the ledger with compare-and-set. An append checks its precondition against the view,
 * then appends at the view's next sequence number; the ledger accepts that number only if nobody
 * took it, so a successful append proves the view was current at that instant, and a precondition
 * such as "I still hold the lease" or "the environment still runs digest X" held when the entry
 * landed. A conflict (another process won the race) re-reads what the others added and repeats
 * the cycle. The first attempt does not re-read: the compare-and-set makes that safe, and on a
 * remote ledger it saves a listing per append.
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
            LedgerEntry entry = tryAppend(precondition, build, attempt > 1);
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
            Function<LedgerView, LedgerEntry.Draft> build, boolean retry) {
        lock.lock();
        try {
            boolean fresh = retry || view.last() == null;
            if (fresh) {
                view.catchUp(ledger);
            }
            try {
                precondition.accept(view);
            } catch (RuntimeException refused) {
                if (fresh) {
                    throw refused;
                }
                view.catchUp(ledger); // refuse only on what the ledger says now, never on a stale view
                precondition.accept(view);
            }
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
