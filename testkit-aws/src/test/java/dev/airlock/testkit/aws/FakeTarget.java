package dev.airlock.testkit.aws;

import dev.airlock.testkit.aws.contract.AwsContractTarget;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The contract kits' in-memory target: a fresh {@link TestLandscape} per test; blobs go through the layer API. */
final class FakeTarget extends AwsContractTarget {
    private final TestLandscape landscape = new TestLandscape();

    @Override
    public AwsCredentialsProvider ci() {
        return landscape.ci();
    }

    @Override
    public String ciArn() {
        return TestLandscape.CI_USER;
    }

    @Override
    public AwsCredentialsProvider account(String account) {
        return landscape.root(account);
    }

    @Override
    public Instant now() {
        return landscape.now();
    }

    @Override
    public StsClient sts(AwsCredentialsProvider credentials) {
        return landscape.sts(credentials);
    }

    @Override
    public S3Client s3(AwsCredentialsProvider credentials, Region region) {
        return landscape.s3(credentials, region);
    }

    @Override
    public KmsClient kms(AwsCredentialsProvider credentials) {
        return landscape.kms(credentials);
    }

    @Override
    public EcrClient ecr(AwsCredentialsProvider credentials) {
        return landscape.ecr(credentials);
    }
}
