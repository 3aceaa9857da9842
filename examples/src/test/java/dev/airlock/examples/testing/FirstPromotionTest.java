package dev.airlock.examples.testing;

import static dev.airlock.testkit.junit.AirlockAssertions.assertChainIntact;
import static dev.airlock.testkit.junit.AirlockAssertions.assertDenied;
import static dev.airlock.testkit.junit.AirlockAssertions.assertPending;
import static dev.airlock.testkit.junit.AirlockAssertions.assertPromoted;

import dev.airlock.artifact.Digest;
import dev.airlock.environment.Tier;
import dev.airlock.guardrail.Principal;
import dev.airlock.guardrail.policy.Attachment;
import dev.airlock.guardrail.policy.PolicyDocument;
import dev.airlock.guardrail.policy.Rule;
import dev.airlock.guardrail.policy.Statement;
import dev.airlock.promotion.PromotionResult;
import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.TestWorld;
import dev.airlock.testkit.junit.AirlockExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FirstPromotionTest {
    static final Principal ALICE = Principal.of("alice", "developers");

    // dev -> test -> staging -> prod; production needs 12 hours of soak in staging.
    @RegisterExtension
    static final AirlockExtension AIRLOCK = AirlockExtension.with(() -> TestWorld.fourStages()
            .policy(PolicyDocument.of("production", "1", Attachment.tier(Tier.PRODUCTION),
                    Statement.of("staging-soak", new Rule.Soak(Duration.ofHours(12), null)))));

    @Test
    void promote_intoDev_isAllowed(TestWorld world) {
        Digest digest = world.register("payments-api", "2.0.0");

        assertPromoted(world.promote(digest, "dev", ALICE));
        assertPromoted(world, digest, "dev");
        assertChainIntact(world);
    }

    @Test
    void promote_onward_afterDeployToolingVerifiedIt(TestWorld world) {
        Digest digest = world.register("payments-api", "2.0.0");
        assertPromoted(world.promote(digest, "dev", ALICE));

        // No skipping stages: test takes only what was verified healthy in dev. (promoteThrough does both.)
        world.markVerified(digest, "dev");

        assertPromoted(world.promote(digest, "test", ALICE));
    }

    @Test
    void promote_skippingStages_isDenied(TestWorld world) {
        Digest digest = world.register("payments-api", "2.0.0");

        assertDenied(world.promote(digest, "prod", ALICE), "builtin:no-skipping");
    }

    @Test
    void promote_toProd_waitsForTheSoakTime(TestWorld world, ManualClock clock) {
        Digest digest = world.register("payments-api", "2.0.0");
        world.promoteThrough(digest, ALICE, "dev", "test", "staging");

        PromotionResult early = world.promote(digest, "prod", ALICE);
        clock.advance(Duration.ofHours(12));

        assertPending(early, "staging-soak");
        assertPromoted(world.promote(digest, "prod", ALICE));
    }
}
