package dev.airlock.aws;

import dev.airlock.environment.AccountId;
import dev.airlock.environment.Region;
import dev.airlock.testkit.moto.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A fresh multi-account AWS on the shared moto server: tooling 111111111111, security 999999999999
 * and three environments (dev 222222222222, staging 333333333333, prod 444444444444), their buckets
 * and repositories, and clients that record (and can fail) every request Airlock makes.
 */
final class MotoAws extends TargetBase {
    final MotoServer server = MotoServer.shared();
    final AwsClientFactory factory;
    final AwsClientFactory setupFactory;
    private AwsCredentialsProvider base;

    MotoAws() {
        server.reset();
        factory = AwsClientFactory.builder().emulator(server.endpoint()).addInterceptor(faults).addInterceptor(recorder)
                .build();
        setupFactory = AwsClientFactory.builder().emulator(server.endpoint()).build();
    }

    @Override
    public AwsConfiguration.Builder configuration() {
        // moto models no cross-account ECR reads; the in-memory registry tests cover pulling as the environment.
        return AwsTarget.commonConfiguration().ecr(ecr -> ecr.verifyPullAsEnvironment(false));
    }

    /** The tooling account's base credentials, the start of every chain (one set per test). */
    @Override
    public synchronized AwsCredentialsProvider base() {
        if (base == null) {
            base = credentials(TOOLING);
        }
        return base;
    }

    @Override
    public MotoAws withStorage() {
        bucket(TOOLING, ORIGIN_BUCKET, false);
        bucket(SECURITY, LEDGER_BUCKET, false);
        bucket(DEV, "airlock-dev", false);
        bucket(STAGING, "airlock-staging", false);
        bucket(PROD, "airlock-prod", true);
        repository(TOOLING, ORIGIN_REPOSITORY, true);
        return this;
    }

    void bucket(AccountId account, String name, boolean objectLock) {
        try (S3Client s3 = s3(account)) {
            s3.createBucket(r -> r.bucket(name).objectLockEnabledForBucket(objectLock)
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1)));
        }
    }

    @Override
    public void pushBlobs(AccountId account, String repository, byte[]... blobs) {
        // moto has no layer API and accepts manifests without their blobs.
    }

    @Override
    public StsClient sts(AwsCredentialsProvider credentials) {
        return setupFactory.sts(credentials, REGION);
    }

    @Override
    public S3Client s3(AccountId account) {
        return setupFactory.s3(credentials(account), REGION);
    }

    @Override
    public KmsClient kms(AccountId account, Region region) {
        return setupFactory.kms(credentials(account), region);
    }

    @Override
    public EcrClient ecr(AccountId account) {
        return setupFactory.ecr(credentials(account), REGION);
    }

    /**
     * Credentials acting in {@code account}, from an AssumeRole into {@code moto-setup} made outside
     * Airlock (moto maps the session to the role's account), so tests count only Airlock's calls.
     */
    AwsCredentialsProvider credentials(AccountId account) {
        Credentials c = assume("arn:aws:iam::" + account + ":role/moto-setup");
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken()));
    }

    /** Raw credentials for a role, for the AWS CLI. */
    Credentials assume(String roleArn) {
        try (StsClient sts = setupFactory.sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "moto-ignores-this")), REGION)) {
            return sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("test-setup").durationSeconds(3600))
                    .credentials();
        }
    }

    @Override
    AwsClientFactory clients() {
        return factory;
    }
}
