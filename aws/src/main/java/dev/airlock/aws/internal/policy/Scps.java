package dev.airlock.aws.internal.policy;

import dev.airlock.aws.policy.PolicyKind;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import java.util.ArrayList;
import java.util.List;

/**
 * The service control policies: what no principal of a member account may do, whatever its own policies
 * say. They are deny lists, meant to sit beside AWS's default FullAWSAccess.
 */
final class Scps {
    /** Services without regional endpoints (or with us-east-1 only) that a region deny must leave alone. */
    static final List<String> GLOBAL_SERVICES = List.of("iam:*", "sts:*", "organizations:*", "account:*",
            "cloudfront:*", "route53:*", "support:*", "budgets:*", "health:*", "trustedadvisor:*");
    static final List<String> ARTIFACT_WRITES = List.of("s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion",
            "s3:PutObjectRetention", "s3:BypassGovernanceRetention", "ecr:PutImage", "ecr:InitiateLayerUpload",
            "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchDeleteImage");
    static final List<String> LEDGER_REWRITES = List.of("s3:DeleteObject", "s3:DeleteObjectVersion",
            "s3:BypassGovernanceRetention", "s3:PutBucketVersioning", "s3:PutBucketObjectLockConfiguration",
            "s3:PutLifecycleConfiguration");

    private Scps() {
    }

    static List<Draft> all(Setup setup) {
        List<Draft> drafts = new ArrayList<>();
        drafts.add(draft(setup, setup.tooling(), "tooling", tooling(setup)));
        drafts.add(draft(setup, setup.security(), "security", security(setup)));
        for (Environment environment : setup.landscape().environments()) {
            drafts.add(draft(setup, environment.account(), environment.name(), environment(setup, environment)));
        }
        return drafts;
    }

    private static Draft draft(Setup setup, AccountId account, String owner, List<Stmt> statements) {
        String name = "airlock-" + owner;
        return new Draft(account, owner, "scp", PolicyKind.SCP, account.value(),
                "aws organizations create-policy --type SERVICE_CONTROL_POLICY --name " + name
                        + " --description 'Airlock guardrails for " + owner + "' --content file://FILE"
                        + " && aws organizations attach-policy --target-id " + account.value() + " --policy-id <id>",
                Stmt.document(statements));
    }

    private static List<Stmt> tooling(Setup setup) {
        List<Stmt> statements = new ArrayList<>();
        String ledger = setup.aws().ledger().bucket();
        if (ledger != null) {
            statements.add(Stmt.deny("DenyLedgerRewrites").actions(LEDGER_REWRITES)
                    .resources(setup.bucketArn(ledger), setup.bucketArn(ledger) + "/*"));
            statements.add(Stmt.deny("DenyLedgerOverwrites").actions("s3:PutObject")
                    .resources(setup.bucketArn(ledger) + "/*").when("Null", "s3:if-none-match", "true"));
        }
        String origin = setup.aws().s3().originBucket();
        if (origin != null) {
            statements.add(Stmt.deny("DenyOriginWritesByOthers").actions(ARTIFACT_WRITES.subList(0, 5))
                    .resources(setup.artifactsArn(origin)).when("ArnNotLike", "aws:PrincipalArn", setup.promoters()));
        }
        statements.addAll(everyAccount());
        return statements;
    }

    private static List<Stmt> security(Setup setup) {
        List<Stmt> statements = new ArrayList<>();
        String ledger = setup.aws().ledger().bucket();
        if (ledger != null) {
            statements.add(Stmt.deny("DenyLedgerRewrites").actions(LEDGER_REWRITES)
                    .resources(setup.bucketArn(ledger), setup.bucketArn(ledger) + "/*"));
        }
        statements.addAll(everyAccount());
        return statements;
    }

    private static List<Stmt> environment(Setup setup, Environment environment) {
        List<Stmt> statements = new ArrayList<>();
        List<String> artifacts = new ArrayList<>();
        String bucket = setup.bucket(environment);
        if (bucket != null) {
            artifacts.add(setup.bucketArn(bucket) + "/*");
        }
        String repository = setup.repository(environment);
        if (repository != null) {
            artifacts.add(setup.repositoryArn(setup.region(environment), environment.account(), repository));
        }
        if (!artifacts.isEmpty()) {
            statements.add(Stmt.deny("DenyArtifactWritesWithoutSourceIdentity").actions(ARTIFACT_WRITES)
                    .resources(artifacts).when("Null", "aws:SourceIdentity", "true"));
            statements.add(Stmt.deny("DenyArtifactWritesByOthers").actions(ARTIFACT_WRITES).resources(artifacts)
                    .when("ArnNotLike", "aws:PrincipalArn", environment.deployRole().toString()));
        }
        if (bucket != null) {
            statements.add(Stmt.deny("DenyArtifactBucketUnlocking")
                    .actions("s3:PutBucketVersioning", "s3:PutBucketObjectLockConfiguration")
                    .resources(setup.bucketArn(bucket)));
        }
        statements.add(Stmt.deny("DenyOtherRegions").notActions(GLOBAL_SERVICES).resources("*")
                .when("StringNotEquals", "aws:RequestedRegion", List.copyOf(setup.regions(environment))));
        statements.addAll(everyAccount());
        return statements;
    }

    private static List<Stmt> everyAccount() {
        return List.of(
                Stmt.deny("DenyTagMutabilityChanges").actions("ecr:PutImageTagMutability").resources("*"),
                Stmt.deny("DenyAuditTrailChanges").actions("cloudtrail:StopLogging", "cloudtrail:DeleteTrail",
                        "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors").resources("*"),
                Stmt.deny("DenyLeavingOrganization").actions("organizations:LeaveOrganization").resources("*"));
    }
}
