package dev.airlock.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.attestation.Envelope;
import dev.airlock.attestation.PredicateTypes;
import dev.airlock.attestation.Statement;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forgeries of the ledger adversary suite on the testkit's in-memory ledger: an approval appended
 * with valid links but no signature, and one signed with the wrong person's key, never count.
 */
class ForgedApprovalsInMemoryTest {
    private static final Principal ALICE = Principal.of("alice", "developers");

    private final TestWorld world = TestWorld.fourStages()
            .people("release-managers", "rita", "rob")
            .policy(PolicyDocument.of("production", "1", Attachment.tier(Tier.PRODUCTION),
                    dev.airlock.guardrail.policy.Statement.of("two-approvals", Rule.Approvals.of(2, "release-managers"))))
            .build();

    @Test
    void approvalsAppendedByHand_neverCount_whateverTheyClaim() {
        Digest digest = world.register("payments-api", "1.0.0");
        world.promoteThrough(digest, ALICE, "dev", "test", "staging");
        String policyVersion = world.guardrails().approvalPolicyVersion("prod");
        world.keys().signerFor("rita"); // rita has a key of her own; alice signs with hers
        String alicesForRita = Envelope.sign(Statement.PAYLOAD_TYPE, new Statement("payments-api:1.0.0", digest,
                PredicateTypes.APPROVAL, Map.of("environment", "prod", "policyVersion", policyVersion, "approver", "rita",
                        "approvedAt", world.clock().instant().toString())).toJson(),
                world.keys().signerFor("alice").orElseThrow()).toJson();

        append(new LedgerEntry.Draft(EntryType.APPROVED, "rob", "prod", digest, null,
                Map.of("policyVersion", policyVersion)));
        append(new LedgerEntry.Draft(EntryType.APPROVED, "rita", "prod", digest, null,
                Map.of("policyVersion", policyVersion, "attestation", alicesForRita)));
        PromotionResult result = world.promote(digest, "prod", ALICE);

        assertEquals(Outcome.PENDING, result.decision().outcome());
        String explanation = result.decision().explain();
        assertTrue(explanation.contains("rob (not signed)"), explanation);
        assertTrue(explanation.contains("rita (signed with alice's key, not rita's)"), explanation);
        assertTrue(world.engine().verifyLedger().ok());
    }

    private void append(LedgerEntry.Draft draft) {
        LedgerEntry last = world.ledger().read(world.ledger().lastSequence()).get(0);
        world.ledger().append(LedgerChain.next(last, draft, world.clock().instant()));
    }
}
