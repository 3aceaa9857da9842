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
import software.amazon.awssdk.services.s3.S3Client;

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

    /** A cold reader starting at a checkpoint lists and fetches the tail only, whatever came before it. */
    @Test
    void read_fromASequenceNotYetKnown_listsAndFetchesOnlyTheTail() {
        S3Ledger writer = promoter();
        chain(1_200).forEach(writer::append);
        S3Ledger cold = promoter();
        aws.recorder().clear();

        List<LedgerEntry> tail = cold.read(1_151);

        assertEquals(50, tail.size());
        assertEquals(1, aws.recorder().of("ListObjectsV2").size(), "one page from the tail, not 2 pages of history");
        assertEquals(50, aws.recorder().of("GetObject").size());
    }

    /** The fake, like AWS, checks the bucket policy across accounts; moto lets every account read it. */
    @Test
    void truncationRisk_whenTheBucketsSettingsMayNotBeRead_cannotBeRuledOut() {
        try (S3Client s3 = aws.s3(AwsTarget.SECURITY)) {
            s3.createBucket(r -> r.bucket("closed-ledger")
                    .createBucketConfiguration(c -> c.locationConstraint(AwsTarget.REGION.value())));
        }
        S3Ledger ledger = aws.backend(aws.configuration().ledger(l -> l.bucket("closed-ledger")).build()).ledger();

        assertTrue(ledger.truncationRisk().orElseThrow().contains("this principal may not read whether versioning and"
                + " Object Lock are on (grant it s3:GetBucketVersioning and s3:GetBucketObjectLockConfiguration), so"
                + " truncation cannot be ruled out"), ledger.truncationRisk()::toString);
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
