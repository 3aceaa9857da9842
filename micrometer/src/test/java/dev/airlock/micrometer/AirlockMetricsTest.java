package dev.airlock.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Principal;
import dev.airlock.ledger.EntryType;
import dev.airlock.promotion.LeaseHeldException;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionConflictException;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.ForwardingLedger;
import dev.airlock.spi.Ledger;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.airlock.testkit.Operation;
import dev.airlock.testkit.TestWorld;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    @Test
    void twoPromotersRacingForOneEnvironment_oneTakesTheLease_theOtherIsRefused_andBothWaitsAreTimed()
            throws Exception {
        // Two promoters on one ledger, as two machines would be. Both decide first, then race for the lease;
        // the winner holds it until the loser has been refused, so the loser finds it held.
        CyclicBarrier bothDecided = new CyclicBarrier(2);
        CountDownLatch loserRefused = new CountDownLatch(1);
        Digest first = world.register("payments-api", "1.0.0");
        Digest second = world.register("payments-api", "2.0.0");
        PromotionEngine one = racing(bothDecided, loserRefused);
        PromotionEngine other = racing(bothDecided, loserRefused);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        Object resultA;
        Object resultB;
        try {
            CompletableFuture<Object> a = race(one, first, loserRefused, threads);
            CompletableFuture<Object> b = race(other, second, loserRefused, threads);
            resultA = a.get(60, TimeUnit.SECONDS);
            resultB = b.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertEquals(1, java.util.stream.Stream.of(resultA, resultB).filter(LeaseHeldException.class::isInstance)
                .count(), resultA + " / " + resultB);
        assertEquals(1, registry.get(AirlockMetrics.LEASE_WAITS).tag("environment", "dev").tag("outcome", "taken")
                .timer().count());
        assertEquals(1, registry.get(AirlockMetrics.LEASE_WAITS).tag("environment", "dev").tag("outcome", "held")
                .timer().count());
        assertEquals(1, registry.get(AirlockMetrics.LEASE_CONFLICTS).tag("environment", "dev").counter().count());
    }

    @Test
    void aPromotionRefusedBeforeItsDecision_isTimedAsHeld() {
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
        PromotionEngine engine = PromotionEngine.builder().keyring(world.keys()).signers(world.keys())
                .landscape(world.landscape()).guardrails(world.guardrails()).store(world.store())
                .access(world.access()).ledger(losing).clock(world.clock()).listener(AirlockMetrics.of(registry))
                .listener(entry -> {
                    if (entry.type() == EntryType.LEASED) {
                        lost.set(true);
                    }
                }).build();
        Digest first = world.register("payments-api", "1.0.0");
        assertThrows(RuntimeException.class, () -> engine.promote(PromotionCommand.builder(first, "dev", ALICE).build()));
        lost.set(false);

        assertThrows(LeaseHeldException.class, () -> engine.promote(PromotionCommand.builder(
                world.register("payments-api", "2.0.0"), "dev", ALICE).build()));

        assertEquals(1, registry.get(AirlockMetrics.LEASE_WAITS).tag("outcome", "taken").timer().count());
        assertEquals(1, registry.get(AirlockMetrics.LEASE_WAITS).tag("environment", "dev").tag("outcome", "held")
                .timer().count());
    }

    @Test
    void aPromotionWhoseEnvironmentMovedAfterItsDecision_isTimedAsAConflict() throws Exception {
        // One promoter decides, then stalls; another promotes the same environment meanwhile.
        CountDownLatch decided = new CountDownLatch(1);
        CountDownLatch movedMeanwhile = new CountDownLatch(1);
        PromotionEngine stalled = PromotionEngine.builder().keyring(world.keys()).signers(world.keys())
                .landscape(world.landscape()).guardrails(world.guardrails()).store(world.store())
                .access(world.access()).ledger(world.ledger()).clock(world.clock()).listener(AirlockMetrics.of(registry))
                .listener(entry -> {
                    if (entry.type() == EntryType.DECIDED) {
                        decided.countDown();
                        try {
                            movedMeanwhile.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).build();
        Digest first = world.register("payments-api", "1.0.0");
        Digest second = world.register("payments-api", "2.0.0");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            var late = thread.submit(() -> stalled.promote(PromotionCommand.builder(first, "dev", ALICE).build()));
            assertTrue(decided.await(30, TimeUnit.SECONDS));
            engine().promote(PromotionCommand.builder(second, "dev", ALICE).build());
            movedMeanwhile.countDown();

            java.util.concurrent.ExecutionException refused = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> late.get(60, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof PromotionConflictException
                    && !(refused.getCause() instanceof LeaseHeldException), refused.getCause().toString());
        } finally {
            thread.shutdownNow();
        }

        assertEquals(1, registry.get(AirlockMetrics.LEASE_WAITS).tag("environment", "dev").tag("outcome", "conflict")
                .timer().count());
        assertEquals(1, registry.get(AirlockMetrics.LEASE_WAITS).tag("environment", "dev").tag("outcome", "taken")
                .timer().count());
    }

    /** An engine of its own on the world's ledger, which holds every lease it takes until the other is refused. */
    private PromotionEngine racing(CyclicBarrier bothDecided, CountDownLatch loserRefused) {
        return PromotionEngine.builder().keyring(world.keys()).signers(world.keys()).landscape(world.landscape())
                .guardrails(world.guardrails()).store(world.store()).access(world.access()).ledger(world.ledger())
                .clock(world.clock()).listener(AirlockMetrics.of(registry)).listener(entry -> {
                    try {
                        if (entry.type() == EntryType.DECIDED) {
                            bothDecided.await(30, TimeUnit.SECONDS);
                        } else if (entry.type() == EntryType.LEASED) {
                            loserRefused.await(30, TimeUnit.SECONDS);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException("the race did not happen as arranged", e);
                    }
                }).build();
    }

    /** Promotes on another thread; completes with the result, or with the exception that refused it. */
    private static CompletableFuture<Object> race(PromotionEngine engine, Digest digest, CountDownLatch loserRefused,
            ExecutorService threads) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return engine.promote(PromotionCommand.builder(digest, "dev", ALICE).build());
            } catch (LeaseHeldException refused) {
                loserRefused.countDown();
                return refused;
            }
        }, threads);
    }
}
