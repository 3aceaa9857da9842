package dev.airlock.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.aws.AwsClientFactory;
import dev.airlock.config.AirlockConfiguration;
import dev.airlock.config.KeyringWriter;
import dev.airlock.testkit.moto.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A real Maven build of a sample project on the aws backend against moto, configured by the shipped
 * examples/config/airlock-aws.yaml (only its endpoint changed): the CI role's job registers, a person's job
 * promotes into dev. Uses the plugin the invoker's {@code install} put in target/it-repo, and the outer repository for the rest.
 */
class AwsBackedBuildIT {
    static final Path BASEDIR = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Region REGION = Region.EU_CENTRAL_1;

    @TempDir
    Path dir;

    final MotoServer moto = MotoServer.shared();
    final AwsClientFactory clients = AwsClientFactory.builder().endpointOverride(moto.endpoint()).pathStyle(true)
            .checksumsWhenRequired(true).build();

    @Test
    void ciRegisters_andAPersonPromotesIntoDev_onAws() throws Exception {
        moto.reset();
        for (String[] bucket : new String[][] {{"111111111111", "acme-airlock-origin"},
                {"999999999999", "acme-airlock-ledger"}, {"222222222222", "acme-airlock-dev"},
                {"333333333333", "acme-airlock-staging"}, {"444444444444", "acme-airlock-prod"}}) {
            try (S3Client s3 = clients.s3(provider(credentials(bucket[0], "setup", "it")),
                    dev.airlock.environment.Region.of(REGION.id()))) {
                s3.createBucket(r -> r.bucket(bucket[1])
                        .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1)));
            }
        }
        Path project = dir.resolve("aws-build");
        Files.createDirectories(project);
        for (String file : List.of("pom.xml", "payments-api.bin")) {
            Files.copy(BASEDIR.resolve("src/test/aws-build").resolve(file), project.resolve(file));
        }
        Files.writeString(project.resolve("airlock.yaml"), Files.readString(BASEDIR.resolve(
                "../examples/config/airlock-aws.yaml")).replace("http://127.0.0.1:5000", moto.endpoint().toString()));
        // The builder signs its provenance with its own key, as `airlock keys create` makes them.
        KeyringWriter.createLocalKeys(AirlockConfiguration.load(project.resolve("airlock.yaml")), KeyAlgorithm.ED25519);

        Map<String, String> ci = env(credentials("111111111111", "airlock-ci", "gha-run-4711"));
        ci.putAll(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "acme/payments", "GITHUB_SHA", "9f1c2e7",
                "GITHUB_RUN_ID", "4711"));
        String registered = mvn(project, ci, "package");
        assertTrue(registered.contains("builder ci@tooling)"), registered);
        String digest = Files.readString(project.resolve("target/airlock.digest")).strip();

        String promoted = mvn(project, env(credentials("111111111111", "AWSReservedSSO_Engineers_0a1b2c3d4e5f6a7b",
                "alice")), "airlock:promote", "-Dairlock.to=dev");
        assertTrue(promoted.contains("airlock: PROMOTED " + digest.substring(0, 19) + " into dev"), promoted);
        try (S3Client s3 = clients.s3(provider(credentials("222222222222", "setup", "it")),
                dev.airlock.environment.Region.of(REGION.id()))) {
            assertEquals(1, s3.listObjectsV2(r -> r.bucket("acme-airlock-dev")).keyCount(), "the bytes are in dev's bucket");
        }
    }

    /** Runs Maven offline on the invoker's repository; the build must succeed. */
    private String mvn(Path project, Map<String, String> env, String... goals) throws IOException, InterruptedException {
        // Everything resolves from the outer build's repository (a mirror of *), so nothing goes online.
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>outer</id><mirrorOf>*</mirrorOf><url>"
                + Path.of(System.getProperty("outer.repository")).toUri() + "</url></mirror></mirrors></settings>");
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-s", settings.toString(), "-Dmaven.repo.local="
                + BASEDIR.resolve("target/it-repo"), "-Dairlock-plugin.version=" + System.getProperty("plugin.version")));
        command.addAll(List.of(goals));
        Path log = dir.resolve("build-" + goals[0].replace(':', '-') + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " did not finish in 5 minutes");
        }
        String out = Files.readString(log);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private Credentials credentials(String account, String role, String session) {
        try (StsClient sts = clients.sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "moto-ignores-this")),
                dev.airlock.environment.Region.of(REGION.id()))) {
            return sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/" + role)
                    .roleSessionName(session).durationSeconds(3600)).credentials();
        }
    }

    private static StaticCredentialsProvider provider(Credentials c) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken()));
    }

    /** Only these credentials, none of this machine's AWS configuration, and no CI variables of the outer build. */
    private static Map<String, String> env(Credentials c) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", c.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", c.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", c.sessionToken());
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        for (String name : List.of("GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL")) {
            env.put(name, "");
        }
        return env;
    }
}
