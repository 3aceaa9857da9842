package dev.airlock.aws.policy;

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
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The checks of one account through its inspector session: roles and their inline policies, bucket and
 * repository policies, the ledger bucket's versioning and Object Lock, tag immutability, and the key
 * policies of signing keys. SCPs are checked apart ({@link ScpCheck}): they are read from Organizations.
 */
final class AccountCheck {
    private final AwsClientFactory clients;
    private final AwsConfiguration configuration;
    private final Landscape landscape;
    private final AccountId account;
    private final List<GeneratedPolicy> documents;
    private final AwsCredentialsProvider session;
    private final List<SetupFinding> findings;

    AccountCheck(AwsClientFactory clients, AwsConfiguration configuration, Landscape landscape, AccountId account,
            List<GeneratedPolicy> documents, AwsCredentialsProvider session, List<SetupFinding> findings) {
        this.clients = clients;
        this.configuration = configuration;
        this.landscape = landscape;
        this.account = account;
        this.documents = documents;
        this.session = session;
        this.findings = findings;
    }

    void run() {
        for (GeneratedPolicy document : documents) {
            switch (document.kind()) {
                case TRUST -> {
                    try (IamClient iam = clients.iam(session, configuration.region())) {
                        compare(document, () -> iam.getRole(r -> r.roleName(RoleArn.parse(document.target()).name()))
                                .role().assumeRolePolicyDocument(), "the role", fix(document));
                    }
                }
                case INLINE -> {
                    try (IamClient iam = clients.iam(session, configuration.region())) {
                        compare(document, () -> iam.getRolePolicy(r -> r.roleName(RoleArn.parse(document.target())
                                .name()).policyName("airlock")).policyDocument(), "its inline policy 'airlock'",
                                fix(document));
                    }
                }
                case BUCKET -> bucket(document);
                case REPOSITORY -> repository(document);
                case KEY -> key(document);
                default -> {
                    // SCPs are read from Organizations (ScpCheck); managed policies are attached to roles Airlock
                    // does not know.
                }
            }
        }
    }

    /** Compares what {@code read} returns with the document; a missing resource is fixed by {@code missingFix}. */
    private void compare(GeneratedPolicy document, Supplier<String> read, String what, String missingFix) {
        compare(document, read, what, what + " is missing", missingFix);
    }

    private void compare(GeneratedPolicy document, Supplier<String> read, String what, String missing,
            String missingFix) {
        String live;
        try {
            live = URLDecoder.decode(read.get(), StandardCharsets.UTF_8);
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404 || "NotFoundException".equals(e.awsErrorDetails().errorCode())) {
                find(document, missing, missingFix);
            } else {
                find(document, "cannot read " + what + ": " + e.awsErrorDetails().errorMessage(),
                        "allow the inspector role to read it (" + fileOf("inspector-role-permissions") + ")"
                                + (document.kind() == PolicyKind.KEY ? "; the generated key policy lets IAM policies "
                                + "of the account decide that, so a key policy that does not is itself wrong: "
                                + fix(document) : ""));
            }
            return;
        }
        String difference = Documents.difference(document.document(), live);
        if (difference != null) {
            find(document, document.kind().description() + " differs from " + document.fileName() + ": "
                    + difference, fix(document));
        }
    }

    private void bucket(GeneratedPolicy document) {
        try (S3Client s3 = clients.s3(session, regionOf(document))) {
            String bucket = document.target();
            compare(document, () -> s3.getBucketPolicy(r -> r.bucket(bucket).expectedBucketOwner(account.value()))
                    .policy(), "the bucket policy", fix(document));
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
                    .policyText(), "the repository policy", fix(document));
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

    /** A signing key's policy ({@code kms:GetKeyPolicy}, policy name {@code default}), in the key's own region. */
    private void key(GeneratedPolicy document) {
        String key = document.target();
        try (KmsClient kms = clients.kms(session, regionOf(document))) {
            compare(document, () -> kms.getKeyPolicy(r -> r.keyId(key).policyName("default")).policy(),
                    "the key policy", "the signing key does not exist", "create the key in "
                            + regionOf(document).value() + " of account " + account.value()
                            + ", or bind the key that exists in the keyring, then " + fix(document));
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

    private String fileOf(String purpose) {
        return AwsDoctor.fileOf(documents, purpose);
    }

    private void find(GeneratedPolicy document, String problem, String fix) {
        findings.add(new SetupFinding(account.value(), document.target(), problem, fix));
    }

    static String fix(GeneratedPolicy document) {
        return document.apply().replace("file://FILE", "file://" + document.fileName());
    }
}
