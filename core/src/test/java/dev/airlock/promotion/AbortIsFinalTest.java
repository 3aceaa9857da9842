package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static dev.airlock.promotion.EngineFixture.command;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An abort that lands while another process resumes the same crashed promotion ends it for good. */
class AbortIsFinalTest {
    @TempDir
    Path root;

    @Test
    void resume_whenAnAbortLandsBetweenItsReadAndItsLease_leasesNothingAndTheEnvironmentKeepsWhatItRan() {
        EngineFixture fixture = new EngineFixture(root);
        PromotionEngine engine = fixture.engine();
        Digest previous = register(engine, "0.9.0");
        engine.promote(command(previous, "dev"));
        Digest digest = register(engine, "1.0.0");
        PromotionEngine dying = fixture.engine(UnaryOperator.identity(), UnaryOperator.identity(),
                ledger -> Faults.beforeAppending(ledger, EntryType.LEASED, entry -> {
                    throw new Faults.Crash("before LEASED");
                }));
        assertThrows(Faults.Crash.class, () -> dying.promote(command(digest, "dev")));
        String promotionId = promotionIds(fixture, digest).get(0);
        PromotionEngine aborter = fixture.engine();
        AtomicBoolean aborted = new AtomicBoolean();
        // The resumer has read the promotion as resumable and is about to store its LEASED entry.
        PromotionEngine resumer = fixture.engine(UnaryOperator.identity(), UnaryOperator.identity(),
                ledger -> Faults.beforeAppending(ledger, EntryType.LEASED, entry -> {
                    if (aborted.compareAndSet(false, true)) {
                        aborter.abort(promotionId, ALICE, "promoter host lost");
                    }
                }));

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> resumer.resume(promotionId, ALICE));

        assertTrue(e.getMessage().contains("already ended (ABORTED)"), e.getMessage());
        List<EntryType> steps = fixture.backend.ledger().read(1).stream()
                .filter(entry -> promotionId.equals(entry.promotionId())).map(LedgerEntry::type).toList();
        assertEquals(List.of(EntryType.DECIDED, EntryType.ABORTED), steps);
        PromotionEngine restarted = fixture.restart();
        assertEquals(previous, restarted.status().get(0).current().digest());
        assertNull(restarted.status().get(0).leaseHolder());
    }

    private static List<String> promotionIds(EngineFixture fixture, Digest digest) {
        return fixture.backend.ledger().read(1).stream()
                .filter(e -> e.type() == EntryType.DECIDED && digest.equals(e.digest()))
                .map(LedgerEntry::promotionId).toList();
    }
}
