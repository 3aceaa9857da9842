package dev.airlock.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.GateAnswer;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.Effect;
import dev.airlock.guardrail.policy.Policies;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.spi.Gate;
import dev.airlock.spi.GateRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gates are asked before the decision; their answers decide, explain and are recorded; a broken gate never approves. */
class GatedPromotionTest {
    @TempDir
    Path root;
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void release() {
        never.countDown();
    }

    private static Gate gate(Function<GateRequest, GateAnswer> answer) {
        return new Gate() {
            @Override
            public String name() {
                return "change-check";
            }

            @Override
            public GateAnswer ask(GateRequest request) {
                return answer.apply(request);
            }
        };
    }

    private PromotionEngine engine(EngineFixture fixture, Gate gate) {
        // Generous, so a loaded machine does not turn an answer into a timeout; the hanging gate has its own.
        return engine(fixture, gate, Duration.ofSeconds(10));
    }

    private PromotionEngine engine(EngineFixture fixture, Gate gate, Duration gateTimeout) {
        Guardrails guardrails = Guardrails.of(fixture.landscape, Policies.of(PolicyDocument.of("org", "1",
                Attachment.organization(),
                Statement.of("everyone", new Rule.Permission(List.of("alice"), List.of())),
                Statement.of("change-gate", new Rule.Gate(Effect.REQUIRE, "change-check")))), Map.of());
        PromotionEngine.Builder builder = PromotionEngine.builder().keyring(fixture.keys).signers(fixture.keys).landscape(fixture.landscape).guardrails(guardrails)
                .backend(fixture.backend).clock(fixture.clock).gateTimeout(gateTimeout);
        if (gate != null) {
            builder.gate(gate);
        }
        return builder.build();
    }

    private static LedgerEntry decided(PromotionEngine engine, String promotionId) {
        return engine.history("dev").stream().filter(e -> e.type() == EntryType.DECIDED
                && promotionId.equals(e.promotionId())).findFirst().orElseThrow();
    }

    @Test
    void approvingGate_isAskedAboutThePromotion_andItsAnswerIsRecorded() {
        List<GateRequest> asked = new CopyOnWriteArrayList<>();
        PromotionEngine engine = engine(new EngineFixture(root), gate(request -> {
            asked.add(request);
            return GateAnswer.approved("change-check", "CHG-1 approved");
        }));
        Digest digest = EngineFixture.register(engine, "1.0.0");

        PromotionResult result = engine.promote(EngineFixture.command(digest, "dev"));

        assertEquals(Status.PROMOTED, result.status());
        assertEquals(result.promotionId(), asked.get(0).promotionId());
        assertEquals(digest, asked.get(0).digest());
        assertEquals("dev", asked.get(0).target());
        assertEquals("approved: CHG-1 approved", decided(engine, result.promotionId()).detail("gate.change-check"));
    }

    @Test
    void aPlan_asksTheGatesAsAQuestion_andAPromotionAsAPromotion() {
        List<GateRequest> asked = new CopyOnWriteArrayList<>();
        PromotionEngine engine = engine(new EngineFixture(root), gate(request -> {
            asked.add(request);
            return GateAnswer.approved("change-check", "CHG-1 approved");
        }));
        Digest digest = EngineFixture.register(engine, "1.0.0");

        Plan plan = engine.plan(EngineFixture.command(digest, "dev"));
        List<GateRequest> afterPlan = List.copyOf(asked);
        engine.promote(EngineFixture.command(digest, "dev"));

        assertTrue(plan.decision().explain().contains("CHG-1 approved"), plan.decision().explain());
        assertEquals(List.of(true), afterPlan.stream().map(GateRequest::plan).toList());
        assertEquals(List.of(true, false), asked.stream().map(GateRequest::plan).toList());
    }

    @Test
    void reconcile_asksTheGatesOnce_asAPromotion_andActsOnThatAnswer() {
        // A gate that only acts (and approves) on real promotions, never on questions.
        List<GateRequest> asked = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean cabMet = new java.util.concurrent.atomic.AtomicBoolean();
        PromotionEngine engine = engine(new EngineFixture(root), gate(request -> {
            asked.add(request);
            return cabMet.get() && !request.plan() ? GateAnswer.approved("change-check", "CHG-1 approved")
                    : GateAnswer.pending("change-check", "waiting for the CAB");
        }));
        Digest digest = EngineFixture.register(engine, "1.0.0");
        PromotionResult waiting = engine.promote(EngineFixture.command(digest, "dev"));
        assertEquals(Status.PENDING, waiting.status());
        assertEquals(Reconciliation.Action.STILL_PENDING, engine.reconcile().get(0).action());
        cabMet.set(true);
        asked.clear();

        List<Reconciliation> pass = engine.reconcile();

        assertEquals(Reconciliation.Action.PROMOTED, pass.get(0).action(), pass.get(0).detail());
        assertEquals(List.of(false), asked.stream().map(GateRequest::plan).toList());
        assertEquals(waiting.promotionId(), asked.get(0).promotionId(), "the waiting request, asked again");
    }

    @Test
    void rejectingGate_leavesThePromotionPending_explainingWhy() {
        PromotionEngine engine = engine(new EngineFixture(root), gate(r -> GateAnswer.rejected("change-check", "no ticket")));
        PromotionResult result = engine.promote(EngineFixture.command(EngineFixture.register(engine, "1.0.0"), "dev"));

        assertEquals(Status.PENDING, result.status());
        assertTrue(result.decision().explain().contains("gate 'change-check' rejected: no ticket"),
                result.decision().explain());
        assertEquals("rejected: no ticket", decided(engine, result.promotionId()).detail("gate.change-check"));
    }

    @Test
    void hangingGate_isPending_afterTheGateTimeout() {
        PromotionEngine engine = engine(new EngineFixture(root), gate(r -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return GateAnswer.approved("change-check", "too late");
        }), Duration.ofMillis(300));
        PromotionResult result = engine.promote(EngineFixture.command(EngineFixture.register(engine, "1.0.0"), "dev"));

        assertEquals(Status.PENDING, result.status());
        assertEquals("pending: no answer in time", decided(engine, result.promotionId()).detail("gate.change-check"));
    }

    @Test
    void throwingGate_isPending() {
        PromotionEngine engine = engine(new EngineFixture(root), gate(r -> {
            throw new IllegalStateException("token=abc123 leaked?");
        }));
        PromotionResult result = engine.promote(EngineFixture.command(EngineFixture.register(engine, "1.0.0"), "dev"));

        assertEquals(Status.PENDING, result.status());
        String recorded = decided(engine, result.promotionId()).detail("gate.change-check");
        assertEquals("pending: the gate failed (IllegalStateException)", recorded);
    }

    @Test
    void gateAnsweringForAnotherGate_isPending() {
        PromotionEngine engine = engine(new EngineFixture(root), gate(r -> GateAnswer.approved("other", "yes")));
        PromotionResult result = engine.promote(EngineFixture.command(EngineFixture.register(engine, "1.0.0"), "dev"));

        assertEquals(Status.PENDING, result.status());
    }

    @Test
    void missingGate_isPending_namingIt() {
        PromotionEngine engine = engine(new EngineFixture(root), null);
        PromotionResult result = engine.promote(EngineFixture.command(EngineFixture.register(engine, "1.0.0"), "dev"));

        assertEquals(Status.PENDING, result.status());
        assertTrue(result.decision().explain().contains("no gate named 'change-check' is configured"),
                result.decision().explain());
    }
}
