package dev.airlock.promotion;

import static dev.airlock.promotion.EngineFixture.ALICE;
import static dev.airlock.promotion.EngineFixture.command;
import static dev.airlock.promotion.EngineFixture.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.guardrail.Outcome;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerChain;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.promotion.PromotionResult.Status;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromotionEngineTest {
    @TempDir
    Path root;

    EngineFixture fixture;
    PromotionEngine engine;

    @BeforeEach
    void setUp() {
        fixture = new EngineFixture(root);
        engine = fixture.engine();
    }

    List<EntryType> types(String environment) {
        return engine.history(environment).stream().map(LedgerEntry::type).toList();
    }

    @Test
    void promote_whenAllowed_movesTheEnvironmentAndRecordsEveryStep() {
        Digest digest = register(engine, "1.0.0");

        PromotionResult result = engine.promote(command(digest, "dev"));

        assertEquals(Status.PROMOTED, result.status());
        assertEquals(digest, engine.status().get(0).current().digest());
        assertEquals(List.of(EntryType.DECIDED, EntryType.LEASED, EntryType.TRANSFERRED, EntryType.PROMOTED,
                EntryType.RELEASED), types("dev"));
        assertTrue(result.bytesCopied() > 0);
        assertTrue(LedgerChain.verify(fixture.backend.ledger().read(1)).ok());
    }

    @Test
    void promote_sameIdempotencyKeyTwice_promotesOnce() {
        Digest digest = register(engine, "1.0.0");

        PromotionResult first = engine.promote(command(digest, "dev"));
        PromotionResult second = engine.promote(command(digest, "dev"));

        assertEquals(Status.ALREADY_PROMOTED, second.status());
        assertEquals(first.promotionId(), second.promotionId());
        assertEquals(1, types("dev").stream().filter(t -> t == EntryType.PROMOTED).count());
    }

    @Test
    void promote_idempotencyKeyReusedForAnotherDigest_isRefused() {
        Digest one = register(engine, "1.0.0");
        Digest two = register(engine, "2.0.0");
        engine.promote(PromotionCommand.builder(one, "dev", ALICE).idempotencyKey("release-42").build());

        InvalidValueException e = assertThrows(InvalidValueException.class, () ->
                engine.promote(PromotionCommand.builder(two, "dev", ALICE).idempotencyKey("release-42").build()));

        assertTrue(e.getMessage().contains("release-42"), e.getMessage());
    }

    @Test
    void promote_whenDenied_recordsTheDecisionAndTouchesNothing() {
        Digest digest = register(engine, "1.0.0");
        fixture.guardrails.outcome = Outcome.DENIED;

        PromotionResult result = engine.promote(command(digest, "dev"));

        assertEquals(Status.DENIED, result.status());
        assertEquals(List.of(EntryType.DECIDED), types("dev"));
        assertNull(engine.status().get(0).current());
    }

    @Test
    void promote_whenPending_thenAllowed_promotesUnderTheSameKey() {
        Digest digest = register(engine, "1.0.0");
        fixture.guardrails.outcome = Outcome.PENDING;
        assertEquals(Status.PENDING, engine.promote(command(digest, "dev")).status());

        fixture.guardrails.outcome = Outcome.ALLOWED;

        assertEquals(Status.PROMOTED, engine.promote(command(digest, "dev")).status());
    }

    @Test
    void register_sameNameAndVersionWithOtherBytes_isAnImmutabilityViolation() {
        register(engine, "1.0.0");

        assertThrows(ImmutabilityViolationException.class, () -> engine.register(
                new ArtifactRegistration("payments-api", "1.0.0", dev.airlock.artifact.ArtifactKind.FILE,
                        "application/java-archive", engine.artifact(engine.resolve("payments-api", "1.0.0")).provenance()),
                new ByteArrayInputStream("different bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8)), ALICE));
    }

    @Test
    void register_sameBytesAgain_returnsTheExistingArtifactWithoutANewEntry() {
        Digest digest = register(engine, "1.0.0");
        long entries = fixture.backend.ledger().lastSequence();

        assertEquals(digest, register(engine, "1.0.0"));
        assertEquals(entries, fixture.backend.ledger().lastSequence());
    }

    @Test
    void promote_unregisteredDigest_isNotFound() {
        Digest unknown = Digest.of(new byte[] {1, 2, 3});

        assertThrows(NotFoundException.class, () -> engine.promote(command(unknown, "dev")));
    }

    @Test
    void markVerified_digestNotRunningThere_isRefused() {
        Digest digest = register(engine, "1.0.0");

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> engine.markVerified(digest, "dev", ALICE));

        assertTrue(e.getMessage().contains("is not what environment 'dev' runs"), e.getMessage());
    }

    @Test
    void rollback_returnsToThePreviousVerifiedDigest() {
        Digest one = register(engine, "1.0.0");
        Digest two = register(engine, "2.0.0");
        engine.promote(command(one, "dev"));
        engine.markVerified(one, "dev", ALICE);
        engine.promote(command(two, "dev"));

        PromotionResult result = engine.rollback("dev", ALICE, "rollback-1");

        assertEquals(Status.PROMOTED, result.status());
        assertEquals(one, result.digest());
        assertEquals(two, result.previous());
        assertEquals(one, engine.status().get(0).current().digest());
        assertTrue(types("dev").contains(EntryType.ROLLED_BACK));
    }

    @Test
    void rollback_withoutAnEarlierVerifiedDigest_isNotFound() {
        Digest one = register(engine, "1.0.0");
        engine.promote(command(one, "dev"));

        assertThrows(NotFoundException.class, () -> engine.rollback("dev", ALICE, "rollback-1"));
    }

    @Test
    void plan_recordsNothing() {
        Digest digest = register(engine, "1.0.0");
        long entries = fixture.backend.ledger().lastSequence();

        Plan plan = engine.plan(command(digest, "dev"));

        assertEquals(Outcome.ALLOWED, plan.decision().outcome());
        assertTrue(plan.steps().stream().anyMatch(s -> s.startsWith("verify the digest")), plan.steps().toString());
        assertEquals(entries, fixture.backend.ledger().lastSequence());
    }

    @Test
    void promote_whenNoStatementReadsImmutability_neverAsksTheStore() {
        Digest digest = register(engine, "1.0.0");
        fixture.guardrails.requiresImmutability = false;
        ImmutabilityProbes probes = new ImmutabilityProbes();
        PromotionEngine counted = fixture.engine(probes::wrap, a -> a, l -> l);

        assertEquals(Status.PROMOTED, counted.promote(command(digest, "dev")).status());
        counted.plan(command(digest, "test"));

        assertEquals(0, probes.count.get());
    }

    @Test
    void promote_whenAStatementReadsImmutability_asksTheStoreOncePerDecision() {
        Digest digest = register(engine, "1.0.0");
        ImmutabilityProbes probes = new ImmutabilityProbes();
        PromotionEngine counted = fixture.engine(probes::wrap, a -> a, l -> l);

        counted.promote(command(digest, "dev"));

        assertEquals(1, probes.count.get());
    }

    @Test
    void plan_ofTheDigestTheEnvironmentRuns_asksTheStoreWhetherItIsStillThere() {
        Digest digest = register(engine, "1.0.0");
        engine.promote(command(digest, "dev"));
        fixture.guardrails.requiresImmutability = false;
        ImmutabilityProbes probes = new ImmutabilityProbes();

        Plan plan = fixture.engine(probes::wrap, a -> a, l -> l).plan(command(digest, "dev"));

        assertTrue(plan.steps().stream().anyMatch(s -> s.endsWith("already there")), plan.steps().toString());
        assertEquals(1, probes.count.get());
    }

    /** Counts how often the engine asks the store whether a place is immutable. */
    private static final class ImmutabilityProbes {
        final AtomicInteger count = new AtomicInteger();

        ArtifactStore wrap(ArtifactStore store) {
            return new Faults.StoreWrapper(store) {
                @Override
                public boolean isImmutable(Place place) {
                    count.incrementAndGet();
                    return super.isImmutable(place);
                }
            };
        }
    }
}
