package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.command;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentPromotionTest {
    @TempDir
    Path root;

    @Test
    void eightThreads_promotingIntoOneEnvironment_goOneAtATime_andLoseNothing() throws Exception {
        EngineFixture fixture = new EngineFixture(root);
        PromotionEngine engine = fixture.engine();
        List<Digest> digests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            digests.add(register(engine, "1.0." + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<PromotionResult>> results = new ArrayList<>();
        for (Digest digest : digests) {
            results.add(pool.submit(() -> {
                start.await();
                for (int attempt = 1; ; attempt++) {
                    try {
                        return engine.promote(command(digest, "dev"));
                    } catch (PromotionConflictException busy) {
                        if (attempt == 100_000) {
                            throw new AssertionError("no turn after " + attempt + " attempts", busy);
                        }
                        Thread.sleep(1); // the lease is held: wait our turn, as a deploy bot would
                    }
                }
            }));
        }
        start.countDown();
        for (Future<PromotionResult> result : results) {
            assertEquals(Status.PROMOTED, result.get().status());
        }
        pool.shutdown();

        List<LedgerEntry> dev = fixture.backend.ledger().read(1).stream()
                .filter(e -> "dev".equals(e.environment())).toList();
        assertEquals(8, dev.stream().filter(e -> e.type() == EntryType.PROMOTED).count());
        assertEquals(8, dev.stream().filter(e -> e.type() == EntryType.RELEASED).count());
        String holder = null;
        for (LedgerEntry e : dev) {
            if (e.type() == EntryType.LEASED) {
                assertEquals(null, holder, "a lease was granted while " + holder + " held it");
                holder = e.promotionId();
            } else if (e.type() == EntryType.RELEASED) {
                assertEquals(holder, e.promotionId());
                holder = null;
            } else if (e.type() != EntryType.DECIDED && !"take the lease".equals(e.detail("step"))) {
                assertEquals(holder, e.promotionId(), e.type() + " written outside its lease");
            }
        }
        assertTrue(LedgerChain.verify(fixture.backend.ledger().read(1)).ok());
    }
}
