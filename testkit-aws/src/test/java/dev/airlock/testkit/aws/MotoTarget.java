package dev.airlock.testkit.aws;

import dev.airlock.testkit.aws.contract.AwsContractTarget;
import dev.airlock.testkit.moto.MotoServer;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The contract kits' moto target: real SDK clients (path-style, checksums only when required, no SDK
 * retries) against the shared moto_server, reset before each test. A missing moto_server fails the test
 * with the install hint ({@link dev.airlock.testkit.moto.MotoUnavailableException}); it is never skipped.
 */
final class MotoTarget extends AwsContractTarget {
    /** Moto maps long-term keys it does not know to its default account and user. */
    static final String MOTO_ACCOUNT = "123456789012";

    private final MotoServer server = MotoServer.shared();
    private final List<SdkClient> clients = new ArrayList<>();
    private final AwsCredentialsProvider ci = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "moto-does-not-check-secrets"));

    MotoTarget() {
        server.reset();
    }

    @Override
    public AwsCredentialsProvider ci() {
        return ci;
    }

    @Override
    public String ciArn() {
        return "arn:aws:sts::" + MOTO_ACCOUNT + ":user/moto";
    }

    @Override
    public AwsCredentialsProvider account(String account) {
        return TestLandscape.credentials(sts(ci).assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/parity")
                .roleSessionName("parity-setup")));
    }

    /** moto neither implements the layer API nor checks that a manifest's blobs exist. */
    @Override
    public void pushBlob(EcrClient ecr, String repository, byte[] blob) {
    }

    @Override
    public StsClient sts(AwsCredentialsProvider credentials) {
        return track(configure(StsClient.builder(), credentials, TestLandscape.REGION).build());
    }

    @Override
    public S3Client s3(AwsCredentialsProvider credentials, Region region) {
        return track(configure(S3Client.builder(), credentials, region).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build());
    }

    @Override
    public EcrClient ecr(AwsCredentialsProvider credentials) {
        return track(configure(EcrClient.builder(), credentials, TestLandscape.REGION).build());
    }

    @Override
    public KmsClient kms(AwsCredentialsProvider credentials) {
        return track(configure(KmsClient.builder(), credentials, TestLandscape.REGION).build());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            AwsCredentialsProvider credentials, Region region) {
        return builder.credentialsProvider(credentials).region(region).endpointOverride(server.endpoint())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    private synchronized <C extends SdkClient> C track(C client) {
        clients.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        clients.forEach(SdkClient::close);
        clients.clear();
    }
}
