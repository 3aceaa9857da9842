package dev.airlock.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.ledger.EntryType;
import dev.airlock.promotion.AbortNotPermittedException;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionEngine;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.promotion.Reconciliation;
import dev.airlock.promotion.Reconciliation.Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Reconcile finishes what waited, once, and only what is still wanted. */
class ReconcileTest {
    static final Principal ALICE = Principal.of("alice", "developers");
    static final Principal BOB = Principal.of("bob", "developers");
    static final Principal OWNER = Principal.of("olga", "prod-owners");

    final TestWorld world = TestWorld.builder().tooling("111111111111").security("999999999999")
            .environment("dev", "222222222222", Tier.DEVELOPMENT)
            .environment("test", "333333333333", Tier.TEST)
            .environment("staging", "444444444444", Tier.STAGING)
            .environment(Environment.builder("prod").account("555555555555").tier(Tier.PRODUCTION)
                    .owners("prod-owners").build())
            .pipeline("dev", "test", "staging", "prod")
            .people("developers", "alice", "bob").permit("developers")
            .policy(PolicyDocument.of("production", "1", Attachment.tier(Tier.PRODUCTION),
                    Statement.of("staging-soak", new Rule.Soak(Duration.ofHours(12), null))))
            .build();

    /** Registers a version and runs it verified through staging; its soak there starts now. */
    Digest verifiedInStaging(String version) {
        Digest digest = world.register("payments-api", version);
        for (String env : List.of("dev", "test", "staging")) {
            assertEquals(Status.PROMOTED, world.promote(digest, env, ALICE).status());
            world.markVerified(digest, env);
        }
        return digest;
    }

    String pendingIntoProd(Digest digest) {
        var result = world.engine().promote(PromotionCommand.builder(digest, "prod", ALICE)
                .attributes(Map.of("change", "CHG-7")).build());
        assertEquals(Status.PENDING, result.status());
        return result.promotionId();
    }

    @Test
    void reconcile_promotesAPendingPromotion_onceItsSoakPasses() {
        Digest digest = verifiedInStaging("1.0.0");
        String pending = pendingIntoProd(digest);
        long before = world.ledger().lastSequence();

        List<Reconciliation> early = world.engine().reconcile();
        assertEquals(List.of(Action.STILL_PENDING), early.stream().map(Reconciliation::action).toList());
        assertTrue(early.get(0).detail().contains("staging-soak"), early.get(0).detail());
        assertEquals(before, world.ledger().lastSequence(), "a request still waiting records nothing");

        world.clock().advance(Duration.ofHours(13));
        List<Reconciliation> done = world.engine().reconcile();

        assertEquals(1, done.size());
        assertEquals(pending, done.get(0).promotionId());
        assertEquals(Action.PROMOTED, done.get(0).action());
        var decidedAgain = world.engine().history("prod").stream().filter(e -> e.type() == EntryType.DECIDED)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("CHG-7", decidedAgain.detail("attribute.change"), "decided again as it was asked");
        assertEquals("alice", decidedAgain.principal());
        assertEquals(digest, world.current("prod").orElseThrow());
        assertEquals(List.of(), world.engine().reconcile(), "nothing waits any more");
    }

    @Test
    void twoReconcilers_atOnce_promoteOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            ReconcileTest t = new ReconcileTest();
            Digest digest = t.verifiedInStaging("1.0." + round);
            t.pendingIntoProd(digest);
            t.world.clock().advance(Duration.ofHours(13));
            List<PromotionEngine> engines = List.of(t.world.engine(), t.world.anotherEngine());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<List<Reconciliation>>> runs = new ArrayList<>();
            for (PromotionEngine engine : engines) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return engine.reconcile();
                }));
            }
            start.countDown();
            List<Action> actions = new ArrayList<>();
            for (Future<List<Reconciliation>> run : runs) {
                run.get().forEach(r -> actions.add(r.action()));
            }
            pool.shutdown();

            long promoted = t.world.ledger().read(1).stream()
                    .filter(e -> e.type() == EntryType.PROMOTED && "prod".equals(e.environment())).count();
            assertEquals(1, promoted, "round " + round + ": " + actions);
            assertEquals(1, actions.stream().filter(a -> a == Action.PROMOTED).count(), actions.toString());
            assertTrue(actions.stream().allMatch(a -> a == Action.PROMOTED || a == Action.BUSY
                    || a == Action.ALREADY_PROMOTED), actions.toString());
            assertEquals(digest, t.world.current("prod").orElseThrow());
            assertTrue(t.world.ledger().verify().ok());
        }
    }

    @Test
    void aWithdrawnRequest_isNeverPromoted() {
        Digest digest = verifiedInStaging("1.0.0");
        String pending = pendingIntoProd(digest);

        world.engine().withdraw(pending, ALICE, "wrong build");
        world.clock().advance(Duration.ofHours(13));

        assertEquals(List.of(), world.engine().reconcile());
        assertEquals(List.of(), world.engine().pending());
        assertTrue(world.current("prod").isEmpty());
        assertEquals(EntryType.WITHDRAWN, world.engine().history("prod").get(world.engine().history("prod").size() - 1)
                .type());
    }

    @Test
    void withdraw_isForTheInitiatorOrAnOwner() {
        Digest digest = verifiedInStaging("1.0.0");
        String pending = pendingIntoProd(digest);

        AbortNotPermittedException refused = assertThrows(AbortNotPermittedException.class,
                () -> world.engine().withdraw(pending, BOB, "not mine"));
        assertTrue(refused.getMessage().contains("bob may not withdraw promotion " + pending), refused.getMessage());

        world.engine().withdraw(pending, OWNER, "release cancelled");
        assertEquals(List.of(), world.engine().pending());
    }

    @Test
    void withdraw_ofAPromotionThatDidNotWait_saysWhy() {
        Digest digest = world.register("payments-api", "1.0.0");
        String promoted = world.promote(digest, "dev", ALICE).promotionId();

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> world.engine().withdraw(promoted, ALICE, "too late"));
        assertTrue(e.getMessage().contains("cannot be withdrawn"), e.getMessage());
    }

    @Test
    void aRequestWhoseTargetMovedSince_isSuperseded() {
        Digest first = verifiedInStaging("1.0.0");
        Digest second = verifiedInStaging("1.0.1");
        pendingIntoProd(first);
        world.clock().advance(Duration.ofHours(13));
        assertEquals(Status.PROMOTED, world.promote(second, "prod", ALICE).status());

        List<Reconciliation> answers = world.engine().reconcile();

        assertEquals(List.of(Action.SUPERSEDED), answers.stream().map(Reconciliation::action).toList());
        assertEquals(second, world.current("prod").orElseThrow());
    }

    @Test
    void aRequestOlderThanTheExpiry_isNotPromoted() {
        Digest digest = verifiedInStaging("1.0.0");
        pendingIntoProd(digest);
        world.clock().advance(PromotionEngine.DEFAULT_PENDING_EXPIRY.plusMinutes(1));

        List<Reconciliation> answers = world.engine().reconcile();

        assertEquals(List.of(Action.EXPIRED), answers.stream().map(Reconciliation::action).toList());
        assertTrue(world.current("prod").isEmpty());
    }
}
