package dev.airlock.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.LedgerConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryLedgerTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final InMemoryLedger ledger = new InMemoryLedger();

    private static LedgerEntry.Draft draft(String principal, int index) {
        return new LedgerEntry.Draft(EntryType.APPROVED, principal, "prod", null, null,
                Map.of("index", Integer.toString(index)));
    }

    private List<LedgerEntry> appendChain(int length) {
        List<LedgerEntry> entries = new ArrayList<>();
        LedgerEntry previous = null;
        for (int i = 0; i < length; i++) {
            previous = LedgerChain.next(previous, draft("alice", i), NOW);
            ledger.append(previous);
            entries.add(previous);
        }
        return entries;
    }

    @Test
    void newLedger_isEmpty() {
        assertEquals(0, ledger.lastSequence());
        assertEquals(List.of(), ledger.read(1));
    }

    @Test
    void read_fromSequence_returnsThatEntryAndLaterOnes() {
        List<LedgerEntry> entries = appendChain(5);

        assertEquals(entries, ledger.read(1));
        assertEquals(entries.subList(3, 5), ledger.read(4));
        assertEquals(5, ledger.lastSequence());
    }

    @Test
    void append_whenSequenceAlreadyTaken_isARetryableConflict() {
        List<LedgerEntry> entries = appendChain(2);
        LedgerEntry competing = LedgerChain.next(entries.get(0), draft("bob", 9), NOW);

        LedgerConflictException e = assertThrows(LedgerConflictException.class, () -> ledger.append(competing));

        assertEquals(2, e.sequence());
        assertTrue(e.retryable());
        assertEquals(entries, ledger.read(1));
    }

    @Test
    void append_whenSequenceSkipsAhead_refusesAsInvalid() {
        LedgerEntry first = LedgerChain.next(null, draft("alice", 0), NOW);
        LedgerEntry second = LedgerChain.next(first, draft("alice", 1), NOW);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> ledger.append(second));

        assertEquals("sequence", e.field());
    }

    @Test
    void append_whenNotChainedToTheLastEntry_refusesAsInvalid() {
        appendChain(1);
        LedgerEntry first = LedgerChain.next(null, draft("mallory", 0), NOW);
        LedgerEntry unchained = LedgerChain.next(first, draft("mallory", 1), NOW);

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> ledger.append(unchained));

        assertEquals("previousHash", e.field());
    }

    @Test
    void eightThreads_appendingWithRetryOnConflict_loseNothing() throws Exception {
        int threads = 8;
        int perThread = 250;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String writer = "writer-" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        appendWithRetry(writer, i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<LedgerEntry> entries = ledger.read(1);
        assertEquals(threads * perThread, entries.size());
        assertTrue(LedgerChain.verify(entries).ok());
        for (int t = 0; t < threads; t++) {
            String writer = "writer-" + t;
            assertEquals(perThread, entries.stream().filter(e -> e.principal().equals(writer)).count(), writer);
        }
    }

    @Test
    void read_fromBeforeTheFirstOrAfterTheLastSequence_isEverythingOrNothing() {
        List<LedgerEntry> entries = appendChain(3);

        assertEquals(entries, ledger.read(0));
        assertEquals(entries, ledger.read(Long.MIN_VALUE));
        assertEquals(List.of(), ledger.read(4));
        assertEquals(List.of(), ledger.read(Long.MAX_VALUE));
    }

    @Test
    void read_afterEntriesWereReordered_stillSelectsBySequenceNumber() {
        List<LedgerEntry> entries = appendChain(4);
        ledger.tamper(stored -> List.of(stored.get(0), stored.get(2), stored.get(1), stored.get(3)));

        assertEquals(List.of(entries.get(2), entries.get(1), entries.get(3)), ledger.read(2));
        assertEquals(List.of(entries.get(2), entries.get(3)), ledger.read(3));
    }

    @Test
    void tamper_rewritesTheStoredEntriesSoVerificationCanBeTested() {
        appendChain(5);

        ledger.tamper(entries -> {
            entries.remove(2);
            return entries;
        });

        BrokenLink link = LedgerChain.verify(ledger.read(1)).firstBrokenLink().orElseThrow();
        assertEquals(BrokenLink.Kind.MISSING, link.kind());
        assertEquals(3, link.sequence());
    }

    private void appendWithRetry(String writer, int index) {
        while (true) {
            long last = ledger.lastSequence();
            LedgerEntry previous = last == 0 ? null : ledger.read(last).get(0);
            try {
                ledger.append(LedgerChain.next(previous, draft(writer, index), NOW));
                return;
            } catch (LedgerConflictException e) {
                // Lost the race: re-read and retry.
            }
        }
    }
}
