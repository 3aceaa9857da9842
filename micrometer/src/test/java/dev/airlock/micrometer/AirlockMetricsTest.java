package dev.airlock.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.EntryType;
import dev.airlock.promotion.LeaseHeldException;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.airlock.testkit.Operation;
import dev.airlock.testkit.TestWorld;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The meters a real engine on the testkit's world produces, read from a SimpleMeterRegistry. */
class AirlockMetricsTest {
    private static final Principal ALICE = Principal.of("alice", "developers");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestWorld world = TestWorld.fourStages().build();

    private PromotionEngine engine() {
        return PromotionEngine.builder().keyring(world.keys()).signers(world.keys()).landscape(world.landscape()).guardrails(world.guardrails())
                .store(world.store()).access(world.access()).ledger(new MeteredLedger(world.ledger(), registry))
                .clock(world.clock()).listener(AirlockMetrics.of(registry)).build();
    }

    @Test
    void decisions_areCountedByOutcome_andByTheStatementThatDenied() {
        PromotionEngine engine = engine();
        Digest digest = world.register("payments-api", "1.0.0");

        engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build());
        engine.promote(PromotionCommand.builder(digest, "staging", ALICE).build());

        assertEquals(1, registry.get(AirlockMetrics.DECISIONS).tag("outcome", "ALLOWED").tag("environment", "dev")
                .counter().count());
        assertEquals(1, registry.get(AirlockMetrics.DECISIONS).tag("outcome", "DENIED").counter().count());
        assertEquals(1, registry.get(AirlockMetrics.STATEMENTS).tag("statement", "builtin:no-skipping")
                .tag("outcome", "DENIED").counter().count());
    }

    @Test
    void aPromotion_isTimedStepByStep_onTheLedgersClock_andItsBytesCounted() {
        PromotionEngine engine = engine();
        Digest digest = world.register("payments-api", "1.0.0", new byte[1234]);
        world.faults().slowNext(Operation.TRANSFER, 1, Duration.ofSeconds(30));

        engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build());

        assertEquals(1234, registry.get(AirlockMetrics.BYTES).tag("environment", "dev").counter().count());
        assertEquals(30, registry.get(AirlockMetrics.STEPS).tag("step", "transferred").timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS), 0.001);
        assertEquals(1, registry.get(AirlockMetrics.STEPS).tag("step", "released").timer().count());
        assertTrue(registry.get(MeteredLedger.APPENDS).tag("outcome", "ok").timer().count() >= 5);
    }

    @Test
    void aPromotionMeetingAHeldLease_isCountedAsALeaseConflict() {
        // The first promotion loses its ledger right after taking the lease, as a crashed promoter would.
        AtomicBoolean lost = new AtomicBoolean();
        Ledger losing = new ForwardingLedger(world.ledger()) {
            @Override
            public void append(LedgerEntry entry) {
                if (lost.get()) {
                    throw new IllegalStateException("the promoter lost its ledger");
                }
                super.append(entry);
            }
        };
        PromotionEngine engine = PromotionEngine.builder().keyring(world.keys()).signers(world.keys()).landscape(world.landscape()).guardrails(world.guardrails())
                .store(world.store()).access(world.access()).ledger(new MeteredLedger(losing, registry))
                .clock(world.clock()).listener(AirlockMetrics.of(registry)).listener(entry -> {
                    if (entry.type() == EntryType.LEASED) {
                        lost.set(true);
                    }
                }).build();
        Digest first = world.register("payments-api", "1.0.0");
        Digest second = world.register("payments-api", "2.0.0");
        assertThrows(RuntimeException.class, () -> engine.promote(PromotionCommand.builder(first, "dev", ALICE).build()));
        lost.set(false);

        assertThrows(LeaseHeldException.class, () -> engine.promote(PromotionCommand.builder(second, "dev", ALICE)
                .build()));

        assertEquals(1, registry.get(AirlockMetrics.LEASE_CONFLICTS).tag("environment", "dev").counter().count());
        assertTrue(registry.get(MeteredLedger.APPENDS).tag("outcome", "failed").timer().count() >= 1);
    }
}
