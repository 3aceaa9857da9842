package dev.airlock.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.ChainReport;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.Ledger;
import dev.airlock.spi.LedgerConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link Ledger}: append with compare-and-set on the sequence number, read in
 * order, refuse entries that are not the next link, and verify the chain as stored now, against
 * the last entry the instance appended, so entries deleted from the end are reported too.
 *
 * <p>To run it against an implementation, subclass it in test sources and implement
 * {@link #createLedger()}. Then either implement {@link #tamper} (rewrite the stored entries behind
 * the ledger's back, as someone with write access to its storage could) or override
 * {@link #tamperingUnsupportedBecause()} with the reason a test cannot. Override
 * {@link #anotherWriter} when a second process would open the same storage through its own
 * instance, so conflicts are tested across instances too. Override
 * {@link #concurrentAppendsUnsupportedBecause()} only when the environment the implementation is
 * tested in (an emulator, say) cannot make conditional writes atomic, and say so.
 *
 * @param <L> the ledger implementation
 */
public abstract class LedgerContract<L extends Ledger> extends LedgerCheckpointContract<L> {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final int RACERS = 6;
    private static final int ROUNDS = 8;
    private static final int APPENDS_PER_WRITER = 5;

    /**
     * Why concurrent appends cannot be tested where this implementation runs in tests, or empty (the
     * default). Only for environments whose conditional writes are known not to be atomic; the real
     * implementation must still guarantee one winner per sequence number. The concurrency cases are
     * then reported as aborted with this reason.
     */
    protected Optional<String> concurrentAppendsUnsupportedBecause() {
        return Optional.empty();
    }

    @Test
    void newLedger_isEmptyAndIntact() {
        L ledger = createLedger();

        assertEquals(0, ledger.lastSequence());
        assertEquals(List.of(), ledger.read(1));
        ChainReport report = ledger.verify();
        assertTrue(report.ok(), report.summary());
        assertEquals(0, report.entriesChecked());
    }

    @Test
    void append_thenRead_returnsTheEntriesInOrder() {
        L ledger = createLedger();
        List<LedgerEntry> entries = appendChain(ledger, 5);

        assertEquals(5, ledger.lastSequence());
        assertEquals(entries, ledger.read(1));
        assertEquals(entries.subList(2, 5), ledger.read(3));
        assertEquals(entries.subList(4, 5), ledger.read(5));
        assertEquals(List.of(), ledger.read(6));
        assertEquals(entries, ledger.read(0), "read(0) asks for every entry with sequence >= 0");
    }

    @Test
    void append_isVisibleToAnotherWriterOfTheSameStorage() {
        L ledger = createLedger();
        List<LedgerEntry> entries = appendChain(ledger, 3);
        Ledger other = anotherWriter(ledger);

        assertEquals(3, other.lastSequence());
        assertEquals(entries, other.read(1));
    }

    @Test
    void append_whenTheSequenceIsTaken_throwsConflictAndKeepsTheFirstEntry() {
        L ledger = createLedger();
        LedgerEntry first = appendChain(ledger, 1).get(0);
        Ledger other = anotherWriter(ledger);
        LedgerEntry mine = next(first, "alice", 1);
        LedgerEntry theirs = next(first, "bob", 1);

        ledger.append(mine);
        LedgerConflictException conflict = assertThrows(LedgerConflictException.class, () -> other.append(theirs));

        assertEquals(2, conflict.sequence());
        assertTrue(conflict.retryable(), "a conflict is resolved by re-reading and retrying");
        assertEquals(List.of(first, mine), ledger.read(1));
        assertEquals(List.of(first, mine), other.read(1));
    }

    @Test
    void append_byAWriterThatIsSeveralEntriesBehind_throwsConflict() {
        L ledger = createLedger();
        List<LedgerEntry> entries = appendChain(ledger, 4);
        LedgerEntry stale = next(entries.get(0), "mallory", 9);

        LedgerConflictException conflict = assertThrows(LedgerConflictException.class,
                () -> anotherWriter(ledger).append(stale));

        assertEquals(2, conflict.sequence());
        assertEquals(entries, ledger.read(1));
    }

    @Test
    void append_theSameEntryTwice_storesItOnce() {
        L ledger = createLedger();
        LedgerEntry first = appendChain(ledger, 1).get(0);

        // A retry of an append that did land may be acknowledged or answered with a conflict; it never adds an entry.
        try {
            ledger.append(first);
        } catch (LedgerConflictException expected) {
            assertEquals(1, expected.sequence());
        }

        assertEquals(List.of(first), ledger.read(1));
        assertEquals(1, ledger.lastSequence());
    }

    @Test
    void append_leavingAGap_isRefusedAndStoresNothing() {
        L ledger = createLedger();
        List<LedgerEntry> entries = appendChain(ledger, 2);
        LedgerEntry skipped = next(entries.get(1), "alice", 3);
        LedgerEntry afterGap = next(skipped, "alice", 4);

        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> ledger.append(afterGap));

        assertEquals("sequence", refused.field());
        assertEquals(entries, ledger.read(1));
        assertEquals(2, ledger.lastSequence());
    }

    @Test
    void append_chainedToAnotherPrevious_isRefusedAndStoresNothing() {
        L ledger = createLedger();
        List<LedgerEntry> entries = appendChain(ledger, 2);
        LedgerEntry forgedSecond = next(entries.get(0), "mallory", 99);
        LedgerEntry chainedToForgery = next(forgedSecond, "mallory", 100);

        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> ledger.append(chainedToForgery));

        assertEquals("previousHash", refused.field());
        assertEquals(entries, ledger.read(1));
    }

    @Test
    void append_firstEntryNotStartingFromGenesis_isRefused() {
        L ledger = createLedger();
        LedgerEntry unchained = withPreviousHash(LedgerChain.next(null, draft("mallory", 1), T0), "f".repeat(64));

        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> ledger.append(unchained));

        assertEquals("previousHash", refused.field());
        assertEquals(0, ledger.lastSequence());
        assertEquals(List.of(), ledger.read(1));
    }

    @Test
    void append_entryWhoseHashDoesNotMatchItsContent_isRefused() {
        L ledger = createLedger();
        List<LedgerEntry> entries = appendChain(ledger, 1);
        LedgerEntry honest = next(entries.get(0), "alice", 2);
        LedgerEntry edited = new LedgerEntry(honest.sequence(), honest.time(), honest.type(), "mallory",
                honest.environment(), honest.digest(), honest.promotionId(), honest.details(), honest.previousHash(),
                honest.hash());

        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> ledger.append(edited));

        assertEquals("hash", refused.field());
        assertEquals(entries, ledger.read(1));
    }

    @Test
    void verify_afterAppends_reportsAnIntactChain() {
        L ledger = createLedger();
        appendChain(ledger, 6);

        ChainReport report = ledger.verify();

        assertTrue(report.ok(), report.summary());
        assertEquals(6, report.entriesChecked());
    }

    @Test
    void verify_afterAnEntryWasEdited_reportsItEdited() {
        L ledger = tamperable();
        List<LedgerEntry> entries = appendChain(ledger, 5);
        LedgerEntry third = entries.get(2);
        LedgerEntry edited = new LedgerEntry(third.sequence(), third.time(), third.type(), "mallory",
                third.environment(), third.digest(), third.promotionId(), third.details(), third.previousHash(),
                third.hash());

        tamper(ledger, stored -> {
            stored.set(2, edited);
            return stored;
        });

        assertBroken(ledger.verify(), 3, BrokenLink.Kind.EDITED, 2);
    }

    @Test
    void verify_afterAnEntryWasDeleted_reportsItMissing() {
        L ledger = tamperable();
        appendChain(ledger, 5);

        tamper(ledger, stored -> {
            stored.remove(2);
            return stored;
        });

        assertBroken(ledger.verify(), 3, BrokenLink.Kind.MISSING, 2);
    }

    @Test
    void verify_afterTheLastEntriesWereDeleted_reportsTheTruncation() {
        L ledger = tamperable();
        appendChain(ledger, 5);

        // A chain cut short is still a valid chain; only a ledger that remembers its head can tell.
        tamper(ledger, stored -> new ArrayList<>(stored.subList(0, 3)));

        assertBroken(ledger.verify(), 4, BrokenLink.Kind.TRUNCATED, 3);
    }

    @Test
    void verify_afterEntriesWereReordered_reportsTheReordering() {
        L ledger = tamperable();
        appendChain(ledger, 5);

        tamper(ledger, stored -> {
            LedgerEntry second = stored.get(1);
            stored.set(1, stored.get(2));
            stored.set(2, second);
            return stored;
        });

        assertBroken(ledger.verify(), 2, BrokenLink.Kind.REORDERED, 1);
    }

    @Test
    void verify_afterAnEntryWasInserted_reportsTheDuplicateSequence() {
        L ledger = tamperable();
        List<LedgerEntry> entries = appendChain(ledger, 5);
        // A well-formed forgery: correctly hashed and chained to entry 2, so only its position gives it away.
        LedgerEntry forged = next(entries.get(1), "mallory", 42);

        tamper(ledger, stored -> {
            stored.add(2, forged);
            return stored;
        });

        assertBroken(ledger.verify(), 4, BrokenLink.Kind.DUPLICATED, 3);
    }

    @Test
    void verify_afterAnEntryWasReplacedWithARehashedForgery_reportsTheNextLink() {
        L ledger = tamperable();
        List<LedgerEntry> entries = appendChain(ledger, 5);
        LedgerEntry forged = next(entries.get(1), "mallory", 42);

        tamper(ledger, stored -> {
            stored.set(2, forged);
            return stored;
        });

        assertBroken(ledger.verify(), 4, BrokenLink.Kind.PREVIOUS_HASH_MISMATCH, 3);
    }

    @Test
    void append_byConcurrentWritersOfOneSequence_hasExactlyOneWinner() {
        Unsupported.abortIfDeclared("concurrent appends", "concurrentAppendsUnsupportedBecause()",
                concurrentAppendsUnsupportedBecause());
        L ledger = createLedger();
        Ledger other = anotherWriter(ledger);
        LedgerEntry tail = null;
        for (int round = 1; round <= ROUNDS; round++) {
            List<LedgerEntry> candidates = new ArrayList<>();
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int racer = 0; racer < RACERS; racer++) {
                LedgerEntry candidate = next(tail, "writer-" + racer, round);
                Ledger writer = racer % 2 == 0 ? ledger : other;
                candidates.add(candidate);
                racers.add(() -> appendOrLose(writer, candidate));
            }

            List<Concurrently.Outcome<Boolean>> outcomes = Concurrently.run(racers);

            List<LedgerEntry> winners = new ArrayList<>();
            for (int racer = 0; racer < RACERS; racer++) {
                Concurrently.Outcome<Boolean> outcome = outcomes.get(racer);
                assertTrue(outcome.succeeded(), () -> "a racer failed other than by a conflict: " + outcome.failure());
                if (Boolean.TRUE.equals(outcome.value())) {
                    winners.add(candidates.get(racer));
                }
            }
            assertEquals(1, winners.size(), "round " + round + ": exactly one writer of entry " + round
                    + " may win, but these did: " + winners);
            assertEquals(winners, ledger.read(round), "the stored entry is the winner's");
            tail = winners.get(0);
        }
        ChainReport report = ledger.verify();
        assertTrue(report.ok(), report.summary());
        assertEquals(ROUNDS, report.entriesChecked());
    }

    @Test
    void append_byConcurrentWritersThatRetryOnConflict_storesEveryEntryOnceInAnIntactChain() {
        Unsupported.abortIfDeclared("concurrent appends", "concurrentAppendsUnsupportedBecause()",
                concurrentAppendsUnsupportedBecause());
        L ledger = createLedger();
        Ledger other = anotherWriter(ledger);
        List<Callable<List<LedgerEntry>>> writers = new ArrayList<>();
        for (int writer = 0; writer < RACERS; writer++) {
            Ledger handle = writer % 2 == 0 ? ledger : other;
            String principal = "writer-" + writer;
            writers.add(() -> appendWithRetries(handle, principal));
        }

        List<Concurrently.Outcome<List<LedgerEntry>>> outcomes = Concurrently.run(writers);

        Map<Long, LedgerEntry> won = new HashMap<>();
        for (Concurrently.Outcome<List<LedgerEntry>> outcome : outcomes) {
            assertTrue(outcome.succeeded(), () -> "a writer failed: " + outcome.failure());
            for (LedgerEntry entry : outcome.value()) {
                LedgerEntry earlier = won.put(entry.sequence(), entry);
                assertNull(earlier, "two writers were told they appended entry " + entry.sequence());
            }
        }
        int total = RACERS * APPENDS_PER_WRITER;
        assertEquals(total, won.size());
        List<LedgerEntry> stored = ledger.read(1);
        assertEquals(total, stored.size());
        for (LedgerEntry entry : stored) {
            assertEquals(won.get(entry.sequence()), entry, "entry " + entry.sequence() + " is not the winner's");
        }
        ChainReport report = ledger.verify();
        assertTrue(report.ok(), report.summary());
        assertEquals(total, report.entriesChecked());
    }

    /** Appends {@code length} entries through {@code ledger} and returns them. */
    protected static List<LedgerEntry> appendChain(Ledger ledger, int length) {
        List<LedgerEntry> entries = new ArrayList<>();
        LedgerEntry previous = null;
        for (int i = 1; i <= length; i++) {
            previous = next(previous, "alice", i);
            ledger.append(previous);
            entries.add(previous);
        }
        return entries;
    }

    private static boolean appendOrLose(Ledger ledger, LedgerEntry entry) {
        try {
            ledger.append(entry);
            return true;
        } catch (LedgerConflictException lost) {
            assertEquals(entry.sequence(), lost.sequence(), "the conflict names the contested sequence");
            return false;
        }
    }

    /** Re-reads the tail and retries after each conflict, as a promoter does; returns the entries it appended. */
    private static List<LedgerEntry> appendWithRetries(Ledger ledger, String principal) {
        // Each conflict means another writer appended, so a correct ledger needs far fewer attempts than this.
        int maxAttempts = 10 * RACERS * APPENDS_PER_WRITER;
        List<LedgerEntry> appended = new ArrayList<>();
        int attempt = 0;
        while (appended.size() < APPENDS_PER_WRITER) {
            if (attempt == maxAttempts) {
                throw new AssertionError(principal + " made no progress in " + maxAttempts + " attempts: the ledger "
                        + "keeps answering conflicts, so reading its tail does not show the entry that won");
            }
            List<LedgerEntry> tail = ledger.read(ledger.lastSequence());
            LedgerEntry entry = next(tail.isEmpty() ? null : tail.get(tail.size() - 1), principal, ++attempt);
            try {
                ledger.append(entry);
                appended.add(entry);
            } catch (LedgerConflictException lost) {
                // Another writer took the sequence: re-read and try again on the new tail.
            }
        }
        return appended;
    }

    private static void assertBroken(ChainReport report, long sequence, BrokenLink.Kind kind, long intact) {
        BrokenLink link = report.firstBrokenLink().orElse(null);
        assertInstanceOf(BrokenLink.class, link, () -> "the chain should be broken at entry " + sequence + " ("
                + kind + ") but verification reported: " + report.summary());
        assertEquals(kind, link.kind(), report.summary());
        assertEquals(sequence, link.sequence(), report.summary());
        assertEquals(intact, report.entriesChecked(), report.summary());
    }

    private static LedgerEntry next(@Nullable LedgerEntry previous, String principal, int index) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        return LedgerChain.next(previous, draft(principal, index), T0.plusSeconds(sequence));
    }

    private static LedgerEntry.Draft draft(String principal, int index) {
        return new LedgerEntry.Draft(EntryType.APPROVED, principal, "prod", null, "promotion-" + index,
                Map.of("index", Integer.toString(index)));
    }

    /** {@code entry} with another previous hash and a hash recomputed to match, so only the chaining is wrong. */
    private static LedgerEntry withPreviousHash(LedgerEntry entry, String previousHash) {
        LedgerEntry unhashed = new LedgerEntry(entry.sequence(), entry.time(), entry.type(), entry.principal(),
                entry.environment(), entry.digest(), entry.promotionId(), entry.details(), previousHash, "");
        return new LedgerEntry(entry.sequence(), entry.time(), entry.type(), entry.principal(), entry.environment(),
                entry.digest(), entry.promotionId(), entry.details(), previousHash,
                LedgerChain.expectedHash(unhashed));
    }
}
