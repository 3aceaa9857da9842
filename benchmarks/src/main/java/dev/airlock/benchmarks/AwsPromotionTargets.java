package dev.airlock.benchmarks;

import dev.airlock.aws.AwsBackend;
import dev.airlock.aws.AwsClientFactory;
import dev.airlock.aws.AwsConfiguration;
import dev.airlock.aws.EnvironmentConfiguration;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Region;
import dev.airlock.environment.RoleArn;
import dev.airlock.environment.Tier;
import dev.airlock.testkit.aws.AwsWorld;
import dev.airlock.testkit.aws.IamRole;
import dev.airlock.testkit.aws.TrustPolicy;
import dev.airlock.testkit.moto.MotoServer;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The landscape the AWS benchmark promotes through, built on the testkit's in-memory AWS or on moto_server:
 * tooling 111111111111 (base credentials, hub role, origin bucket), security 999999999999 (ledger bucket),
 * dev 222222222222, staging 333333333333, prod 444444444444 (one bucket each). On the fake the trust and
 * bucket policies are those AWS would need; moto checks neither.
 */
final class AwsPromotionTargets {
    static final String CI_USER = "arn:aws:iam::111111111111:user/airlock-ci";
    static final RoleArn HUB = RoleArn.parse("arn:aws:iam::111111111111:role/airlock-hub");
    static final Region REGION = Region.of("eu-central-1");
    private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    private static final List<String> ACCOUNTS = List.of("222222222222", "333333333333", "444444444444");

    private AwsPromotionTargets() {
    }

    static Landscape landscape() {
        Landscape.Builder builder = Landscape.builder().tooling("111111111111").security("999999999999");
        Tier[] tiers = {Tier.DEVELOPMENT, Tier.STAGING, Tier.PRODUCTION};
        for (int i = 0; i < ENVIRONMENTS.size(); i++) {
            builder.environment(Environment.builder(ENVIRONMENTS.get(i)).account(ACCOUNTS.get(i))
                    .regions(REGION.value()).tier(tiers[i]).build());
        }
        return builder.chain("dev", "staging", "prod").build();
    }

    static AwsConfiguration.Builder configuration() {
        AwsConfiguration.Builder configuration = AwsConfiguration.builder().region(REGION)
                .roleChain(chain -> chain.hubRole(HUB)).s3(s3 -> s3.originBucket("airlock-origin"))
                .ledger(ledger -> ledger.bucket("airlock-ledger"));
        ENVIRONMENTS.forEach(name -> configuration.environment(name, EnvironmentConfiguration.builder()
                .bucket("airlock-" + name).externalId(name + "-ext").build()));
        return configuration;
    }

    /** A backend on a fresh in-memory AWS; {@code world} receives the world, e.g. to clear its record of calls. */
    static AwsBackend fakes(Landscape landscape, java.util.function.Consumer<AwsWorld> world) {
        return fakes(landscape, world, configuration(), clients -> clients).backend();
    }

    /** A backend on the shared moto_server, reset first. */
    static AwsBackend moto(Landscape landscape) {
        return moto(landscape, configuration(), clients -> clients).backend();
    }

    /**
     * A backend and, for set-up and clean-up behind its back, a client acting in each account.
     *
     * @param admin an S3 client acting as the given account, not passed through the backend's client wrapper
     */
    record Target(AwsBackend backend, Function<String, S3Client> admin) {
    }

    /** {@code "fakes"} or {@code "moto"} with {@code configuration} and the backend's clients wrapped by {@code clients}. */
    static Target open(String target, Landscape landscape, AwsConfiguration.Builder configuration,
            UnaryOperator<AwsClientFactory> clients) {
        return target.equals("moto") ? moto(landscape, configuration, clients)
                : fakes(landscape, aws -> { }, configuration, clients);
    }

    private static Target fakes(Landscape landscape, java.util.function.Consumer<AwsWorld> world,
            AwsConfiguration.Builder configuration, UnaryOperator<AwsClientFactory> wrap) {
        AwsWorld.Builder builder = AwsWorld.builder().region(software.amazon.awssdk.regions.Region.of(REGION.value()))
                .account("111111111111", "999999999999").account(ACCOUNTS.toArray(String[]::new))
                .user(CI_USER)
                .role(IamRole.of(HUB.toString(), TrustPolicy.builder().trust(CI_USER).allowSourceIdentity()
                        .allowSessionTags().build()));
        for (int i = 0; i < ENVIRONMENTS.size(); i++) {
            builder.role(IamRole.of(deployRole(ACCOUNTS.get(i)), TrustPolicy.builder().trust(HUB.toString())
                    .externalId(ENVIRONMENTS.get(i) + "-ext").allowSourceIdentity().allowSessionTags().build()));
        }
        AwsWorld aws = builder.build();
        storage(account -> aws.s3(aws.credentials(account)), true);
        world.accept(aws);
        AwsClientFactory clients = new AwsClientFactory() {
            @Override
            public StsClient sts(AwsCredentialsProvider credentials, Region region) {
                return aws.sts(credentials, software.amazon.awssdk.regions.Region.of(region.value()));
            }

            @Override
            public S3Client s3(AwsCredentialsProvider credentials, Region region) {
                return aws.s3(credentials, software.amazon.awssdk.regions.Region.of(region.value()));
            }

            @Override
            public EcrClient ecr(AwsCredentialsProvider credentials, Region region) {
                return aws.ecr(credentials, software.amazon.awssdk.regions.Region.of(region.value()));
            }
        };
        return new Target(AwsBackend.builder().configuration(configuration.build()).landscape(landscape)
                .clientFactory(wrap.apply(clients)).baseCredentials(aws.credentials(CI_USER)).clock(Clock.systemUTC())
                .build(), account -> aws.s3(aws.credentials(account)));
    }

    private static Target moto(Landscape landscape, AwsConfiguration.Builder configuration,
            UnaryOperator<AwsClientFactory> wrap) {
        MotoServer server = MotoServer.shared();
        server.reset();
        AwsClientFactory setup = AwsClientFactory.builder().endpointOverride(server.endpoint()).pathStyle(true)
                .checksumsWhenRequired(true).build();
        Function<String, S3Client> admin = account -> setup.s3(motoCredentials(setup, account), REGION);
        storage(admin, false);
        return new Target(AwsBackend.builder().configuration(configuration.build()).landscape(landscape)
                .clientFactory(wrap.apply(AwsClientFactory.builder().emulator(server.endpoint()).build()))
                .baseCredentials(motoCredentials(setup, "111111111111")).clock(Clock.systemUTC()).build(), admin);
    }

    /** Credentials acting in {@code account} on moto, from an AssumeRole moto maps to that account. */
    private static AwsCredentialsProvider motoCredentials(AwsClientFactory setup, String account) {
        try (StsClient sts = setup.sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "moto-ignores-this")), REGION)) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/benchmark-setup")
                    .roleSessionName("benchmark-setup").durationSeconds(3600)).credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                    c.sessionToken()));
        }
    }

    private static void storage(Function<String, S3Client> s3, boolean policies) {
        bucket(s3.apply("111111111111"), "airlock-origin");
        bucket(s3.apply("999999999999"), "airlock-ledger");
        for (int i = 0; i < ENVIRONMENTS.size(); i++) {
            bucket(s3.apply(ACCOUNTS.get(i)), "airlock-" + ENVIRONMENTS.get(i));
        }
        if (policies) {
            String roles = String.join(",", ACCOUNTS.stream().map(a -> "\"" + deployRole(a) + "\"").toList());
            policy(s3.apply("111111111111"), "airlock-origin", "[" + roles + "]",
                    "\"s3:GetObject\",\"s3:GetObjectVersion\"");
            policy(s3.apply("999999999999"), "airlock-ledger", "\"" + CI_USER + "\"", "\"s3:GetObject\",\"s3:PutObject\"");
        }
    }

    private static void bucket(S3Client s3, String name) {
        s3.createBucket(b -> b.bucket(name).createBucketConfiguration(c -> c.locationConstraint(REGION.value())));
    }

    private static void policy(S3Client owner, String bucket, String principals, String objectActions) {
        owner.putBucketPolicy(p -> p.bucket(bucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":" + principals + "},\"Action\":[" + objectActions
                + "],\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":" + principals + "},\"Action\":\"s3:ListBucket\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "\"}]}"));
    }

    private static String deployRole(String account) {
        return "arn:aws:iam::" + account + ":role/airlock-deploy";
    }
}
