package dev.airlock.testkit.junit;

import static dev.airlock.testkit.junit.AirlockAssertions.assertChainIntact;
import static dev.airlock.testkit.junit.AirlockAssertions.assertDenied;
import static dev.airlock.testkit.junit.AirlockAssertions.assertLedgerContainsInOrder;
import static dev.airlock.testkit.junit.AirlockAssertions.assertNotPromoted;
import static dev.airlock.testkit.junit.AirlockAssertions.assertPending;
import static dev.airlock.testkit.junit.AirlockAssertions.assertPromoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.artifact.Digest;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.testkit.TestWorld;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class AirlockAssertionsTest {
    private static final Principal ALICE = Principal.of("alice", "developers");

    private final TestWorld world = TestWorld.fourStages()
            .policy(PolicyDocument.of("production", "1", Attachment.tier(Tier.PRODUCTION),
                    Statement.of("two-approvals", Rule.Approvals.of(2))))
            .build();
    private final Digest digest = world.register("payments-api", "1.0.0");

    private static String failure(Runnable assertion) {
        return assertThrows(AssertionFailedError.class, assertion::run).getMessage();
    }

    @Test
    void assertPromoted_passesForAPromotion_andSaysWhatHappenedOtherwise() {
        assertPromoted(world.promote(digest, "dev", ALICE));
        assertPromoted(world, digest, "dev");

        PromotionResult denied = world.promote(digest, "prod", ALICE);
        assertEquals("expected promotion of " + digest.shortForm() + " into prod to be PROMOTED but it was DENIED: "
                + denied.decision().summary(), failure(() -> assertPromoted(denied)));
        assertEquals("expected test to run " + digest.shortForm() + " but it runs nothing; its ledger entries: []",
                failure(() -> assertPromoted(world, digest, "test")));
    }

    @Test
    void assertPromoted_catchesBytesThatRotInTheEnvironment() {
        world.promote(digest, "dev", ALICE);
        world.store().corrupt(world.place("dev"), digest);

        String message = failure(() -> assertPromoted(world, digest, "dev"));

        assertEquals(true, message.contains("they are corrupt"), message);
    }

    @Test
    void assertNotPromoted_failsWhenTheEnvironmentRunsTheDigest() {
        assertNotPromoted(world, digest, "dev");
        world.promote(digest, "dev", ALICE);
        assertEquals(true, failure(() -> assertNotPromoted(world, digest, "dev"))
                .startsWith("expected dev not to run " + digest.shortForm() + " but it does"));
    }

    @Test
    void assertDenied_namesTheStatementsThatReallyDenied() {
        PromotionResult skipping = world.promote(digest, "staging", ALICE);
        assertDenied(skipping, "builtin:no-skipping");

        String message = failure(() -> assertDenied(skipping, "friday-freeze"));

        assertEquals(true, message.startsWith("expected promotion of " + digest.shortForm()
                + " into staging to be DENIED by 'friday-freeze' but it was DENIED, denied by [builtin:no-skipping]"),
                message);
        assertEquals(true, failure(() -> assertDenied(world.promote(digest, "dev", ALICE), "builtin:no-skipping"))
                .contains("but it was PROMOTED"));
    }

    @Test
    void assertPending_checksWhatIsMissing() {
        world.promoteThrough(digest, ALICE, "dev", "test", "staging");
        PromotionResult pending = world.promote(digest, "prod", ALICE);

        assertPending(pending);
        assertPending(pending, "two-approvals");
        String message = failure(() -> assertPending(pending, "two-approvals", "staging-soak"));

        assertEquals(true, message.contains("to be PENDING on [two-approvals, staging-soak] but it was PENDING, unmet: "
                + "[two-approvals]"), message);
    }

    @Test
    void assertLedgerContainsInOrder_matchesASubsequence_andShowsTheLedgerOtherwise() {
        world.promote(digest, "dev", ALICE);

        assertLedgerContainsInOrder(world, EntryType.REGISTERED, EntryType.DECIDED, EntryType.PROMOTED,
                EntryType.RELEASED);
        String message = failure(() -> assertLedgerContainsInOrder(world, EntryType.PROMOTED, EntryType.DECIDED));

        assertEquals("expected the ledger to contain [PROMOTED, DECIDED] in this order, but DECIDED is missing after "
                + "[PROMOTED]; the ledger holds [REGISTERED, DECIDED, LEASED, TRANSFERRED, PROMOTED, RELEASED]", message);
    }

    @Test
    void assertChainIntact_failsWhenTheLedgerWasTamperedWith() {
        world.promote(digest, "dev", ALICE);
        assertChainIntact(world);

        world.ledger().tamper(entries -> {
            LedgerEntry second = entries.get(1);
            ArrayList<LedgerEntry> rewritten = new ArrayList<>(entries);
            rewritten.set(1, new LedgerEntry(second.sequence(), second.time(), second.type(), "mallory",
                    second.environment(), second.digest(), second.promotionId(), Map.copyOf(second.details()),
                    second.previousHash(), second.hash()));
            return rewritten;
        });

        String message = failure(() -> assertChainIntact(world));
        assertEquals(true, message.startsWith("expected the ledger's hash chain to be intact but "), message);
    }
}
