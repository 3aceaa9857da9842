package dev.airlock.aws;

import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Region;
import dev.airlock.environment.RoleArn;
import dev.airlock.environment.Tier;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A multi-account AWS the aws module's tests run against: moto_server ({@link MotoAws}) or the testkit's
 * in-memory AWS ({@link FakeAws}). Both hold the same landscape: tooling 111111111111 (base credentials,
 * hub role, origin bucket and repository), security 999999999999 (ledger bucket) and dev 222222222222,
 * staging 333333333333 and prod 444444444444 (one bucket each, prod with Object Lock). Airlock's clients
 * record every request and can be made to fail.
 */
interface AwsTarget extends AutoCloseable {
    AccountId TOOLING = AccountId.of("111111111111");
    AccountId SECURITY = AccountId.of("999999999999");
    AccountId DEV = AccountId.of("222222222222");
    AccountId STAGING = AccountId.of("333333333333");
    AccountId PROD = AccountId.of("444444444444");
    Region REGION = Region.of("eu-central-1");
    RoleArn HUB = RoleArn.parse("arn:aws:iam::111111111111:role/airlock-hub");
    String ORIGIN_BUCKET = "airlock-origin";
    String LEDGER_BUCKET = "airlock-ledger";
    String ORIGIN_REPOSITORY = "payments/api";
    /** The external ids dev's and prod's deploy roles require (only the fake checks them). */
    String DEV_EXTERNAL_ID = "dev-ext-id";
    String PROD_EXTERNAL_ID = "prod:ext/id=7";

    /** The landscape both targets hold. */
    static Landscape landscape() {
        return Landscape.builder().tooling(TOOLING.value()).security(SECURITY.value())
                .environment(environment("dev", DEV, Tier.DEVELOPMENT))
                .environment(environment("staging", STAGING, Tier.STAGING))
                .environment(environment("prod", PROD, Tier.PRODUCTION))
                .chain("dev", "staging", "prod")
                .build();
    }

    private static Environment environment(String name, AccountId account, Tier tier) {
        return Environment.builder(name).account(account.value()).regions(REGION.value()).tier(tier).build();
    }

    /** Settings both targets share: hub role, all buckets and repositories, external ids, fast retries. */
    static AwsConfiguration.Builder commonConfiguration() {
        return AwsConfiguration.builder()
                .region(REGION)
                .roleChain(chain -> chain.hubRole(HUB).sessionDuration(Duration.ofMinutes(15))
                        .refreshBefore(Duration.ofMinutes(2)))
                .s3(s3 -> s3.originBucket(ORIGIN_BUCKET))
                .ecr(ecr -> ecr.originRepository(ORIGIN_REPOSITORY))
                .ledger(ledger -> ledger.bucket(LEDGER_BUCKET))
                .environment("dev", EnvironmentConfiguration.builder().bucket("airlock-dev").externalId(DEV_EXTERNAL_ID)
                        .build())
                .environment("staging", EnvironmentConfiguration.builder().bucket("airlock-staging").build())
                .environment("prod", EnvironmentConfiguration.builder().bucket("airlock-prod")
                        .externalId(PROD_EXTERNAL_ID)
                        .build())
                .resilience(ResilienceConfiguration.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20)).minimumCalls(4).slidingWindow(4)
                        .openDuration(Duration.ofSeconds(30)).build());
    }

    /** Every request Airlock's clients sent (setup clients are not recorded). */
    RecordingInterceptor recorder();

    /** Error answers for coming requests of Airlock's clients. */
    FaultInjector faults();

    /** Creates the origin, ledger and environment buckets and the origin repository (immutable tags). */
    AwsTarget withStorage();

    /** Settings for this AWS: hub role, all buckets and repositories, fast retries. */
    AwsConfiguration.Builder configuration();

    AwsBackend backend(AwsConfiguration configuration, Clock clock);

    default AwsBackend backend(AwsConfiguration configuration) {
        return backend(configuration, Clock.systemUTC());
    }

    Environment env(String name);

    /** The tooling account's base credentials, the start of every chain. */
    AwsCredentialsProvider base();

    /** A setup client with these credentials, not recorded. Close it. */
    StsClient sts(AwsCredentialsProvider credentials);

    /** A setup client acting in {@code account}, not recorded. Close it. */
    S3Client s3(AccountId account);

    /** A setup client acting in {@code account}, not recorded. Close it. */
    EcrClient ecr(AccountId account);

    /** A setup client for the KMS keys of {@code account} in {@code region}, not recorded. Close it. */
    KmsClient kms(AccountId account, Region region);

    void repository(AccountId account, String name, boolean immutable);

    /**
     * Makes image blobs available in a repository, as {@code docker push} does before the manifest: through
     * the layer API on the fake, which like ECR refuses manifests whose blobs are missing; not at all on moto,
     * which has no layer API and does not check.
     */
    void pushBlobs(AccountId account, String repository, byte[]... blobs);

    @Override
    void close();
}
