package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.LedgerConflictException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link S3LedgerTest} on the in-memory AWS, plus the race of two promoters. The race runs here only:
 * like S3, the fake creates a key atomically under {@code If-None-Match: *}, while moto checks and then
 * writes, so on moto both racers can win and the test would fail for moto's reasons, not Airlock's.
 */
class S3LedgerOnFakesTest extends S3LedgerTest {
    @Override
    AwsTarget target() {
        return new FakeAws();
    }

    @Test
    void twoPromotersRacing_exactlyOneWinsEachSequence() throws Exception {
        S3Ledger alice = promoter();
        S3Ledger bob = promoter();
        alice.append(chain(1).get(0));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int rounds = 15;
        try {
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Boolean> a = threads.submit(appendNext(alice, "alice", together));
                Future<Boolean> b = threads.submit(appendNext(bob, "bob", together));

                assertTrue(a.get() ^ b.get(), "round " + round + ": exactly one append wins");
            }
        } finally {
            threads.shutdownNow();
        }

        List<LedgerEntry> stored = promoter().read(1);
        assertEquals(rounds + 1, stored.size());
        assertEquals(-1, firstBrokenLink(stored), "the chain stayed intact");
    }

    /** Reads the tail, waits for the other promoter, appends; true if it won, false on a conflict. */
    private static Callable<Boolean> appendNext(S3Ledger ledger, String principal, CyclicBarrier together) {
        return () -> {
            long last = ledger.lastSequence();
            LedgerEntry tail = ledger.read(last).get(0);
            LedgerEntry entry = next(tail, principal);
            together.await();
            try {
                ledger.append(entry);
                return true;
            } catch (LedgerConflictException e) {
                return false;
            }
        };
    }
}
