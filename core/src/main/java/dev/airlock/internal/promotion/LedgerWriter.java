package dev.airlock.internal.promotion;

import dev.airlock.InvalidValueException;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.promotion.PromotionConflictException;
import dev.airlock.spi.AuthenticationException;
import dev.airlock.spi.Authenticator;
import dev.airlock.spi.Identity;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.LedgerConflictException;
import dev.airlock.spi.PromotionListener;
import dev.airlock.spi.Signer;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final int checkpointInterval;
    private final Duration maxClockSkew;
    private final @Nullable Authenticator authenticator;
    private final Attestations attestations;
    private final @Nullable Signer ledgerSigner;
    // Guarded by lock; authenticated on the first append, then kept.
    private @Nullable Identity actor;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock; null until the first read, which starts it from the newest checkpoint.
    private @Nullable LedgerView view;

    /**
     * @param checkpointInterval write a checkpoint after every entry whose sequence is a multiple of it; 0 never
     * @param maxClockSkew       how much earlier than the ledger's last entry this writer's clock may be
     * @param authenticator      who acts: every entry records its evidence, and an authenticated principal is
     *                           the only one entries are written for; null records none (the caller vouches)
     * @param attestations       how attestations read from the ledger are checked
     * @param ledgerSigner       signs checkpoints; null writes them unsigned
     */
    public LedgerWriter(Ledger ledger, Clock clock, List<PromotionListener> listeners, int checkpointInterval,
            Duration maxClockSkew, @Nullable Authenticator authenticator, Attestations attestations,
            @Nullable Signer ledgerSigner) {
        this.authenticator = authenticator;
        this.ledger = ledger;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.checkpointInterval = checkpointInterval;
        this.maxClockSkew = maxClockSkew;
        this.attestations = attestations;
        this.ledgerSigner = ledgerSigner;
    }

    /** Reads the caught-up view under the lock. */
    public <T> T read(Function<LedgerView, T> query) {
        lock.lock();
        try {
            return query.apply(caughtUp());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes a checkpoint at the current head unless one is stored there already.
     *
     * @return the checkpoint stored at the head
     * @throws InvalidValueException when the ledger is empty: a checkpoint is taken at an entry
     */
    public Checkpoint checkpoint() {
        lock.lock();
        try {
            LedgerView current = caughtUp();
            if (current.last() == null) {
                throw new InvalidValueException("ledger", "empty", "has no entry to take a checkpoint at");
            }
            Checkpoint checkpoint = Checkpoints.of(current, clock.instant(), ledgerSigner);
            if (ledger.putCheckpoint(checkpoint)) {
                return checkpoint;
            }
            return ledger.checkpoints(checkpoint.sequence()).stream()
                    .filter(stored -> stored.sequence() == checkpoint.sequence()).findFirst().orElse(checkpoint);
        } finally {
            lock.unlock();
        }
    }

    /** The view, started on first use and caught up with the ledger; call under the lock. */
    private LedgerView caughtUp() {
        try {
            if (view == null) {
                view = Checkpoints.open(ledger, attestations);
            } else {
                view.catchUp(ledger);
            }
            return view;
        } catch (LedgerTamperedException e) {
            view = null; // half-applied, and the storage is broken: every later call re-reads it and refuses again
            throw tampered(e);
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
            boolean fresh = retry || view == null || view.last() == null;
            LedgerView current = fresh ? caughtUp() : view;
            LedgerEntry.Draft draft;
            try {
                draft = admit(current, precondition, build);
            } catch (RuntimeException refused) {
                if (fresh) {
                    throw refused;
                }
                caughtUp(); // refuse only on what the ledger says now, never on a stale view
                draft = admit(current, precondition, build);
            }
            LedgerEntry entry = LedgerChain.next(current.last(), withEvidence(draft), clock.instant());
            // The backend checks the links; only the engine knows the skew it allows between clocks.
            LedgerChain.requireTimeFollows(current.last(), entry, maxClockSkew);
            ledger.append(entry);
            current.apply(entry);
            if (checkpointInterval > 0 && entry.sequence() % checkpointInterval == 0) {
                writeCheckpoint(current);
            }
            return entry;
        } catch (LedgerConflictException conflict) {
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** The draft, once the caller's precondition and the writer's own rules accepted it on {@code view}. */
    private static LedgerEntry.Draft admit(LedgerView view, Consumer<LedgerView> precondition,
            Function<LedgerView, LedgerEntry.Draft> build) {
        precondition.accept(view);
        LedgerEntry.Draft draft = build.apply(view);
        requireNotEnded(view, draft);
        return draft;
    }

    /**
     * An ended promotion (released, failed, aborted, or stopped by its decision) takes no further step.
     * Checked here, against the view the compare-and-set proves current, rather than by each caller:
     * a caller's earlier read cannot see an abort that lands between that read and its append (a resume
     * racing an abort would otherwise lease, transfer and promote what was aborted).
     */
    private static void requireNotEnded(LedgerView view, LedgerEntry.Draft draft) {
        if (draft.promotionId() == null || draft.type() == EntryType.DECIDED) {
            return;
        }
        // A withdrawal ends a request that stopped at its PENDING decision; its caller checks that it still waits.
        boolean withdrawingPending = draft.type() == EntryType.WITHDRAWN;
        view.promotion(draft.promotionId()).filter(LedgerView.PromotionRecord::finished)
                .filter(ended -> !(withdrawingPending && ended.lastStep() == EntryType.DECIDED)).ifPresent(ended -> {
            throw new InvalidValueException("promotionId", ended.promotionId(), "already ended ("
                    + ended.lastStep() + "); nothing more is recorded for it, start a new promotion instead");
        });
    }

    /**
     * Whether entries may be written for {@code principal}: always without an authenticator, else only for the
     * authenticated principal (or any, where identities are declared unauthenticated).
     *
     * @return null when they may, else why not
     * @throws AuthenticationException when the caller cannot be authenticated at all
     */
    public @Nullable String whyNotFor(String principal) {
        if (authenticator == null) {
            return null;
        }
        lock.lock();
        try {
            if (actor == null) {
                actor = authenticator.authenticate();
            }
            return !actor.authenticated() || actor.principal().equals(principal) ? null
                    : "this run is authenticated as '" + actor.principal() + "' (" + actor.method() + ": "
                            + actor.caller() + "), and only '" + principal + "' may write its entries";
        } finally {
            lock.unlock();
        }
    }

    /**
     * The draft with the actor's evidence ({@link Details#AUTHENTICATED_BY}, {@link Details#CALLER}, and
     * {@link Details#UNAUTHENTICATED} where identities are not authenticated); call under the lock.
     *
     * @throws AuthenticationException when the draft names another principal than the authenticated one
     */
    private LedgerEntry.Draft withEvidence(LedgerEntry.Draft draft) {
        if (authenticator == null) {
            return draft;
        }
        String notFor = whyNotFor(draft.principal());
        if (notFor != null) {
            throw new AuthenticationException("an entry for '" + draft.principal() + "' cannot be written: " + notFor);
        }
        Map<String, String> details = new LinkedHashMap<>(draft.details());
        details.put(Details.AUTHENTICATED_BY, actor.method());
        details.put(Details.CALLER, actor.caller());
        if (!actor.authenticated()) {
            details.put(Details.UNAUTHENTICATED, "true");
        }
        return new LedgerEntry.Draft(draft.type(), draft.principal(), draft.environment(), draft.digest(),
                draft.promotionId(), details);
    }

    /** Appends unconditionally (still chained and compare-and-set). */
    public LedgerEntry append(LedgerEntry.Draft draft) {
        return append(v -> { }, v -> draft);
    }

    /** A checkpoint is an optimization: failing to write one never fails the append it follows. */
    private void writeCheckpoint(LedgerView view) {
        try {
            ledger.putCheckpoint(Checkpoints.of(view, clock.instant(), ledgerSigner));
        } catch (RuntimeException e) {
            LOG.warn("could not write a checkpoint at ledger entry {}; the next one will be tried at entry {}",
                    view.head().sequence(), view.head().sequence() + checkpointInterval, e);
        }
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

    /** Tells every listener that a promotion into {@code environment} met the lease {@code holder} holds. */
    public void notifyLeaseConflict(String environment, String holder) {
        for (PromotionListener listener : listeners) {
            try {
                listener.onLeaseConflict(environment, holder);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed on a lease conflict in {}", listener, environment, e);
            }
        }
    }

    /** Tells every listener how a promotion fared asking for a lease; a listener that throws is logged and skipped. */
    public void notifyLeaseWait(PromotionListener.LeaseWait wait) {
        for (PromotionListener listener : listeners) {
            try {
                listener.onLeaseWait(wait);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed on a lease wait in {}", listener, wait.environment(), e);
            }
        }
    }

    /**
     * Tells every listener about {@code tampering} and returns it for the caller to throw. Whatever a listener
     * does (throws, even an error), the refusal is what the caller gets: telling must never hide it.
     */
    public LedgerTamperedException tampered(LedgerTamperedException tampering) {
        for (PromotionListener listener : listeners) {
            try {
                listener.onTampering(tampering.brokenLink());
            } catch (VirtualMachineError e) {
                throw e; // out of memory or stack: nothing is safe to do but stop
            } catch (RuntimeException | Error e) {
                tampering.addSuppressed(e);
                LOG.warn("listener {} failed on ledger tampering at {}", listener, tampering.brokenLink().sequence(), e);
            }
        }
        return tampering;
    }

    /** Tells every listener that an audit found {@code report} broken; does nothing for an intact chain. */
    public ChainReport audited(ChainReport report) {
        report.firstBrokenLink().ifPresent(link -> tampered(new LedgerTamperedException(link)));
        return report;
    }

    /** Tells every listener how far a transfer has come; a listener that throws is logged and skipped. */
    public void progress(PromotionListener.Progress progress) {
        for (PromotionListener listener : listeners) {
            try {
                listener.onTransfer(progress);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed on transfer progress of {}", listener, progress.promotionId(), e);
            }
        }
    }
}
