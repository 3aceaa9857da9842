package dev.airlock.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.environment.Tier;
import dev.airlock.event.AirlockEvent;
import dev.airlock.event.EventDispatcher;
import dev.airlock.event.EventType;
import dev.airlock.event.Events;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.ledger.BrokenLink;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.spi.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The events a real engine emits have the documented form, for every type that matters to people. */
class EventsMatchSchemaTest {
    private static final Principal ALICE = Principal.of("alice", "developers");
    private static final Principal SAM = Principal.of("sam", "sre-leads");

    private final List<AirlockEvent> published = new CopyOnWriteArrayList<>();
    private final EventPublisher recording = events -> published.addAll(events);

    private PromotionEngine engine(TestWorld world, EventDispatcher dispatcher) {
        return PromotionEngine.builder().keyring(world.keys()).signers(world.keys()).landscape(world.landscape()).guardrails(world.guardrails())
                .store(world.store()).access(world.access()).ledger(world.ledger()).clock(world.clock())
                .listener(dispatcher).build();
    }

    private List<AirlockEvent> ofType(EventType type) {
        return published.stream().filter(e -> e.type() == type).toList();
    }

    private void assertAllConform() {
        assertFalse(published.isEmpty());
        for (AirlockEvent event : published) {
            String json = event.toJson();
            assertEquals(List.of(), EventSchema.problems(json), json);
        }
    }

    @Test
    void decidedPromotedPendingAndBreakGlass_conformToTheSchema() {
        TestWorld world = TestWorld.fourStages().people("sre-leads", "sam").people("release-managers", "rita", "rob").permit("sre-leads")
                .policy(PolicyDocument.of("production", "1", Attachment.tier(Tier.PRODUCTION),
                        Statement.of("two-approvals", Rule.Approvals.of(2, "release-managers")))).build();
        EventDispatcher dispatcher = new EventDispatcher(List.of(recording), 100, world.clock(), Duration.ofSeconds(10));
        PromotionEngine engine = engine(world, dispatcher);
        Digest digest = world.register("payments-api", "1.0.0");
        for (String stage : List.of("dev", "test", "staging")) {
            engine.promote(PromotionCommand.builder(digest, stage, ALICE).build());
            world.markVerified(digest, stage);
        }
        engine.promote(PromotionCommand.builder(digest, "prod", ALICE).build());
        engine.promote(PromotionCommand.builder(digest, "prod", SAM).idempotencyKey("emergency")
                .breakGlass("payments down").build());
        dispatcher.close();

        assertAllConform();
        assertEquals(3, ofType(EventType.PROMOTION_PROMOTED).size());
        AirlockEvent pending = ofType(EventType.PROMOTION_PENDING).get(0);
        assertEquals(List.of("release-managers"), pending.data().get("approverGroups"));
        assertTrue(pending.data().get("missing").toString().contains("two-approvals"), pending.toString());
        assertEquals("prod", pending.environment());
        assertFalse(ofType(EventType.BREAK_GLASS_USED).isEmpty());
    }

    @Test
    void stopSwitch_conformsToTheSchema() {
        TestWorld world = TestWorld.fourStages().policy(PolicyDocument.of("organization-stop", "1",
                Attachment.organization(), Statement.of("stop", new Rule.Stop(true, "incident 42")))).build();
        EventDispatcher dispatcher = new EventDispatcher(List.of(recording), 100, world.clock(), Duration.ofSeconds(10));
        engine(world, dispatcher).promote(PromotionCommand.builder(world.register("payments-api", "1.0.0"), "dev", ALICE)
                .build());
        dispatcher.close();

        assertAllConform();
        assertEquals(1, ofType(EventType.STOP_SWITCH_ENGAGED).size());
        assertEquals("DENIED", ofType(EventType.PROMOTION_DECIDED).get(0).data().get("outcome"));
    }

    @Test
    void tampering_conformsToTheSchema() {
        AirlockEvent event = Events.tampering(new BrokenLink(7, 7, BrokenLink.Kind.EDITED, "entry 7 was changed"),
                Instant.parse("2026-03-02T09:00:00Z"));
        assertEquals(List.of(), EventSchema.problems(event.toJson()), event.toJson());
    }

    @Test
    void schema_catchesAMalformedEvent() {
        assertFalse(EventSchema.problems("{\"schema\": \"https://airlock.dev/schemas/event/v2\", \"type\": \"x\"}")
                .isEmpty());
    }

    @Test
    void schema_refusesAPendingEventWhoseMissingRequirementsAreText() {
        String v1Shaped = new AirlockEvent("e1", EventType.PROMOTION_PENDING, Instant.parse("2026-03-02T09:00:00Z"), 8,
                "p1", "prod", null, "alice", java.util.Map.of("outcome", "PENDING", "missing",
                        List.of("two-approvals: 2 more approvals"))).toJson();

        assertEquals(List.of("/data/missing/0: STRING is not of type \"object\""), EventSchema.problems(v1Shaped));
    }

    @Test
    void aFailingPublisher_neverFailsThePromotion() {
        TestWorld world = TestWorld.fourStages().build();
        EventPublisher failing = events -> {
            throw new IllegalStateException("topic does not exist");
        };
        EventDispatcher dispatcher = new EventDispatcher(List.of(failing, recording), 100, world.clock(),
                Duration.ofSeconds(10));
        var result = engine(world, dispatcher).promote(PromotionCommand.builder(world.register("payments-api", "1.0.0"),
                "dev", ALICE).build());
        dispatcher.close();

        assertEquals(dev.airlock.promotion.PromotionResult.Status.PROMOTED, result.status());
        assertEquals(1, ofType(EventType.PROMOTION_PROMOTED).size());
    }

    @Test
    void aHangingPublisher_neverHoldsUpThePromotion_andCloseGivesUpAfterItsTimeout() throws InterruptedException {
        TestWorld world = TestWorld.fourStages().build();
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        EventPublisher hanging = events -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        EventDispatcher dispatcher = new EventDispatcher(List.of(hanging), 2, world.clock(), Duration.ofMillis(200));
        PromotionEngine engine = engine(world, dispatcher);
        Digest digest = world.register("payments-api", "1.0.0");
        for (String stage : List.of("dev", "test", "staging")) {
            assertEquals(dev.airlock.promotion.PromotionResult.Status.PROMOTED,
                    engine.promote(PromotionCommand.builder(digest, stage, ALICE).build()).status());
            world.markVerified(digest, stage);
        }
        dispatcher.close();
        never.countDown();

        assertTrue(dispatcher.dropped() > 0, "a full queue drops events instead of blocking");
    }
}
