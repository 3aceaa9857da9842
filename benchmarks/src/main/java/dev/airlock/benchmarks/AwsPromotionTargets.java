package dev.airlock.benchmarks;

import dev.airlock.aws.AwsBackend;
import dev.airlock.aws.AwsClientFactory;
import dev.airlock.aws.AwsConfiguration;
import dev.airlock.aws.EnvironmentConfiguration;
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
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The landscapes the AWS benchmarks promote through, built on the testkit's in-memory AWS or on moto_server:
 * tooling 111111111111 (base credentials, hub role, origin bucket), security 999999999999 (ledger bucket), and
 * one account, bucket ({@code airlock-<name>}) and deploy role per environment — dev 222222222222, staging
 * 333333333333, prod 444444444444 by default. On the fake the trust and bucket policies are those AWS would
 * need; moto checks neither.
 */
final class AwsPromotionTargets {
    static final String CI_USER = "arn:aws:iam::111111111111:user/airlock-ci";
    static final RoleArn HUB = RoleArn.parse("arn:aws:iam::111111111111:role/airlock-hub");
    static final Region REGION = Region.of("eu-central-1");
    static final String LEDGER_BUCKET = "airlock-ledger";

    private AwsPromotionTargets() {
    }

    /** dev → staging → prod. */
    static Landscape landscape() {
        Landscape.Builder builder = Landscape.builder().tooling("111111111111").security("999999999999");
        List<String> names = List.of("dev", "staging", "prod");
        List<String> accounts = List.of("222222222222", "333333333333", "444444444444");
        Tier[] tiers = {Tier.DEVELOPMENT, Tier.STAGING, Tier.PRODUCTION};
        for (int i = 0; i < names.size(); i++) {
            builder.environment(Environment.builder(names.get(i)).account(accounts.get(i)).regions(REGION.value())
                    .tier(tiers[i]).build());
        }
        return builder.chain("dev", "staging", "prod").build();
    }

    /** {@code n} independent environments {@code env-01}, {@code env-02}, ..., each an entry of the pipeline. */
    static Landscape independent(int n) {
        Landscape.Builder builder = Landscape.builder().tooling("111111111111").security("999999999999");
        for (int i = 1; i <= n; i++) {
            String name = String.format("env-%02d", i);
            builder.environment(Environment.builder(name).account(String.format("2%011d", i)).regions(REGION.value())
                    .build()).entry(name);
        }
        return builder.build();
    }

    /** The configuration of {@link #landscape()}. */
    static AwsConfiguration.Builder configuration() {
        return configuration(landscape());
    }

    static AwsConfiguration.Builder configuration(Landscape landscape) {
        AwsConfiguration.Builder configuration = AwsConfiguration.builder().region(REGION)
                .roleChain(chain -> chain.hubRole(HUB)).s3(s3 -> s3.originBucket("airlock-origin"))
                .ledger(ledger -> ledger.bucket(LEDGER_BUCKET));
        landscape.environments().forEach(e -> configuration.environment(e.name(), EnvironmentConfiguration.builder()
                .bucket("airlock-" + e.name()).externalId(e.name() + "-ext").build()));
        return configuration;
    }

    /** A backend on a fresh in-memory AWS; {@code world} receives the world, e.g. to clear its record of calls. */
    static AwsBackend fakes(Landscape landscape, java.util.function.Consumer<AwsWorld> world) {
        AwsWorld aws = world(landscape);
        world.accept(aws);
        return backend(aws, landscape);
    }

    /** A fresh in-memory AWS with the landscape's accounts, roles, buckets and policies. */
    static AwsWorld world(Landscape landscape) {
        AwsWorld.Builder builder = AwsWorld.builder().region(software.amazon.awssdk.regions.Region.of(REGION.value()))
                .account("111111111111", "999999999999").user(CI_USER)
                .role(IamRole.of(HUB.toString(), TrustPolicy.builder().trust(CI_USER).allowSourceIdentity()
                        .allowSessionTags().build()));
        for (Environment e : landscape.environments()) {
            builder.account(e.account().value()).role(IamRole.of(deployRole(e.account().value()), TrustPolicy.builder()
                    .trust(HUB.toString()).externalId(e.name() + "-ext").allowSourceIdentity().allowSessionTags().build()));
        }
        AwsWorld aws = builder.build();
        storage(landscape, account -> aws.s3(aws.credentials(account)), true);
        return aws;
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
        if (target.equals("moto")) {
            MotoServer server = MotoServer.shared();
            server.reset();
            AwsClientFactory setup = AwsClientFactory.builder().emulator(server.endpoint()).build();
            storage(landscape, account -> setup.s3(motoCredentials(setup, account), REGION), false);
            AwsBackend backend = AwsBackend.builder().configuration(configuration.build()).landscape(landscape)
                    .clientFactory(clients.apply(AwsClientFactory.builder().emulator(server.endpoint()).build()))
                    .baseCredentials(motoCredentials(setup, "111111111111")).clock(Clock.systemUTC()).build();
            return new Target(backend, account -> setup.s3(motoCredentials(setup, account), REGION));
        }
        AwsWorld aws = world(landscape);
        AwsBackend backend = AwsBackend.builder().configuration(configuration.build()).landscape(landscape)
                .clientFactory(clients.apply(clients(aws))).baseCredentials(aws.credentials(CI_USER))
                .clock(Clock.systemUTC()).build();
        return new Target(backend, account -> aws.s3(aws.credentials(account)));
    }

    /** A backend of its own (clients, credential and ledger caches, as in a new process) on {@code aws}. */
    static AwsBackend backend(AwsWorld aws, Landscape landscape) {
        return AwsBackend.builder().configuration(configuration(landscape).build()).landscape(landscape)
                .clientFactory(clients(aws)).baseCredentials(aws.credentials(CI_USER)).clock(Clock.systemUTC()).build();
    }

    /** Clients of the in-memory AWS, acting as whoever the credentials say. */
    private static AwsClientFactory clients(AwsWorld aws) {
        return new AwsClientFactory() {
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
    }

    /** A backend on the shared moto_server, reset first. */
    static AwsBackend moto(Landscape landscape) {
        MotoServer.shared().reset();
        return moto(landscape, true);
    }

    /**
     * A backend of its own on the shared moto_server as it is, its clients sending every request through
     * {@code interceptors}; {@code storage} creates the buckets first.
     */
    static AwsBackend moto(Landscape landscape, boolean storage, ExecutionInterceptor... interceptors) {
        MotoServer server = MotoServer.shared();
        AwsClientFactory setup = AwsClientFactory.builder().endpointOverride(server.endpoint()).pathStyle(true)
                .checksumsWhenRequired(true).build();
        if (storage) {
            storage(landscape, account -> setup.s3(motoCredentials(setup, account), REGION), false);
        }
        AwsClientFactory.Builder clients = AwsClientFactory.builder().emulator(server.endpoint());
        for (ExecutionInterceptor interceptor : interceptors) {
            clients.addInterceptor(interceptor);
        }
        return AwsBackend.builder().configuration(configuration(landscape).build()).landscape(landscape)
                .clientFactory(clients.build()).baseCredentials(motoCredentials(setup, "111111111111"))
                .clock(Clock.systemUTC()).build();
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

    private static void storage(Landscape landscape, Function<String, S3Client> s3, boolean policies) {
        bucket(s3.apply("111111111111"), "airlock-origin");
        bucket(s3.apply("999999999999"), LEDGER_BUCKET);
        for (Environment e : landscape.environments()) {
            bucket(s3.apply(e.account().value()), "airlock-" + e.name());
        }
        if (policies) {
            String roles = String.join(",", landscape.environments().stream()
                    .map(e -> "\"" + deployRole(e.account().value()) + "\"").toList());
            policy(s3.apply("111111111111"), "airlock-origin", "[" + roles + "]",
                    "\"s3:GetObject\",\"s3:GetObjectVersion\"");
            policy(s3.apply("999999999999"), LEDGER_BUCKET, "\"" + CI_USER + "\"", "\"s3:GetObject\",\"s3:PutObject\"");
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
