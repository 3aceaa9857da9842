package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.ORIGIN_REPOSITORY;
import static dev.airlock.aws.AwsTarget.PROD;
import static dev.airlock.aws.AwsTarget.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.artifact.Digest;
import dev.airlock.testkit.aws.AwsCall;
import dev.airlock.testkit.aws.AwsService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link PromotionFlowTest} in the in-memory AWS, where trust and bucket policies are enforced, checked with
 * the world's own clients and its record of calls (which, unlike moto, knows who made each call).
 */
class PromotionFlowOnFakesTest extends PromotionFlowTest {
    @Override
    AwsTarget target() {
        return new FakeAws();
    }

    @Override
    void checkProdIndependently(S3ArtifactStore files, Digest jar, Digest image) {
        FakeAws fake = (FakeAws) aws;
        try (S3Client prod = aws.s3(PROD)) {
            byte[] stored = prod.getObjectAsBytes(g -> g.bucket("airlock-prod").key(files.key(jar))).asByteArray();
            assertEquals(jar, Digest.of(stored), "the bytes in prod are the bytes that were built");
        }
        try (EcrClient tooling = aws.ecr(TOOLING)) {
            String manifest = tooling.batchGetImage(b -> b.repositoryName(ORIGIN_REPOSITORY).imageIds(
                    ImageIdentifier.builder().imageTag(EcrArtifactStore.tagFor("prod", image)).build()))
                    .images().get(0).imageManifest();
            assertEquals(image, Digest.of(manifest.getBytes(StandardCharsets.UTF_8)));
        }
        List<AwsCall> copies = fake.world.calls(AwsService.S3, "CopyObject");
        assertEquals(List.of("arn:aws:sts::222222222222:assumed-role/airlock-deploy/rel-1.4.2-dev",
                "arn:aws:sts::333333333333:assumed-role/airlock-deploy/rel-1.4.2-staging",
                "arn:aws:sts::444444444444:assumed-role/airlock-deploy/rel-1.4.2-prod"),
                copies.stream().map(AwsCall::principalArn).toList(), "each copy made by the environment's deploy role");
        copies.forEach(copy -> assertEquals("alice@example.com", copy.sourceIdentity(), "who promoted, for CloudTrail"));
    }
}
