package dev.airlock.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.InMemoryKeys;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Guardrails;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.StatementResult.Verdict;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Would it pass at T?" against the current ledger, and what waits: pending promotions judged again. */
class WhatIfAndWaitingTest {
    /** Every principal's and builder's signing key, made on first use. */
    private static final InMemoryKeys KEYS = new InMemoryKeys();

    static final Principal ALICE = Principal.of("alice", "developers");

    @TempDir
    Path root;

    Instant now = EngineFixture.T0;
    PromotionEngine engine;
    Digest digest;

    /** A clock the test moves. */
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void setUp() {
        EngineFixture landscapeOnly = new EngineFixture(root.resolve("unused"));
        Guardrails guardrails = Guardrails.of(landscapeOnly.landscape, List.of(
                PolicyDocument.of("org", "1", Attachment.organization(),
                        Statement.of("developers-promote", new Rule.Permission(List.of(), List.of("developers")))),
                PolicyDocument.of("production", "1", Attachment.tier(Tier.PRODUCTION),
                        Statement.of("staging-soak", new Rule.Soak(Duration.ofHours(12), null)))),
                Map.of("developers", List.of("alice")));
        engine = PromotionEngine.builder().keyring(KEYS).signers(KEYS).landscape(landscapeOnly.landscape).guardrails(guardrails)
                .backend(dev.airlock.local.LocalBackend.open(root, landscapeOnly.landscape, clock)).clock(clock).build();
        digest = engine.register(new ArtifactRegistration("payments-api", "1.0.0", ArtifactKind.FILE,
                "application/java-archive", new Provenance("github.com/acme/payments", "c0ffee", "b-1", "ci@acme",
                        now)), new ByteArrayInputStream("bytes".getBytes(StandardCharsets.UTF_8)), ALICE).digest();
        for (String env : List.of("dev", "test", "staging")) {
            assertEquals(PromotionResult.Status.PROMOTED,
                    engine.promote(PromotionCommand.builder(digest, env, ALICE).build()).status());
            engine.markVerified(digest, env, ALICE);
        }
    }

    @Test
    void planAt_answersForAnotherInstant_andRecordsNothing() {
        PromotionCommand toProd = PromotionCommand.builder(digest, "prod", ALICE).build();
        long before = engine.head().sequence();

        Plan today = engine.plan(toProd, now);
        Plan tomorrow = engine.plan(toProd, now.plus(Duration.ofHours(13)));

        assertEquals(Outcome.PENDING, today.decision().outcome());
        assertEquals(Outcome.ALLOWED, tomorrow.decision().outcome());
        assertEquals(now.plus(Duration.ofHours(13)), tomorrow.decision().at().orElseThrow());
        assertEquals(before, engine.head().sequence());
    }

    @Test
    void pending_listsWhatWaits_withWhatIsMissing_untilItIsPromoted() {
        assertEquals(List.of(), engine.pending());
        assertEquals(PromotionResult.Status.PENDING,
                engine.promote(PromotionCommand.builder(digest, "prod", ALICE).attributes(Map.of("change", "CHG-7"))
                        .build()).status());

        List<PendingPromotion> waiting = engine.pending();

        assertEquals(1, waiting.size());
        assertEquals(Map.of("change", "CHG-7"), waiting.get(0).plan().request().attributes(), "judged as it was asked");
        assertEquals("prod", waiting.get(0).plan().request().target().name());
        assertEquals("staging-soak", waiting.get(0).plan().decision().results(Verdict.UNMET).get(0).statementId());

        now = now.plus(Duration.ofHours(13));
        assertEquals(Outcome.ALLOWED, engine.pending().get(0).plan().decision().outcome(), "ready by now");
        assertEquals(PromotionResult.Status.PROMOTED,
                engine.promote(PromotionCommand.builder(digest, "prod", ALICE).idempotencyKey("again").build()).status());
        assertTrue(engine.pending().isEmpty());
    }

    @Test
    void artifacts_andWhereEachIsVerified() {
        assertEquals(List.of(digest), engine.artifacts().stream().map(a -> a.digest()).toList());
        assertEquals(java.util.Set.of("dev", "test", "staging"), engine.verifiedSince(digest).keySet());
    }
}
