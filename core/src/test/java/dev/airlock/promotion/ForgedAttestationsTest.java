package dev.airlock.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.Envelope;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.attestation.PredicateTypes;
import dev.airlock.attestation.Signers;
import dev.airlock.attestation.Statement;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.StatementResult;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.local.LocalBackend;
import dev.airlock.spi.Ledger;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An insider who can append to the ledger (with correct hash links) but holds nobody else's key tries to
 * make approvals, verifications and provenance count. Each forgery is recorded, the chain still verifies,
 * and none counts: the explanation says whose and why.
 */
class ForgedAttestationsTest {
    private static final Instant T0 = Instant.parse("2026-03-03T09:00:00Z");
    private static final String CONFIG = """
            version: 1
            accounts: {tooling: "111111111111", security: "999999999999"}
            environments:
              - {name: staging, account: "444444444444", regions: [eu-central-1], tier: staging,
                 deployRole: "arn:aws:iam::444444444444:role/airlock/deploy"}
              - {name: prod-eu, account: "555555555555", regions: [eu-central-1], tier: production,
                 deployRole: "arn:aws:iam::555555555555:role/airlock/deploy"}
              - {name: prod-us, account: "666666666666", regions: [us-east-1], tier: production,
                 deployRole: "arn:aws:iam::666666666666:role/airlock/deploy"}
            pipeline:
              entry: [staging]
              promotions:
                - {from: staging, to: [prod-eu, prod-us]}
            groups:
              developers: [alice, dan, mallory]
              release-managers: [rita, rob, rae]
            policies:
              - id: organization
                version: 1
                attach: organization
                statements:
                  - {id: trusted-builds, kind: provenance, builders: ["ci@tooling"]}
                  - {id: engineers, kind: permission, groups: [developers, release-managers]}
              - id: production
                version: 7
                attach: {tier: production}
                statements:
                  - {id: two-approvals, kind: approvals, count: 2, from: [release-managers], expiresAfter: 48h}
            """;
    private static final Principal ALICE = Principal.of("alice", "developers");
    private static final Principal RITA = Principal.of("rita", "release-managers");

    @TempDir
    Path root;

    final InMemoryKeys keys = new InMemoryKeys();
    /** The engine's clock: the setup at T0, forgeries two minutes later, decisions ten minutes later. */
    Instant now = T0;
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    AirlockConfiguration configuration;
    LocalBackend backend;
    Digest digest;

    @BeforeEach
    void registerAndVerifyInStaging() {
        configuration = AirlockConfiguration.parse("forgery.yaml", CONFIG, false);
        backend = LocalBackend.open(root, configuration.landscape(), Clock.fixed(T0, ZoneOffset.UTC));
        PromotionEngine engine = engine(keys);
        digest = register(engine, "1.0.0", "ci@tooling");
        engine.promote(PromotionCommand.builder(digest, "staging", ALICE).build());
        engine.markVerified(digest, "staging", Principal.of("deploy-bot"));
        now = T0.plusSeconds(120);
    }

    private PromotionEngine engine(Signers signers) {
        return PromotionEngine.builder().landscape(configuration.landscape()).guardrails(configuration.guardrails())
                .backend(backend).clock(clock).keyring(keys)
                .signers(signers).build();
    }

    private static Digest register(PromotionEngine engine, String version, String builder) {
        return engine.register(new ArtifactRegistration("payments-api", version, ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "build-" + version,
                        builder, T0.minusSeconds(600))),
                new ByteArrayInputStream(("payments-api " + version).getBytes(StandardCharsets.UTF_8)), ALICE).digest();
    }

    /** Appends what the insider wrote, with a correct link to the last entry: the chain stays intact. */
    private LedgerEntry append(EntryType type, String principal, String environment, Digest about,
            Map<String, String> details, Instant at) {
        Ledger ledger = backend.ledger();
        LedgerEntry last = ledger.read(ledger.lastSequence()).get(0);
        LedgerEntry forged = LedgerChain.next(last, new LedgerEntry.Draft(type, principal, environment, about, null,
                details), at);
        ledger.append(forged);
        return forged;
    }

    private StatementResult approvals(String environment) {
        // A fresh process, a little later: what it counts comes from the ledger alone.
        now = T0.plusSeconds(600);
        return engine(keys).plan(PromotionCommand.builder(digest, environment, RITA).build()).decision().results()
                .stream().filter(r -> r.statementId().equals("two-approvals")).findFirst().orElseThrow();
    }

    private Map<String, String> approvalDetails(String envelope) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("policyVersion", policyVersion());
        details.put("groups", "release-managers");
        if (envelope != null) {
            details.put("attestation", envelope);
        }
        return details;
    }

    @Test
    void unsignedApprovals_withValidHashLinks_areNotCounted_andTheChainStillVerifies() {
        append(EntryType.APPROVED, "rob", "prod-eu", digest, approvalDetails(null), T0.plusSeconds(120));
        append(EntryType.APPROVED, "rae", "prod-eu", digest, approvalDetails(null), T0.plusSeconds(121));

        StatementResult result = approvals("prod-eu");

        assertEquals(StatementResult.Verdict.UNMET, result.verdict(), result.reason());
        assertTrue(result.reason().contains("not counted: rob (not signed), rae (not signed)"), result.reason());
        assertTrue(engine(keys).verifyLedger().ok(), "the forgery is recorded; it just never counts");
    }

    @Test
    void anApprovalSignedWithAnotherPersonsKey_isNotCounted() {
        keys.signerFor("rob"); // rob has a key of his own; mallory has only hers
        String malloryForRob = sign("mallory", approval("prod-eu", "rob", T0.plusSeconds(120)));
        append(EntryType.APPROVED, "rob", "prod-eu", digest, approvalDetails(malloryForRob), T0.plusSeconds(120));

        assertTrue(approvals("prod-eu").reason().contains("rob (signed with mallory's key, not rob's)"),
                approvals("prod-eu").reason());
    }

    @Test
    void robsRealApproval_replayedForAnotherEnvironment_orAnotherDigest_isNotCounted() {
        PromotionEngine engine = engine(keys);
        engine.approve(digest, "prod-eu", Principal.of("rob", "release-managers"));
        String robs = backend.ledger().read(backend.ledger().lastSequence()).get(0).detail("attestation");
        Digest other = register(engine, "2.0.0", "ci@tooling");

        append(EntryType.APPROVED, "rob", "prod-us", digest, approvalDetails(robs), T0.plusSeconds(120));
        append(EntryType.APPROVED, "rob", "prod-eu", other, approvalDetails(robs), T0.plusSeconds(121));

        assertTrue(approvals("prod-us").reason().contains("rob (signed for environment 'prod-eu', not 'prod-us')"),
                approvals("prod-us").reason());
        StatementResult forOther = engine(keys).plan(PromotionCommand.builder(other, "prod-eu", RITA).from("staging")
                .build()).decision().results().stream().filter(r -> r.statementId().equals("two-approvals"))
                .findFirst().orElseThrow();
        assertTrue(forOther.reason().contains("rob (signed for another digest, " + digest.shortForm() + ")"),
                forOther.reason());
    }

    @Test
    void anOldApproval_appendedAgainLater_isAReplay() {
        Instant signedAt = T0.plusSeconds(120);
        String robs = sign("rob", approval("prod-eu", "rob", signedAt));
        append(EntryType.APPROVED, "rob", "prod-eu", digest, approvalDetails(robs), signedAt.plus(Duration.ofDays(3)));

        assertTrue(approvals("prod-eu").reason().contains("rob (signed at " + signedAt + " but recorded at "),
                approvals("prod-eu").reason());
    }

    @Test
    void groupsClaimedInAnEntry_doNotMakeAnApproverEligible() {
        String dans = sign("dan", approval("prod-eu", "dan", T0.plusSeconds(120)));
        append(EntryType.APPROVED, "dan", "prod-eu", digest, approvalDetails(dans), T0.plusSeconds(120));

        assertTrue(approvals("prod-eu").reason().contains("dan (not in group release-managers)"),
                approvals("prod-eu").reason());
    }

    @Test
    void twoGenuineSignedApprovals_count() {
        PromotionEngine engine = engine(keys);
        assertTrue(engine.approve(digest, "prod-eu", Principal.of("rob", "release-managers")).counts());
        assertTrue(engine.approve(digest, "prod-eu", Principal.of("rae", "release-managers")).counts());

        assertEquals(StatementResult.Verdict.PASSES, approvals("prod-eu").verdict());
    }

    @Test
    void aRegistrationClaimingTheTrustedBuilder_withoutItsKey_isDenied() {
        PromotionEngine withoutBuilderKey = engine(owner -> owner.equals("ci@tooling") ? java.util.Optional.empty()
                : keys.signerFor(owner));
        Digest typedIn = register(withoutBuilderKey, "3.0.0", "ci@tooling");
        PromotionEngine engine = engine(keys);

        var decision = engine.plan(PromotionCommand.builder(typedIn, "staging", ALICE).build()).decision();

        assertEquals(Outcome.DENIED, decision.outcome());
        StatementResult trusted = decision.results().stream().filter(r -> r.statementId().equals("trusted-builds"))
                .findFirst().orElseThrow();
        assertTrue(trusted.reason().contains("provenance not counted: ci@tooling (not signed)"), trusted.reason());
    }

    @Test
    void theBuildersOwnSignedRegistration_laterReplacesAnUnsignedOne() {
        PromotionEngine withoutBuilderKey = engine(owner -> owner.equals("ci@tooling") ? java.util.Optional.empty()
                : keys.signerFor(owner));
        Digest first = register(withoutBuilderKey, "3.0.0", "ci@tooling");

        Digest again = register(engine(keys), "3.0.0", "ci@tooling");

        assertEquals(first, again);
        assertEquals(Outcome.ALLOWED, engine(keys).plan(PromotionCommand.builder(again, "staging", ALICE).build())
                .decision().outcome());
    }

    @Test
    void aForgedVerification_doesNotLetAnArtifactSkipItsStage() {
        Digest neverInStaging = register(engine(keys), "4.0.0", "ci@tooling");
        append(EntryType.VERIFIED, "deploy-bot", "staging", neverInStaging, Map.of(), T0.plusSeconds(120));

        now = T0.plusSeconds(600);
        var decision = engine(keys).plan(PromotionCommand.builder(neverInStaging, "prod-eu", RITA).build()).decision();

        StatementResult skipping = decision.results().stream().filter(r -> r.statementId().equals("builtin:no-skipping"))
                .findFirst().orElseThrow();
        assertEquals(StatementResult.Verdict.DENIES, skipping.verdict(), skipping.reason());
        assertTrue(skipping.reason().contains("not counted: deploy-bot (not signed)"), skipping.reason());
        assertTrue(engine(keys).verifyLedger().ok());
    }

    private String policyVersion() {
        return configuration.guardrails().approvalPolicyVersion("prod-eu");
    }

    private Statement approval(String environment, String approver, Instant at) {
        return new Statement("payments-api:1.0.0", digest, PredicateTypes.APPROVAL, Map.of("environment", environment,
                "policyVersion", policyVersion(), "approver", approver, "approvedAt", at.toString()));
    }

    private String sign(String signer, Statement statement) {
        return Envelope.sign(Statement.PAYLOAD_TYPE, statement.toJson(), keys.signerFor(signer).orElseThrow()).toJson();
    }
}
