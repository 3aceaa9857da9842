package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.testkit.aws.AwsCall;
import dev.airlock.testkit.aws.AwsService;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EcrCentralRegistryTest} on the in-memory AWS, whose ECR checks cross-account pulls against the origin
 * repository's policy: verification pulls as the environment (moto has no cross-account ECR).
 */
class EcrCentralRegistryOnFakesTest extends EcrCentralRegistryTest {
    @Override
    AwsTarget target() {
        return new FakeAws();
    }

    @Test
    void verify_pullsTheImageCrossAccountAsTheEnvironment() {
        pushTagged(MANIFEST, "1.4.2");
        FakeAws fake = (FakeAws) aws;
        fake.world.clearCalls();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context())) {
            store.transfer(DIGEST, prod, session);
            store.verify(DIGEST, prod, session);
        }

        List<AwsCall> pulls = fake.world.calls(AwsService.ECR, "BatchGetImage").stream()
                .filter(call -> AwsTarget.PROD.value().equals(call.account())).toList();
        assertEquals(1, pulls.size(), "the verifying read, as prod's deploy role");
        assertEquals(AwsTarget.TOOLING.value(), pulls.get(0).field("RegistryId"));
        assertEquals("arn:aws:sts::444444444444:assumed-role/airlock-deploy/promo-9", pulls.get(0).principalArn());
    }
}
