package dev.airlock.internal.promotion;

import dev.airlock.attestation.Verification;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.ledger.LedgerHead;
import dev.airlock.ledger.LedgerTamperedException;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.Signer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting from checkpoints, writing them, and auditing them. A checkpoint is trusted only as far as
 * the entries agree with it: a cold start checks that the entry at its sequence has its head hash
 * (so a chain that does not extend the newest checkpoint, truncation included, is refused), and a
 * full audit recomputes every checkpoint's state from the entries before it.
 */
public final class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    private Checkpoints() {
    }

    /** The checkpoint of {@code view} at its head. */
    public static Checkpoint of(LedgerView view, Instant now, @Nullable Signer ledgerSigner) {
        Checkpoint checkpoint = Checkpoint.of(view.head(), now, ViewState.write(view));
        return ledgerSigner == null ? checkpoint : Attestations.sign(checkpoint, ledgerSigner);
    }

    /**
     * A view caught up with the ledger, started at its newest checkpoint (or at its first entry when it
     * has none), reading only the entries from the checkpoint on.
     *
     * @throws LedgerTamperedException when the entries do not extend the newest checkpoint or each other
     */
    public static LedgerView open(Ledger ledger, Attestations attestations) {
        return open(ledger, trusted(ledger.latestCheckpoint(), attestations), attestations);
    }

    /** The newest checkpoint if a cold start may trust it; a checkpoint it may not costs a full read, never trust. */
    private static Optional<Checkpoint> trusted(Optional<Checkpoint> newest, Attestations attestations) {
        return newest.filter(checkpoint -> {
            Verification trust = attestations.trust(checkpoint);
            if (!trust.counted()) {
                LOG.warn("checkpoint {} is not used: {}; reading the ledger from its first entry",
                        checkpoint.sequence(), trust.reason());
            }
            return trust.counted();
        });
    }

    private static LedgerView open(Ledger ledger, Optional<Checkpoint> newest, Attestations attestations) {
        LedgerView view = new LedgerView(attestations);
        if (newest.isEmpty()) {
            view.catchUp(ledger);
            return view;
        }
        Checkpoint checkpoint = newest.get();
        List<LedgerEntry> fromHead = ledger.read(checkpoint.sequence());
        LedgerEntry head = requireHead(checkpoint, fromHead, ledger);
        LedgerView restored;
        try {
            restored = ViewState.restore(checkpoint.state(), head, attestations);
        } catch (IllegalArgumentException e) {
            throw mismatch(checkpoint.sequence(), "checkpoint " + checkpoint.sequence() + " cannot be read: "
                    + e.getMessage());
        }
        restored.applyVerified(LedgerHead.of(head), fromHead.subList(1, fromHead.size()));
        return restored;
    }

    /**
     * Walks the whole ledger from its first entry, like {@link Ledger#verify()}, and also checks every
     * checkpoint: its entry has its head hash, its state is the state the entries up to it produce, and
     * no checkpoint lies beyond the last entry; and no entry is dated earlier than the one before it by
     * more than {@code maxClockSkew}.
     */
    public static ChainReport audit(Ledger ledger, @Nullable LedgerHead expected, Duration maxClockSkew,
            Attestations attestations) {
        // Checkpoints first: one written while the entries are read is then at or below what was read.
        List<Checkpoint> stored = ledger.checkpoints(0);
        ChainReport chain = ledger.verify();
        if (!chain.ok()) {
            return chain;
        }
        List<LedgerEntry> entries = ledger.read(1);
        if (expected != null) {
            ChainReport pinned = LedgerChain.verify(entries, expected);
            if (!pinned.ok()) {
                return pinned;
            }
        }
        ChainReport timed = LedgerChain.verifyTimeOrder(entries, maxClockSkew);
        if (!timed.ok()) {
            return timed;
        }
        Map<Long, Checkpoint> checkpoints = new TreeMap<>();
        for (Checkpoint checkpoint : stored) {
            if (checkpoints.putIfAbsent(checkpoint.sequence(), checkpoint) != null) {
                return new ChainReport(0, mismatch(checkpoint.sequence(), "two checkpoints claim entry "
                        + checkpoint.sequence() + ": one was copied under another name").brokenLink());
            }
        }
        long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
        Optional<Checkpoint> beyond = checkpoints.values().stream().filter(c -> c.sequence() > last).findFirst();
        if (beyond.isPresent()) {
            return new ChainReport(entries.size(), truncated(beyond.get().sequence(), last));
        }
        for (Checkpoint checkpoint : checkpoints.values()) {
            Verification signature = attestations.signature(checkpoint);
            if (checkpoint.signature() != null && attestations.ledgerOwner() != null && !signature.counted()) {
                return new ChainReport(0, mismatch(checkpoint.sequence(), "checkpoint " + checkpoint.sequence()
                        + " is not signed by the ledger's key (" + signature.reason() + "): it was forged")
                        .brokenLink());
            }
        }
        LedgerView replay = new LedgerView(attestations);
        String basis = ViewState.basis(attestations.keyring());
        for (LedgerEntry entry : entries) {
            try {
                replay.applyVerified(replay.head(), List.of(entry));
            } catch (LedgerTamperedException e) {
                return new ChainReport(entry.sequence() - 1, e.brokenLink());
            }
            Checkpoint checkpoint = checkpoints.get(entry.sequence());
            if (checkpoint != null && !checkpoint.headHash().equals(entry.hash())) {
                return new ChainReport(entry.sequence(), mismatch(entry.sequence(), "checkpoint "
                        + entry.sequence() + " names another entry " + entry.sequence() + " than the ledger holds: it"
                        + " belongs to another ledger, or the ledger was rewritten").brokenLink());
            }
            // A state on another basis (keyring, layout) cannot be recomputed; a cold start does not use it either.
            if (checkpoint != null && basis.equals(ViewState.basis(checkpoint.state()))
                    && !checkpoint.state().equals(ViewState.write(replay))) {
                return new ChainReport(entry.sequence(), mismatch(entry.sequence(), "checkpoint "
                        + entry.sequence() + " records another state than the entries up to it produce: it was "
                        + "forged").brokenLink());
            }
        }
        return ChainReport.intact(entries.size());
    }

    /**
     * Verifies only the tail: the newest checkpoint against its entry, and the entries after it.
     *
     * @return a report counting the entries checked after the checkpoint
     */
    public static ChainReport auditTail(Ledger ledger, Attestations attestations) {
        try {
            Optional<Checkpoint> newest = trusted(ledger.latestCheckpoint(), attestations);
            LedgerHead start = newest.map(Checkpoint::head).orElse(LedgerHead.empty());
            LedgerView view = open(ledger, newest, attestations);
            return ChainReport.intact(view.head().sequence() - start.sequence());
        } catch (LedgerTamperedException e) {
            return new ChainReport(0, e.brokenLink());
        }
    }

    private static LedgerEntry requireHead(Checkpoint checkpoint, List<LedgerEntry> fromHead, Ledger ledger) {
        if (fromHead.isEmpty() || fromHead.get(0).sequence() != checkpoint.sequence()) {
            long last = ledger.lastSequence();
            if (last >= checkpoint.sequence()) {
                throw new LedgerTamperedException(new BrokenLink(checkpoint.sequence(), 1, BrokenLink.Kind.MISSING,
                        "entry " + checkpoint.sequence() + ", where the newest checkpoint was taken, is missing"));
            }
            throw new LedgerTamperedException(truncated(checkpoint.sequence(), last));
        }
        LedgerEntry head = fromHead.get(0);
        if (!head.hash().equals(LedgerChain.expectedHash(head))) {
            throw new LedgerTamperedException(new BrokenLink(head.sequence(), 1, BrokenLink.Kind.EDITED,
                    "entry " + head.sequence() + " was edited: its hash does not match its content"));
        }
        if (!head.hash().equals(checkpoint.headHash())) {
            throw mismatch(head.sequence(), "entry " + head.sequence() + " is not the entry checkpoint "
                    + checkpoint.sequence() + " was taken at: the ledger was rewritten at or before entry "
                    + head.sequence() + ", or the checkpoint belongs to another ledger");
        }
        return head;
    }

    private static BrokenLink truncated(long checkpoint, long last) {
        return new BrokenLink(last + 1, last + 1, BrokenLink.Kind.TRUNCATED, "a checkpoint was taken at entry "
                + checkpoint + " but the ledger ends at entry " + last + ": entries after " + last + " are missing");
    }

    private static LedgerTamperedException mismatch(long sequence, String message) {
        return new LedgerTamperedException(new BrokenLink(sequence, sequence, BrokenLink.Kind.CHECKPOINT_MISMATCH,
                message));
    }
}
