package dev.airlock.cli;

import dev.airlock.aws.AwsClientFactory;
import dev.airlock.environment.Region;
import dev.airlock.testkit.moto.MotoServer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Accounts on the shared moto server, freshly reset: credentials acting in an account come from an
 * AssumeRole into a role of that account (moto maps the session to the role's account), made here
 * and not by Airlock. A missing moto fails with the install hint; it is never skipped.
 */
final class MotoAccounts {
    static final Region REGION = Region.of("eu-central-1");

    final MotoServer server = MotoServer.shared();
    private final AwsClientFactory clients;

    MotoAccounts() {
        server.reset();
        clients = AwsClientFactory.builder().endpointOverride(server.endpoint()).pathStyle(true)
                .checksumsWhenRequired(true).build();
    }

    URI endpoint() {
        return server.endpoint();
    }

    /** Temporary credentials of a role named {@code role} in {@code account}. */
    Credentials credentials(String account, String role) {
        try (StsClient sts = clients.sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "moto-ignores-this")), REGION)) {
            return sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/" + role)
                    .roleSessionName("it-setup").durationSeconds(3600)).credentials();
        }
    }

    AwsCredentialsProvider provider(Credentials c) {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken()));
    }

    /** Creates a bucket owned by {@code account}. */
    void bucket(String account, String name) {
        try (S3Client s3 = clients.s3(provider(credentials(account, "setup")), REGION)) {
            s3.createBucket(r -> r.bucket(name)
                    .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_CENTRAL_1)));
        }
    }

    /** Creates an ECR repository with immutable tags in {@code account}. */
    void repository(String account, String name) {
        try (EcrClient ecr = clients.ecr(provider(credentials(account, "setup")), REGION)) {
            ecr.createRepository(r -> r.repositoryName(name).imageTagMutability(ImageTagMutability.IMMUTABLE));
        }
    }

    /**
     * The environment of a process that should act with {@code c} through the SDK's default
     * credentials chain, and nothing else from this machine's AWS configuration.
     */
    static Map<String, String> environment(Credentials c) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_ACCESS_KEY_ID", c.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", c.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", c.sessionToken());
        env.put("AWS_CONFIG_FILE", "/dev/null");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        return env;
    }
}
