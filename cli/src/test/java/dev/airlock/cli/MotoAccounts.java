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

    /** The IAM Identity Center role people sign in to the tooling account with, in these tests. */
    static final String SSO_ROLE = "AWSReservedSSO_Engineers_0a1b2c3d4e5f6a7b";
    /** The CI pipeline's role in the tooling account, mapped to ci@tooling by the sample configuration. */
    static final String CI_ROLE = "airlock-ci";

    /** Temporary credentials of a role named {@code role} in {@code account}. */
    Credentials credentials(String account, String role) {
        return credentials(account, role, "it-setup");
    }

    /** Temporary credentials of a role named {@code role} in {@code account}, in a session named {@code session}. */
    Credentials credentials(String account, String role, String session) {
        try (StsClient sts = clients.sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "moto-ignores-this")), REGION)) {
            return sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/" + role)
                    .roleSessionName(session).durationSeconds(3600)).credentials();
        }
    }

    /**
     * The tooling account credentials of {@code principal} as the sample configuration maps them: the CI
     * role for {@code ci@tooling}, an IAM Identity Center session named by the person for everyone else.
     */
    Credentials signedIn(String principal) {
        return "ci@tooling".equals(principal) ? credentials("111111111111", CI_ROLE, "gha-run-4711")
                : credentials("111111111111", SSO_ROLE, principal);
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
