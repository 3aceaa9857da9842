package dev.airlock.testkit.aws;

import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The parity suite's in-memory target: a fresh {@link TestLandscape} per test. */
final class FakeTarget extends ParityTarget {
    final TestLandscape landscape = new TestLandscape();

    @Override
    AwsCredentialsProvider ci() {
        return landscape.ci();
    }

    @Override
    String ciArn() {
        return TestLandscape.CI_USER;
    }

    @Override
    String ciAccount() {
        return TestLandscape.TOOLING;
    }

    @Override
    AwsCredentialsProvider account(String account) {
        return landscape.root(account);
    }

    @Override
    Images.BlobPush blobs() {
        return Images::uploadLayer;
    }

    @Override
    Instant now() {
        return landscape.now();
    }

    @Override
    public StsClient sts(AwsCredentialsProvider credentials) {
        return landscape.sts(credentials);
    }

    @Override
    public S3Client s3(AwsCredentialsProvider credentials) {
        return landscape.s3(credentials);
    }

    @Override
    public S3Client s3(AwsCredentialsProvider credentials, Region region) {
        return landscape.s3(credentials, region);
    }

    @Override
    public EcrClient ecr(AwsCredentialsProvider credentials) {
        return landscape.ecr(credentials);
    }
}
