package dev.airlock.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.environment.Tier;
import dev.airlock.environment.UnknownEnvironmentException;
import dev.airlock.guardrail.Outcome;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.ledger.EntryType;
import dev.airlock.promotion.LeaseHeldException;
import dev.airlock.promotion.PromotionCommand;
import dev.airlock.promotion.PromotionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TestWorldTest {
    private static final Principal ALICE = Principal.of("alice", "developers");
    /** The configuration the airlock CLI ships with, read the way the CLI reads it. */
    private static final Path CLI_CONFIGURATION = Path.of("..", "examples", "config", "airlock.yaml");

    @Test
    void fourStages_promotesThroughTheWholePipelineWithTheRealEngine() {
        TestWorld world = TestWorld.fourStages().build();
        Digest digest = world.register("payments-api", "1.0.0");

        PromotionResult result = world.promoteThrough(digest, ALICE, "dev", "test", "staging", "prod");

        assertEquals(PromotionResult.Status.PROMOTED, result.status());
        assertEquals(digest, world.current("prod").orElseThrow());
        assertTrue(world.store().holds(world.place("prod"), digest));
        assertTrue(world.ledger().verify().ok());
    }

    @Test
    void theBuiltInNoSkippingGuardrail_stillApplies() {
        TestWorld world = TestWorld.fourStages().build();
        Digest digest = world.register("payments-api", "1.0.0");

        PromotionResult result = world.promote(digest, "staging", ALICE);

        assertEquals(PromotionResult.Status.DENIED, result.status());
        assertEquals("builtin:no-skipping", result.decision().results(
                dev.airlock.guardrail.StatementResult.Verdict.DENIES).get(0).statementId());
    }

    @Test
    void policiesAddedInCode_areEnforced() {
        TestWorld world = TestWorld.fourStages()
                .people("release-managers", "rita", "rob")
                .policy(PolicyDocument.of("production", "1", Attachment.tier(Tier.PRODUCTION),
                        Statement.of("two-approvals", Rule.Approvals.of(2, "release-managers"))))
                .build();
        Digest digest = world.register("payments-api", "1.0.0");
        world.promoteThrough(digest, ALICE, "dev", "test", "staging");

        PromotionResult pending = world.promote(digest, "prod", ALICE);
        world.engine().approve(digest, "prod", Principal.of("rita"));
        world.engine().approve(digest, "prod", Principal.of("rob"));
        PromotionResult promoted = world.engine().promote(PromotionCommand
                .builder(digest, "prod", ALICE).idempotencyKey("after-approvals").build());

        assertEquals(Outcome.PENDING, pending.decision().outcome());
        assertEquals(PromotionResult.Status.PROMOTED, promoted.status());
    }

    @Test
    void everyBuild_givesAnIndependentWorld() {
        TestWorldBuilder builder = TestWorld.fourStages();
        TestWorld first = builder.build();
        first.register("payments-api", "1.0.0");
        first.clock().advance(Duration.ofDays(1));

        TestWorld second = builder.build();

        assertNotSame(first.engine(), second.engine());
        assertEquals(0, second.ledger().lastSequence());
        assertEquals(TestWorldBuilder.DEFAULT_START, second.clock().instant());
    }

    @Test
    void anotherEngine_cannotTakeTheLeaseWhileTheFirstPromotes() {
        AtomicReference<TestWorld> worldRef = new AtomicReference<>();
        AtomicReference<Digest> digestRef = new AtomicReference<>();
        AtomicReference<RuntimeException> secondProcess = new AtomicReference<>();
        // While the first engine holds dev's lease, a second process tries to promote into dev.
        TestWorld world = TestWorld.fourStages().listener(entry -> {
            if (entry.type() == EntryType.LEASED && secondProcess.get() == null) {
                try {
                    worldRef.get().anotherEngine().promote(PromotionCommand.builder(digestRef.get(), "dev", ALICE)
                            .idempotencyKey("second-process").build());
                    secondProcess.set(new IllegalStateException("the second process promoted too"));
                } catch (RuntimeException e) {
                    secondProcess.set(e);
                }
            }
        }).build();
        worldRef.set(world);
        digestRef.set(world.register("payments-api", "1.0.0"));

        PromotionResult first = world.promote(digestRef.get(), "dev", ALICE);

        assertEquals(PromotionResult.Status.PROMOTED, first.status());
        assertInstanceOf(LeaseHeldException.class, secondProcess.get());
        assertEquals(digestRef.get(), world.anotherEngine().status().get(0).current().digest());
    }

    @Test
    void theClock_drivesEveryTimestamp() {
        TestWorld world = TestWorld.fourStages().startingAt("2026-06-01T12:00:00Z").build();
        world.clock().advance(Duration.ofMinutes(5));

        world.register("payments-api", "1.0.0");

        assertEquals(java.time.Instant.parse("2026-06-01T12:05:00Z"), world.ledger().read(1).get(0).time());
    }

    @Test
    void theCliConfiguration_loadsIntoAWorld() {
        TestWorld world = TestWorld.builder().configuration(CLI_CONFIGURATION).build();
        Digest digest = world.register("payments-api", "1.0.0");

        PromotionResult dev = world.promote(digest, "dev", Principal.of("alice"));

        assertEquals(List.of("dev", "test", "staging", "prod-eu", "prod-us"),
                List.copyOf(world.landscape().environmentNames()));
        assertEquals(PromotionResult.Status.PROMOTED, dev.status(), dev.decision().summary());
        assertEquals(List.of("rita", "rob", "rae"), world.people().get("release-managers"));
    }

    @Test
    void theCliConfiguration_keepsItsProductionRequirements() {
        TestWorld world = TestWorld.builder().configuration(CLI_CONFIGURATION).build();
        Digest digest = world.register("payments-api", "1.0.0");
        world.promoteThrough(digest, Principal.of("rita"), "dev", "test", "staging");

        PromotionResult prod = world.promote(digest, "prod-eu", Principal.of("rita"));

        assertEquals(PromotionResult.Status.PENDING, prod.status());
        List<String> unmet = prod.decision().results(dev.airlock.guardrail.StatementResult.Verdict.UNMET).stream()
                .map(dev.airlock.guardrail.StatementResult::statementId).toList();
        assertTrue(unmet.containsAll(List.of("two-approvals", "staging-soak", "change-ticket")), unmet.toString());
    }

    @Test
    void yamlWithAMistake_isReportedWithItsLine() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TestWorld.builder().configurationYaml("inline.yaml", """
                        version: 1
                        accounts: {tooling: "111111111111", security: "999999999999"}
                        environments:
                          - {name: dev, account: "2222", tier: development,
                             deployRole: "arn:aws:iam::222222222222:role/airlock-deploy"}
                        pipeline: {entry: [dev]}
                        """));
        assertTrue(e.getMessage().contains("inline.yaml:4"), e.getMessage());
    }

    @Test
    void aConfiguration_andEnvironmentsInCode_doNotMix() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> TestWorld.builder()
                .configuration(CLI_CONFIGURATION).environment("qa", "121212121212", Tier.TEST).build());
        assertEquals("configuration", e.field());
        assertTrue(e.rule().contains("environment()"), e.rule());
    }

    @Test
    void aLandscapeBuiltElsewhere_canBeUsedAsIs() {
        dev.airlock.environment.Landscape landscape = TestWorld.fourStages().build().landscape();

        TestWorld world = TestWorld.builder().landscape(landscape).permit("developers").build();

        assertEquals(landscape, world.landscape());
        assertEquals(PromotionResult.Status.PROMOTED,
                world.promote(world.register("payments-api", "1.0.0"), "dev", ALICE).status());
    }

    @Test
    void aGivenLandscape_andEnvironmentsInCode_doNotMix() {
        dev.airlock.environment.Landscape landscape = TestWorld.fourStages().build().landscape();
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> TestWorld.builder()
                .landscape(landscape).pipeline("dev").build());
        assertEquals("landscape", e.field());
        assertTrue(e.rule().contains("pipeline()"), e.rule());
    }

    @Test
    void aWorldWithoutEnvironments_saysHowToAddThem() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> TestWorld.builder().tooling("111111111111").security("999999999999").build());
        assertEquals("environments", e.field());
        assertTrue(e.rule().contains("TestWorld.fourStages()"), e.rule());
    }

    @Test
    void trustForAnUnknownEnvironment_namesTheKnownOnes() {
        UnknownEnvironmentException e = assertThrows(UnknownEnvironmentException.class,
                () -> TestWorld.fourStages().noTrust("production").build());
        assertTrue(e.getMessage().contains("prod"), e.getMessage());
    }

    @Test
    void aBadAccount_isRejectedNamingFieldAndValue() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> TestWorld.builder().environment("dev", "12345", Tier.DEVELOPMENT));
        assertEquals("account", e.field());
        assertEquals("12345", e.value());
    }

    @Test
    void aBadStart_isRejectedNamingFieldAndValue() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> TestWorld.builder().startingAt("yesterday"));
        assertEquals("start", e.field());
    }
}
