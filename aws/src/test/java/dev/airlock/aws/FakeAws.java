package dev.airlock.aws;

import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Region;
import dev.airlock.testkit.aws.AwsWorld;
import dev.airlock.testkit.aws.IamRole;
import dev.airlock.testkit.aws.TrustPolicy;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The landscape of {@link MotoAws} in the testkit's in-memory AWS, with what moto does not check set up as
 * AWS needs it: the CI user's base credentials in tooling, a hub role trusting only that user, deploy
 * roles ({@code role/airlock-deploy}) trusting only the hub and requiring dev's and prod's external ids,
 * bucket policies letting the deploy roles read the origin bucket and the CI user write the security
 * account's ledger bucket, and a repository policy letting the environments pull from the origin.
 */
final class FakeAws extends TargetBase {
    static final String CI_USER = "arn:aws:iam::111111111111:user/airlock-ci";
    /** ECR takes layer parts of 5 to 10 MiB (the last may be smaller). */
    private static final int LAYER_PART = 10 * 1024 * 1024;
    private static final List<AccountId> ENVIRONMENTS = List.of(DEV, STAGING, PROD);

    final AwsWorld world;
    /** How the factory reads Organizations: the in-memory organization, unless a test replaces it. */
    volatile java.util.function.Function<AwsCredentialsProvider, OrganizationsReader> organizations;
    final AwsClientFactory factory;
    final LayerDownloads layers;

    FakeAws() {
        this(Clock.systemUTC());
    }

    FakeAws(Clock clock) {
        this(AwsWorld.builder()
                .clock(clock)
                .region(software.amazon.awssdk.regions.Region.of(REGION.value()))
                .account(TOOLING.value(), SECURITY.value(), DEV.value(), STAGING.value(), PROD.value())
                .user(CI_USER)
                .role(IamRole.of(HUB.toString(), TrustPolicy.builder().trust(CI_USER).allowSourceIdentity()
                        .allowSessionTags().build()))
                .role(deployRole(DEV, DEV_EXTERNAL_ID))
                .role(deployRole(STAGING, null))
                .role(deployRole(PROD, PROD_EXTERNAL_ID))
                .build());
    }

    /** Airlock's recorded clients on {@code world}, which must hold this landscape's accounts and {@link #CI_USER}. */
    FakeAws(AwsWorld world) {
        this.world = world;
        layers = new LayerDownloads(world);
        organizations = credentials -> new FakeOrganizationsReader(world.organizations(credentials));
        factory = new AwsClientFactory() {
            @Override
            public StsClient sts(AwsCredentialsProvider credentials, Region region) {
                return RecordingClients.wrap(StsClient.class, world.sts(credentials, sdk(region)), credentials, "STS",
                        recorder, faults, answer -> answer);
            }

            @Override
            public S3Client s3(AwsCredentialsProvider credentials, Region region) {
                return RecordingClients.wrap(S3Client.class, world.s3(credentials, sdk(region)), credentials, "S3",
                        recorder, faults, answer -> answer);
            }

            @Override
            public KmsClient kms(AwsCredentialsProvider credentials, Region region) {
                return RecordingClients.wrap(KmsClient.class, world.kms(credentials, sdk(region)), credentials, "KMS",
                        recorder, faults, answer -> answer);
            }

            @Override
            public IamClient iam(AwsCredentialsProvider credentials, Region region) {
                return world.iam(credentials);
            }

            @Override
            public OrganizationsReader organizations(AwsCredentialsProvider credentials) {
                return organizations.apply(credentials);
            }

            @Override
            public EcrClient ecr(AwsCredentialsProvider credentials, Region region) {
                return RecordingClients.wrap(EcrClient.class, world.ecr(credentials, sdk(region)), credentials, "ECR",
                        recorder, faults, answer -> answer instanceof GetDownloadUrlForLayerResponse download
                                ? download.toBuilder().downloadUrl(layers.url(download.downloadUrl())).build()
                                : answer);
            }
        };
    }

    static String deployRole(AccountId account) {
        return "arn:aws:iam::" + account.value() + ":role/airlock-deploy";
    }

    private static IamRole deployRole(AccountId account, String externalId) {
        TrustPolicy.Builder trust = TrustPolicy.builder().trust(HUB.toString()).allowSourceIdentity().allowSessionTags();
        if (externalId != null) {
            trust.externalId(externalId);
        }
        return IamRole.of(deployRole(account), trust.build());
    }

    private static software.amazon.awssdk.regions.Region sdk(Region region) {
        return software.amazon.awssdk.regions.Region.of(region.value());
    }

    /**
     * The settings of {@link MotoAws#configuration()}, except that verification pulls images as the environment:
     * the in-memory ECR checks cross-account pulls against the repository policy, as AWS does.
     */
    @Override
    public AwsConfiguration.Builder configuration() {
        return AwsTarget.commonConfiguration().ecr(ecr -> ecr.verifyPullAsEnvironment(true));
    }

    @Override
    public AwsCredentialsProvider base() {
        return world.credentials(CI_USER);
    }

    @Override
    public FakeAws withStorage() {
        bucket(TOOLING, ORIGIN_BUCKET, false);
        bucket(SECURITY, LEDGER_BUCKET, false);
        bucket(DEV, "airlock-dev", false);
        bucket(STAGING, "airlock-staging", false);
        bucket(PROD, "airlock-prod", true);
        String deployRoles = ENVIRONMENTS.stream().map(a -> "\"" + deployRole(a) + "\"").collect(Collectors.joining(","));
        policy(TOOLING, ORIGIN_BUCKET, "[" + deployRoles + "]", "\"s3:GetObject\",\"s3:GetObjectVersion\"",
                "\"s3:ListBucket\"");
        policy(SECURITY, LEDGER_BUCKET, "\"" + CI_USER + "\"", "\"s3:GetObject\",\"s3:PutObject\"",
                "\"s3:ListBucket\",\"s3:GetBucketVersioning\",\"s3:GetBucketObjectLockConfiguration\"");
        repository(TOOLING, ORIGIN_REPOSITORY, true);
        String accounts = ENVIRONMENTS.stream().map(a -> "\"arn:aws:iam::" + a.value() + ":root\"")
                .collect(Collectors.joining(","));
        try (EcrClient ecr = ecr(TOOLING)) {
            ecr.setRepositoryPolicy(p -> p.repositoryName(ORIGIN_REPOSITORY).policyText("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Sid\":\"environments-pull\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":["
                    + accounts + "]},\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\","
                    + "\"ecr:BatchCheckLayerAvailability\",\"ecr:DescribeImages\"]}]}"));
        }
        return this;
    }

    void bucket(AccountId account, String name, boolean objectLock) {
        try (S3Client s3 = s3(account)) {
            s3.createBucket(r -> r.bucket(name).objectLockEnabledForBucket(objectLock));
        }
    }

    /** Grants {@code principals} the object and bucket actions on {@code bucket}. */
    private void policy(AccountId owner, String bucket, String principals, String objectActions, String bucketActions) {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + statement(principals, objectActions, "arn:aws:s3:::" + bucket + "/*") + ","
                + statement(principals, bucketActions, "arn:aws:s3:::" + bucket) + "]}";
        try (S3Client s3 = s3(owner)) {
            s3.putBucketPolicy(p -> p.bucket(bucket).policy(json));
        }
    }

    private static String statement(String principals, String actions, String resource) {
        return Stream.of("\"Effect\":\"Allow\"", "\"Principal\":{\"AWS\":" + principals + "}",
                "\"Action\":[" + actions + "]", "\"Resource\":\"" + resource + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public void pushBlobs(AccountId account, String repository, byte[]... blobs) {
        try (EcrClient ecr = ecr(account)) {
            for (byte[] blob : blobs) {
                String digest = Digest.of(blob).value();
                if (!ecr.batchCheckLayerAvailability(b -> b.repositoryName(repository).layerDigests(digest)).failures()
                        .isEmpty()) {
                    String upload = ecr.initiateLayerUpload(i -> i.repositoryName(repository)).uploadId();
                    for (int first = 0; first < blob.length; first += LAYER_PART) {
                        int start = first;
                        int end = Math.min(blob.length, first + LAYER_PART);
                        ecr.uploadLayerPart(u -> u.repositoryName(repository).uploadId(upload).partFirstByte((long) start)
                                .partLastByte((long) end - 1).layerPartBlob(SdkBytes.fromByteArray(
                                        Arrays.copyOfRange(blob, start, end))));
                    }
                    ecr.completeLayerUpload(c -> c.repositoryName(repository).uploadId(upload).layerDigests(digest));
                }
            }
        }
    }

    @Override
    public StsClient sts(AwsCredentialsProvider credentials) {
        return world.sts(credentials);
    }

    /** A setup client acting as {@code account}'s root user, not recorded. */
    @Override
    public S3Client s3(AccountId account) {
        return world.s3(world.credentials(account.value()));
    }

    @Override
    public KmsClient kms(AccountId account, Region region) {
        return world.kms(world.credentials(account.value()), sdk(region));
    }

    @Override
    public EcrClient ecr(AccountId account) {
        return world.ecr(world.credentials(account.value()));
    }

    @Override
    AwsClientFactory clients() {
        return factory;
    }

    @Override
    public void close() {
        super.close();
        layers.close();
    }
}
