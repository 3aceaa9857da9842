package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Outcome;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests decided PENDING are listed, planned and reconciled from the view, which keeps each as it was asked,
 * even across a checkpoint: nothing before the newest checkpoint is read again, however long the history.
 */
class WaitingRequestsFromCheckpointTest {
    @TempDir
    Path root;

    EngineFixture fixture;
    Digest digest;
    long checkpointAt;
    /** The lowest sequence the restarted engine asked its ledger for. */
    final AtomicLong lowestRead = new AtomicLong(Long.MAX_VALUE);

    @BeforeEach
    void setUp() {
        fixture = new EngineFixture(root);
        PromotionEngine engine = fixture.engine();
        digest = register(engine, "1.0.0");
        fixture.guardrails.byRequest = request -> "CHG-42".equals(request.attributes().get("change"))
                && fixture.guardrails.outcome == Outcome.ALLOWED ? Outcome.ALLOWED : Outcome.PENDING;
        fixture.guardrails.outcome = Outcome.PENDING;
        engine.promote(PromotionCommand.builder(digest, "dev", ALICE).attributes(Map.of("change", "CHG-42")).build());
        for (int i = 0; i < 20; i++) {
            register(engine, "2.0." + i); // history the waiting request's entry sinks under
        }
        checkpointAt = engine.checkpoint().sequence();
    }

    private PromotionEngine restartCountingReads() {
        fixture.restart();
        return fixture.engine(UnaryOperator.identity(), UnaryOperator.identity(), this::countingReads);
    }

    @Test
    void pendingPlans_judgeTheRequestAsAsked_fromTheCheckpoint() {
        PromotionEngine engine = restartCountingReads();
        fixture.guardrails.outcome = Outcome.ALLOWED;

        List<PendingPromotion> pending = engine.pending();

        assertEquals(1, pending.size());
        assertEquals(Outcome.ALLOWED, pending.get(0).plan().decision().outcome());
        assertTrue(lowestRead.get() >= checkpointAt, "read from entry " + lowestRead.get()
                + ", before the checkpoint at " + checkpointAt);
    }

    @Test
    void reconcile_promotesTheRequestAsAsked_fromTheCheckpoint() {
        PromotionEngine engine = restartCountingReads();
        fixture.guardrails.outcome = Outcome.ALLOWED;

        List<Reconciliation> done = engine.reconcile();

        assertEquals(Reconciliation.Action.PROMOTED, done.get(0).action(), done.get(0).detail());
        assertEquals(Status.PROMOTED, done.get(0).result().status());
        assertTrue(lowestRead.get() >= checkpointAt, "read from entry " + lowestRead.get()
                + ", before the checkpoint at " + checkpointAt);
    }

    @Test
    void aCheckpointWrittenByAnOlderVersion_isReadPast_notTakenForTampering() {
        PromotionEngine engine = fixture.engine();
        register(engine, "3.0.0");
        // An older version's state named only the keyring it was computed under, and kept no request as asked.
        String older = fixture.backend.ledger().latestCheckpoint().orElseThrow().state()
                .replaceFirst("\"basis\":\"[^\"]*\"", "\"keyring\":\"0f\"");
        assertTrue(fixture.backend.ledger().putCheckpoint(Checkpoint.of(engine.head(), EngineFixture.T0, older)));

        PromotionEngine restarted = restartCountingReads();

        assertEquals(1, restarted.pending().size());
        assertEquals(1, lowestRead.get(), "a checkpoint it cannot use costs a read from the first entry");
        assertTrue(restarted.verifyLedger().ok(), restarted.verifyLedger().toString());
    }

    private Ledger countingReads(Ledger ledger) {
        return new ForwardingLedger(ledger) {
            @Override
            public List<LedgerEntry> read(long fromSequence) {
                lowestRead.accumulateAndGet(fromSequence, Math::min);
                return super.read(fromSequence);
            }
        };
    }
}
