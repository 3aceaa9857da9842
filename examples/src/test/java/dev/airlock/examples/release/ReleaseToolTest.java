package dev.airlock.examples.release;

import static dev.airlock.testkit.junit.AirlockAssertions.assertChainIntact;
import static dev.airlock.testkit.junit.AirlockAssertions.assertDenied;
import static dev.airlock.testkit.junit.AirlockAssertions.assertLedgerContainsInOrder;
import static dev.airlock.testkit.junit.AirlockAssertions.assertNotPromoted;
import static dev.airlock.testkit.junit.AirlockAssertions.assertPending;
import static dev.airlock.testkit.junit.AirlockAssertions.assertPromoted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.ArtifactKind;
import dev.airlock.artifact.Digest;
import dev.airlock.artifact.Provenance;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.KeyringWriter;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.ledger.EntryType;
import dev.airlock.promotion.ArtifactRegistration;
import dev.airlock.promotion.PromotionFailedException;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.testkit.Fault;
import dev.airlock.testkit.Operation;
import dev.airlock.testkit.TestWorld;
import dev.airlock.testkit.junit.AirlockExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a team tests its own release tooling ({@link ReleaseTool}) against Airlock without AWS: every
 * test gets a fresh in-memory landscape with the team's production policy, the real engine and a
 * clock the test moves.
 */
class ReleaseToolTest {
    private static final Principal ALICE = Principal.of("alice", "developers");
    private static final Principal RITA = Principal.of("rita", "developers", "release-managers");

    @RegisterExtension
    static final AirlockExtension AIRLOCK = AirlockExtension.with(() -> TestWorld.fourStages()
            .people("release-managers", "rita", "rob")
            .policy(PolicyDocument.of("production", "7", Attachment.tier(Tier.PRODUCTION),
                    Statement.of("release-managers-only", new Rule.AllowedPrincipals(
                            List.of(), List.of("release-managers"))),
                    Statement.of("staging-soak", new Rule.Soak(Duration.ofHours(24), null)))));

    /** Registers a build and walks it up to staging, where it starts to soak. */
    private static Digest inStaging(TestWorld world) {
        Digest digest = world.register("payments-api", "1.4.2");
        world.promoteThrough(digest, ALICE, "dev", "test", "staging");
        return digest;
    }

    @Test
    void release_promotesIntoTheNextStage(TestWorld world) {
        Digest digest = world.register("payments-api", "1.4.2");
        ReleaseTool tool = new ReleaseTool(world.engine(), 3);

        PromotionResult result = tool.release(digest, "dev", ALICE, "payments-1.4.2-dev");

        assertEquals(PromotionResult.Status.PROMOTED, result.status());
        assertPromoted(world, digest, "dev");
        assertLedgerContainsInOrder(world, EntryType.REGISTERED, EntryType.DECIDED, EntryType.TRANSFERRED,
                EntryType.PROMOTED);
        assertChainIntact(world);
    }

    @Test
    void release_toProductionByADeveloper_isDeniedByTheGuardrail(TestWorld world) {
        Digest digest = inStaging(world);
        ReleaseTool tool = new ReleaseTool(world.engine(), 3);

        PromotionResult result = tool.release(digest, "prod", ALICE, "payments-1.4.2-prod");

        assertDenied(result, "release-managers-only");
        assertNotPromoted(world, digest, "prod");
    }

    @Test
    void release_beforeTheSoakTimeIsOver_isPending_untilTheClockMovesOn(TestWorld world) {
        Digest digest = inStaging(world);
        ReleaseTool tool = new ReleaseTool(world.engine(), 3);

        PromotionResult early = tool.release(digest, "prod", RITA, "payments-1.4.2-prod-1");
        world.clock().advance(Duration.ofHours(24));
        PromotionResult later = tool.release(digest, "prod", RITA, "payments-1.4.2-prod-2");

        assertPending(early, "staging-soak");
        assertPromoted(later);
        assertPromoted(world, digest, "prod");
    }

    @Test
    void release_intoAnAccountWhoseTrustIsNotSetUp_failsAsItWouldInAws() {
        TestWorld world = TestWorld.fourStages().noTrust("test").build();
        Digest digest = world.register("payments-api", "1.4.2");
        world.promoteThrough(digest, ALICE, "dev");
        ReleaseTool tool = new ReleaseTool(world.engine(), 3);

        PromotionFailedException e = assertThrows(PromotionFailedException.class,
                () -> tool.release(digest, "test", ALICE, "payments-1.4.2-test"));

        assertInstanceOf(AccessDeniedException.class, e.getCause());
        assertEquals("User: arn:aws:sts::111111111111:assumed-role/airlock-promoter/airlock is not authorized to "
                + "perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/airlock-deploy",
                e.getCause().getMessage());
        assertEquals(2, world.calls().count(Operation.OPEN_ACCESS), "dev once, test once: a denial is not retried");
    }

    @Test
    void release_whenTheStoreIsThrottled_retriesUntilItSucceeds(TestWorld world) {
        Digest digest = world.register("payments-api", "1.4.2");
        world.faults().failNext(Operation.TRANSFER, 2, Fault.THROTTLED);
        ReleaseTool tool = new ReleaseTool(world.engine(), 3);

        PromotionResult result = tool.release(digest, "dev", ALICE, "payments-1.4.2-dev");

        assertPromoted(result);
        assertEquals(3, world.calls().count(Operation.TRANSFER));
        assertLedgerContainsInOrder(world, EntryType.FAILED, EntryType.FAILED, EntryType.PROMOTED);
    }

    @Test
    void release_givesUpWhenThrottlingOutlastsItsAttempts(TestWorld world) {
        Digest digest = world.register("payments-api", "1.4.2");
        world.faults().failNext(Operation.TRANSFER, 3, Fault.THROTTLED);

        PromotionFailedException e = assertThrows(PromotionFailedException.class,
                () -> new ReleaseTool(world.engine(), 3).release(digest, "dev", ALICE, "payments-1.4.2-dev"));

        assertTrue(e.retryable());
        assertNotPromoted(world, digest, "dev");
    }

    @Test
    void open_onTheConfigurationsLocalBackend_releasesIntoDev(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("airlock.yaml");
        Files.copy(Path.of("config", "airlock.yaml"), config);
        // Everyone's key, as `airlock keys create` makes them.
        KeyringWriter.createLocalKeys(AirlockConfiguration.load(config), KeyAlgorithm.ED25519);
        Digest digest;
        try (ReleaseTool tool = ReleaseTool.open(config, 3)) {
            digest = tool.engine().register(new ArtifactRegistration("payments-api", "1.4.2", ArtifactKind.FILE,
                    "application/java-archive", new Provenance("github.com/acme/payments", "9f1c2e7", "build-1",
                            "ci@tooling", Instant.now())), new ByteArrayInputStream(new byte[] {1, 2, 3}), ALICE)
                    .digest();

            assertPromoted(tool.release(digest, "dev", ALICE, "payments-1.4.2-dev"));
        }
        assertTrue(Files.isDirectory(dir.resolve(".airlock")), "the file's local backend, beside it");
    }
}
