package dev.airlock.aws.internal.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.aws.policy.PolicyKind;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * Bucket and repository policies. S3 evaluates a bucket policy's denies for the bucket owner's own
 * principals too, so they hold inside the account as well as across it.
 *
 * <p>Environment buckets do not require {@code s3:if-none-match}: S3 then refuses every CopyObject into
 * the bucket (403 without the header, 501 with it), and promotion copies server-side. Their objects are
 * write-once because only the deploy role may write, it checks before copying and sends If-None-Match,
 * and Object Lock keeps them where it is configured.
 */
final class Resources {
    static final List<String> PULL = List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
            "ecr:BatchCheckLayerAvailability", "ecr:DescribeImages", "ecr:DescribeRepositories");
    static final List<String> PUSH = List.of("ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
            "ecr:CompleteLayerUpload", "ecr:BatchDeleteImage");
    static final List<String> OBJECT_WRITES = List.of("s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion",
            "s3:PutObjectRetention", "s3:BypassGovernanceRetention");

    private Resources() {
    }

    static List<Draft> all(Setup setup) {
        List<Draft> drafts = new ArrayList<>();
        String origin = setup.aws().s3().originBucket();
        if (origin != null) {
            drafts.add(bucket(setup.tooling(), "tooling", "origin-bucket-policy", origin, originBucket(setup, origin)));
        }
        String ledger = setup.aws().ledger().bucket();
        if (ledger != null) {
            drafts.add(bucket(setup.security(), "security", "ledger-bucket-policy", ledger, ledgerBucket(setup, ledger)));
        }
        String originRepository = setup.aws().ecr().originRepository();
        if (originRepository != null) {
            drafts.add(repository(setup, setup.tooling(), "tooling", "origin-repository-policy", setup.aws().region(),
                    originRepository, originRepository(setup)));
        }
        for (Environment environment : setup.landscape().environments()) {
            String bucket = setup.bucket(environment);
            if (bucket != null) {
                drafts.add(bucket(environment.account(), environment.name(), "artifact-bucket-policy", bucket,
                        environmentBucket(setup, environment, bucket)));
            }
            String repository = setup.repository(environment);
            if (repository != null) {
                drafts.add(repository(setup, environment.account(), environment.name(), "repository-policy",
                        setup.region(environment), repository, environmentRepository(environment)));
            }
        }
        return drafts;
    }

    private static Stmt tlsOnly(Setup setup, String bucket) {
        return Stmt.deny("DenyInsecureTransport").anyone().actions("s3:*")
                .resources(setup.bucketArn(bucket), setup.bucketArn(bucket) + "/*")
                .when("Bool", "aws:SecureTransport", "false");
    }

    private static ObjectNode originBucket(Setup setup, String bucket) {
        List<String> deployRoles = setup.landscape().environments().stream().map(e -> e.deployRole().toString())
                .distinct().toList();
        List<String> accounts = setup.landscape().environments().stream().map(e -> setup.root(e.account()))
                .distinct().toList();
        List<Stmt> statements = new ArrayList<>();
        statements.add(tlsOnly(setup, bucket));
        statements.add(Stmt.deny("DenyOverwrites").anyone().actions("s3:PutObject").resources(setup.artifactsArn(bucket))
                .when("Null", "s3:if-none-match", "true")
                .when("StringNotEquals", "s3:ObjectCreationOperation",
                        List.of("CreateMultipartUpload", "UploadPart", "UploadPartCopy")));
        statements.add(orgScoped(setup, Stmt.allow("DeployRolesRead").aws(accounts).actions("s3:GetObject")
                .resources(setup.artifactsArn(bucket)).when("ArnLike", "aws:PrincipalArn", deployRoles)));
        statements.add(orgScoped(setup, Stmt.allow("DeployRolesList").aws(accounts).actions("s3:ListBucket")
                .resources(setup.bucketArn(bucket)).when("ArnLike", "aws:PrincipalArn", deployRoles)));
        return Stmt.document(statements);
    }

    private static ObjectNode ledgerBucket(Setup setup, String bucket) {
        String arn = setup.bucketArn(bucket);
        String prefix = setup.aws().ledger().prefix();
        List<String> objects = List.of(arn + "/" + prefix + "/entries/*", arn + "/" + prefix + "/checkpoints/*");
        List<String> writers = List.of(setup.root(setup.tooling()));
        return Stmt.document(List.of(
                tlsOnly(setup, bucket),
                Stmt.deny("DenyLedgerDeletes").anyone().actions("s3:DeleteObject", "s3:DeleteObjectVersion",
                        "s3:BypassGovernanceRetention").resources(arn + "/*"),
                Stmt.deny("DenyLedgerOverwrites").anyone().actions("s3:PutObject").resources(arn + "/*")
                        .when("Null", "s3:if-none-match", "true"),
                Stmt.deny("DenyLedgerUnlocking").anyone().actions("s3:PutBucketVersioning",
                        "s3:PutBucketObjectLockConfiguration", "s3:PutLifecycleConfiguration").resources(arn),
                orgScoped(setup, Stmt.allow("LedgerWriters").aws(writers).actions("s3:PutObject", "s3:GetObject")
                        .resources(objects).when("ArnLike", "aws:PrincipalArn", setup.promoters())),
                orgScoped(setup, Stmt.allow("LedgerReaders").aws(writers).actions("s3:ListBucket",
                        "s3:ListBucketVersions", "s3:GetBucketVersioning", "s3:GetBucketObjectLockConfiguration")
                        .resources(arn).when("ArnLike", "aws:PrincipalArn", setup.promoters()))));
    }

    private static ObjectNode originRepository(Setup setup) {
        List<String> accounts = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (Environment environment : setup.landscape().environments()) {
            if (!accounts.contains(setup.root(environment.account()))) {
                accounts.add(setup.root(environment.account()));
                roles.add("arn:" + setup.partition() + ":iam::" + environment.account().value() + ":role/*");
            }
        }
        // Registration pushes, and the central registry's environment tags are added, by the tooling principals.
        List<String> pushers = setup.promoters();
        List<Stmt> statements = new ArrayList<>();
        statements.add(Stmt.deny("DenyPushByOthers").anyone().actions(PUSH)
                .when("ArnNotLike", "aws:PrincipalArn", pushers));
        if (!accounts.isEmpty()) {
            statements.add(orgScoped(setup, Stmt.allow("EnvironmentRolesPull").aws(accounts).actions(PULL)
                    .when("ArnLike", "aws:PrincipalArn", roles)));
        }
        return Stmt.document(statements);
    }

    private static ObjectNode environmentRepository(Environment environment) {
        String deployRole = environment.deployRole().toString();
        return Stmt.document(List.of(
                Stmt.deny("DenyPushWithoutSourceIdentity").anyone().actions(PUSH)
                        .when("Null", "aws:SourceIdentity", "true"),
                Stmt.deny("DenyPushByOthers").anyone().actions(PUSH).when("ArnNotLike", "aws:PrincipalArn", deployRole),
                Stmt.deny("DenyPullOutsideAccount").anyone().actions("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer")
                        .when("StringNotEquals", "aws:PrincipalAccount", environment.account().value())));
    }

    private static ObjectNode environmentBucket(Setup setup, Environment environment, String bucket) {
        String objects = setup.bucketArn(bucket) + "/*";
        return Stmt.document(List.of(
                tlsOnly(setup, bucket),
                Stmt.deny("DenyWritesWithoutSourceIdentity").anyone().actions(OBJECT_WRITES).resources(objects)
                        .when("Null", "aws:SourceIdentity", "true"),
                Stmt.deny("DenyWritesByOthers").anyone().actions(OBJECT_WRITES).resources(objects)
                        .when("ArnNotLike", "aws:PrincipalArn", environment.deployRole().toString())));
    }

    private static Stmt orgScoped(Setup setup, Stmt statement) {
        return setup.organizationId() == null ? statement
                : statement.when("StringEquals", "aws:PrincipalOrgID", setup.organizationId());
    }

    private static Draft bucket(AccountId account, String owner, String purpose, String bucket, ObjectNode json) {
        return new Draft(account, owner, purpose, PolicyKind.BUCKET, bucket,
                "aws s3api put-bucket-policy --bucket " + bucket + " --policy file://FILE", json);
    }

    private static Draft repository(Setup setup, AccountId account, String owner, String purpose, Region region,
            String repository, ObjectNode json) {
        return new Draft(account, owner, purpose, PolicyKind.REPOSITORY,
                setup.repositoryArn(region, account, repository),
                "aws ecr set-repository-policy --region " + region.value() + " --repository-name " + repository
                        + " --policy-text file://FILE", json);
    }
}
