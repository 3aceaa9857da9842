package dev.airlock.aws.policy;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.AwsClientFactory;
import dev.airlock.aws.AwsConfiguration;
import dev.airlock.aws.internal.policy.Documents;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Landscape;
import dev.airlock.environment.Region;
import dev.airlock.environment.RoleArn;
import dev.airlock.spi.SetupFinding;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code airlock doctor}: reads, and never changes, the live accounts through the read-only inspector role
 * in each, and says where they differ from what {@link AwsPolicies} generates: roles and their trust and
 * inline policies, bucket and repository policies, versioning and Object Lock on the ledger bucket, tag
 * immutability of the repositories. Each finding names the account, the resource, the problem and the fix.
 *
 * <p>Not checked: SCP attachments (Organizations has no SDK module this build can use; check with
 * {@code aws organizations list-policies-for-target}), the managed policies (they are attached to roles
 * Airlock does not know), and KMS key policies (no signing keys in KMS are configured yet).
 */
public final class AwsDoctor {
    private final AwsPolicies expected;
    private final AwsConfiguration configuration;
    private final Landscape landscape;
    private final AwsClientFactory clients;
    private final AwsCredentialsProvider base;
    private final String inspectorRole;

    private AwsDoctor(AwsPolicies expected, AwsConfiguration configuration, Landscape landscape,
            AwsClientFactory clients, AwsCredentialsProvider base, String inspectorRole) {
        this.expected = expected;
        this.configuration = configuration;
        this.landscape = landscape;
        this.clients = clients;
        this.base = base;
        this.inspectorRole = inspectorRole;
    }

    /**
     * A doctor comparing the accounts with {@code expected}, reading them from {@code base} (tooling
     * credentials) through the role named {@code inspectorRole} in each account.
     */
    public static AwsDoctor of(AwsPolicies expected, AwsConfiguration configuration, Landscape landscape,
            AwsClientFactory clients, AwsCredentialsProvider base, String inspectorRole) {
        return new AwsDoctor(InvalidValueException.requireNonNull("expected", expected),
                InvalidValueException.requireNonNull("configuration", configuration),
                InvalidValueException.requireNonNull("landscape", landscape),
                InvalidValueException.requireNonNull("clients", clients),
                InvalidValueException.requireNonNull("base", base),
                InvalidValueException.requireNonNull("inspectorRole", inspectorRole));
    }

    /** Every difference found, in the order of the generated documents; empty when the setup is right. */
    public List<SetupFinding> check() {
        Map<AccountId, List<GeneratedPolicy>> byAccount = new LinkedHashMap<>();
        expected.documents().forEach(d -> byAccount.computeIfAbsent(d.account(), a -> new ArrayList<>()).add(d));
        List<SetupFinding> findings = new ArrayList<>();
        for (Map.Entry<AccountId, List<GeneratedPolicy>> account : byAccount.entrySet()) {
            String role = "arn:" + partition() + ":iam::" + account.getKey().value() + ":role/" + inspectorRole;
            AwsCredentialsProvider session;
            try {
                session = inspect(role);
            } catch (AwsServiceException e) {
                findings.add(new SetupFinding(account.getKey().value(), role, "cannot assume the inspector role: "
                        + e.awsErrorDetails().errorMessage(), "create it from "
                        + fileOf(account.getValue(), "inspector-role-trust") + " and "
                        + fileOf(account.getValue(), "inspector-role-permissions")));
                continue;
            }
            new AccountCheck(account.getKey(), account.getValue(), session, findings).run();
        }
        return findings;
    }

    private String partition() {
        return landscape.environments().isEmpty() ? "aws" : landscape.environments().get(0).deployRole().partition();
    }

    private AwsCredentialsProvider inspect(String role) {
        try (StsClient sts = clients.sts(base, configuration.region())) {
            Credentials c = sts.assumeRole(r -> r.roleArn(role).roleSessionName("airlock-doctor").durationSeconds(900))
                    .credentials();
            return StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(),
                    c.sessionToken()));
        }
    }

    private static String fileOf(List<GeneratedPolicy> documents, String purpose) {
        return documents.stream().filter(d -> d.purpose().equals(purpose)).map(GeneratedPolicy::fileName).findFirst()
                .orElse(purpose);
    }

    /** The checks of one account, with its inspector session. */
    private final class AccountCheck {
        private final AccountId account;
        private final List<GeneratedPolicy> documents;
        private final AwsCredentialsProvider session;
        private final List<SetupFinding> findings;

        AccountCheck(AccountId account, List<GeneratedPolicy> documents, AwsCredentialsProvider session,
                List<SetupFinding> findings) {
            this.account = account;
            this.documents = documents;
            this.session = session;
            this.findings = findings;
        }

        void run() {
            for (GeneratedPolicy document : documents) {
                switch (document.kind()) {
                    case TRUST -> withIam(iam -> compare(document, () -> iam.getRole(r -> r.roleName(
                            RoleArn.parse(document.target()).name())).role().assumeRolePolicyDocument(), "the role"));
                    case INLINE -> withIam(iam -> compare(document, () -> iam.getRolePolicy(r -> r.roleName(
                            RoleArn.parse(document.target()).name()).policyName("airlock")).policyDocument(),
                            "its inline policy 'airlock'"));
                    case BUCKET -> bucket(document);
                    case REPOSITORY -> repository(document);
                    default -> {
                        // SCPs, managed and key policies are not read: see the class comment.
                    }
                }
            }
        }

        private void withIam(Function<IamClient, @Nullable Void> check) {
            try (IamClient iam = clients.iam(session, configuration.region())) {
                check.apply(iam);
            }
        }

        private @Nullable Void compare(GeneratedPolicy document, Supplier<String> read, String what) {
            String live;
            try {
                live = URLDecoder.decode(read.get(), StandardCharsets.UTF_8);
            } catch (AwsServiceException e) {
                if (e.statusCode() == 404) {
                    find(document, what + " is missing", fix(document));
                } else {
                    find(document, "cannot read " + what + ": " + e.awsErrorDetails().errorMessage(),
                            "allow the inspector role to read it (" + fileOf(documents, "inspector-role-permissions") + ")");
                }
                return null;
            }
            String difference = Documents.difference(document.document(), live);
            if (difference != null) {
                find(document, document.kind().description() + " differs from " + document.fileName() + ": "
                        + difference, fix(document));
            }
            return null;
        }

        private void bucket(GeneratedPolicy document) {
            Region region = regionOf(document);
            try (S3Client s3 = clients.s3(session, region)) {
                String bucket = document.target();
                compare(document, () -> s3.getBucketPolicy(r -> r.bucket(bucket).expectedBucketOwner(account.value()))
                        .policy(), "the bucket policy");
                if (bucket.equals(configuration.ledger().bucket())) {
                    ledger(s3, document, bucket);
                }
            } catch (AwsServiceException e) {
                find(document, "cannot read the bucket: " + e.awsErrorDetails().errorMessage(),
                        "create the bucket, then " + fix(document));
            }
        }

        private void ledger(S3Client s3, GeneratedPolicy document, String bucket) {
            String versioning = s3.getBucketVersioning(r -> r.bucket(bucket).expectedBucketOwner(account.value()))
                    .statusAsString();
            if (!"Enabled".equals(versioning)) {
                find(document, "versioning of the ledger bucket is " + (versioning == null ? "off" : versioning),
                        "aws s3api put-bucket-versioning --bucket " + bucket + " --versioning-configuration Status=Enabled");
            }
            String lock;
            try {
                lock = s3.getObjectLockConfiguration(r -> r.bucket(bucket).expectedBucketOwner(account.value()))
                        .objectLockConfiguration().objectLockEnabledAsString();
            } catch (AwsServiceException e) {
                lock = null;
            }
            if (!"Enabled".equals(lock)) {
                find(document, "Object Lock is not enabled on the ledger bucket, so entries can be deleted by whoever "
                        + "can change the bucket policy", "create the ledger bucket with --object-lock-enabled-for-bucket "
                        + "and a default retention in COMPLIANCE mode, and move the ledger into it");
            }
        }

        private void repository(GeneratedPolicy document) {
            String arn = document.target();
            String name = arn.substring(arn.indexOf(":repository/") + ":repository/".length());
            try (EcrClient ecr = clients.ecr(session, regionOf(document))) {
                compare(document, () -> ecr.getRepositoryPolicy(r -> r.registryId(account.value()).repositoryName(name))
                        .policyText(), "the repository policy");
                ImageTagMutability mutability = ecr.describeRepositories(r -> r.registryId(account.value())
                        .repositoryNames(name)).repositories().get(0).imageTagMutability();
                if (mutability != ImageTagMutability.IMMUTABLE) {
                    find(document, "image tags of the repository are " + mutability + ": a pushed tag could be "
                            + "moved to other bytes", "aws ecr put-image-tag-mutability --repository-name " + name
                            + " --image-tag-mutability IMMUTABLE");
                }
            } catch (AwsServiceException e) {
                find(document, "cannot read the repository: " + e.awsErrorDetails().errorMessage(),
                        "create it with --image-tag-mutability IMMUTABLE, then " + fix(document));
            }
        }

        private Region regionOf(GeneratedPolicy document) {
            if (document.target().startsWith("arn:")) {
                return Region.of(document.target().split(":")[3]);
            }
            return landscape.environments().stream().filter(e -> e.name().equals(document.owner())).findFirst()
                    .map(e -> configuration.environment(e.name()).region() != null
                            ? configuration.environment(e.name()).region() : e.regions().get(0))
                    .orElse(configuration.region());
        }

        private void find(GeneratedPolicy document, String problem, String fix) {
            findings.add(new SetupFinding(account.value(), document.target(), problem, fix));
        }

        private String fix(GeneratedPolicy document) {
            return document.apply().replace("file://FILE", "file://" + document.fileName());
        }
    }
}
