package dev.airlock.aws.internal.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.aws.internal.TargetPolicy;
import dev.airlock.aws.policy.PolicyKind;
import dev.airlock.environment.AccountId;
import dev.airlock.environment.Environment;
import dev.airlock.environment.RoleArn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Trust and permission policies of the roles Airlock uses: the hub, each environment's deploy role, the
 * read-only inspector role {@code airlock doctor} assumes in every account, and the managed policies of
 * the tooling principals that run Airlock (promoter, ledger writer).
 */
final class Roles {
    /** The tags the deploy hop carries (see RoleCredentials). */
    static final String ENVIRONMENT_TAG = "aws:RequestTag/airlock:environment";
    /**
     * What {@code airlock doctor} calls, and nothing it could change with: the organizations actions are used
     * where the inspector role reads Organizations (the management account's, or a delegated administrator's).
     */
    static final List<String> INSPECTION = List.of("iam:GetRole", "iam:GetRolePolicy",
            "s3:GetBucketPolicy", "s3:GetBucketVersioning", "s3:GetBucketObjectLockConfiguration",
            "ecr:DescribeRepositories", "ecr:GetRepositoryPolicy", "kms:GetKeyPolicy",
            "organizations:ListPoliciesForTarget", "organizations:ListParents", "organizations:DescribePolicy");

    private Roles() {
    }

    static List<Draft> all(Setup setup) {
        List<Draft> drafts = new ArrayList<>();
        RoleArn hub = setup.aws().roleChain().hubRole();
        if (hub != null) {
            drafts.add(trust(hub.account(), "tooling", "hub-role-trust", hub, hubTrust(setup)));
            drafts.add(inline(hub.account(), "tooling", "hub-role-permissions", hub, deployHops(setup, false)));
        }
        drafts.add(managed(setup.tooling(), "promoter-permissions", "airlock-promoter", promoter(setup)));
        if (setup.aws().ledger().bucket() != null) {
            drafts.add(managed(setup.tooling(), "ledger-writer-permissions", "airlock-ledger-writer",
                    ledgerWriter(setup)));
        }
        for (Environment environment : setup.landscape().environments()) {
            drafts.add(trust(environment.account(), environment.name(), "deploy-role-trust", environment.deployRole(),
                    deployTrust(setup, environment)));
            String permissions = TargetPolicy.render(setup.targets(environment));
            if (permissions != null) {
                drafts.add(inline(environment.account(), environment.name(), "deploy-role-permissions",
                        environment.deployRole(), parse(permissions)));
            }
        }
        for (Owned account : accounts(setup)) {
            RoleArn inspector = RoleArn.parse(setup.roleArn(account.account(), setup.inspectorRole()));
            drafts.add(trust(account.account(), account.owner(), "inspector-role-trust", inspector,
                    Stmt.document(List.of(callers(Stmt.allow("AirlockOperators"), setup, setup.promoters())
                            .actions("sts:AssumeRole")))));
            drafts.add(inline(account.account(), account.owner(), "inspector-role-permissions", inspector,
                    Stmt.document(List.of(Stmt.allow("ReadAirlockSetup").actions(INSPECTION).resources("*")))));
        }
        return drafts;
    }

    /** Every account of the landscape once, with what it is to Airlock. */
    record Owned(AccountId account, String owner) {
    }

    static List<Owned> accounts(Setup setup) {
        List<Owned> accounts = new ArrayList<>();
        accounts.add(new Owned(setup.tooling(), "tooling"));
        accounts.add(new Owned(setup.security(), "security"));
        setup.landscape().environments().forEach(e -> accounts.add(new Owned(e.account(), e.name())));
        return accounts;
    }

    private static ObjectNode hubTrust(Setup setup) {
        List<Stmt> statements = new ArrayList<>();
        statements.add(Stmt.deny("DenyWithoutSourceIdentity").anyone().actions("sts:AssumeRole")
                .when("Null", "sts:SourceIdentity", "true"));
        String externalId = setup.aws().roleChain().hubExternalId();
        if (externalId != null) {
            statements.add(Stmt.deny("DenyWithoutExternalId").anyone().actions("sts:AssumeRole")
                    .when("StringNotEquals", "sts:ExternalId", externalId));
        }
        statements.add(callers(Stmt.allow("AirlockPromoters"), setup, setup.promoters())
                .actions("sts:AssumeRole", "sts:SetSourceIdentity")
                .when("StringLike", "sts:SourceIdentity", setup.sourceIdentities()));
        return Stmt.document(statements);
    }

    private static ObjectNode deployTrust(Setup setup, Environment environment) {
        List<Stmt> statements = new ArrayList<>();
        statements.add(Stmt.deny("DenyWithoutSourceIdentity").anyone().actions("sts:AssumeRole")
                .when("Null", "sts:SourceIdentity", "true"));
        String externalId = setup.aws().environment(environment.name()).externalId();
        if (externalId != null) {
            statements.add(Stmt.deny("DenyWithoutExternalId").anyone().actions("sts:AssumeRole")
                    .when("StringNotEquals", "sts:ExternalId", externalId));
        }
        statements.add(callers(Stmt.allow("AirlockChain"), setup, setup.deployCallers())
                .actions("sts:AssumeRole", "sts:SetSourceIdentity")
                .when("StringLike", "sts:SourceIdentity", setup.sourceIdentities()));
        // Sessions into this role are tagged for this environment only, so CloudTrail can tell them apart.
        statements.add(callers(Stmt.allow("AirlockTags"), setup, setup.deployCallers()).actions("sts:TagSession")
                .when("StringEquals", ENVIRONMENT_TAG, environment.name()));
        return Stmt.document(statements);
    }

    /** A statement trusting tooling principals matching {@code arns}, within the organization if it is known. */
    private static Stmt callers(Stmt statement, Setup setup, List<String> arns) {
        statement.aws(List.of(setup.root(setup.tooling()))).when("ArnLike", "aws:PrincipalArn", arns);
        if (setup.organizationId() != null) {
            statement.when("StringEquals", "aws:PrincipalOrgID", setup.organizationId());
        }
        return statement;
    }

    /** Into each deploy role, tagged for its own environment only. */
    private static ObjectNode deployHops(Setup setup, boolean withInspector) {
        List<Stmt> statements = new ArrayList<>();
        Set<String> roles = new LinkedHashSet<>();
        for (Environment environment : setup.landscape().environments()) {
            roles.add(environment.deployRole().toString());
            statements.add(Stmt.allow("Tag" + sid(environment.name())).actions("sts:TagSession")
                    .resources(environment.deployRole().toString())
                    .when("StringEquals", ENVIRONMENT_TAG, environment.name()));
        }
        statements.add(0, Stmt.allow("AssumeDeployRoles").actions("sts:AssumeRole", "sts:SetSourceIdentity")
                .resources(List.copyOf(roles)));
        if (withInspector) {
            statements.add(Stmt.allow("AssumeInspectorRoles").actions("sts:AssumeRole")
                    .resources("arn:" + setup.partition() + ":iam::*:role/" + setup.inspectorRole()));
        }
        return Stmt.document(statements);
    }

    private static ObjectNode promoter(Setup setup) {
        List<Stmt> statements = new ArrayList<>();
        RoleArn hub = setup.aws().roleChain().hubRole();
        if (hub != null) {
            statements.add(Stmt.allow("AssumeHub").actions("sts:AssumeRole", "sts:SetSourceIdentity")
                    .resources(hub.toString()));
            statements.add(Stmt.allow("AssumeInspectorRoles").actions("sts:AssumeRole")
                    .resources("arn:" + setup.partition() + ":iam::*:role/" + setup.inspectorRole()));
        } else {
            deployHops(setup, true).get("Statement").forEach(s -> statements.add(copy(s)));
        }
        String origin = setup.aws().s3().originBucket();
        if (origin != null) {
            statements.add(Stmt.allow("RegisterArtifacts")
                    .actions("s3:PutObject", "s3:GetObject", "s3:AbortMultipartUpload")
                    .resources(setup.artifactsArn(origin)));
            statements.add(Stmt.allow("InspectOrigin").actions("s3:ListBucket", "s3:GetBucketObjectLockConfiguration")
                    .resources(setup.bucketArn(origin)));
        }
        String repository = setup.aws().ecr().originRepository();
        if (repository != null) {
            statements.add(Stmt.allow("Registry").actions("ecr:BatchGetImage", "ecr:PutImage",
                    "ecr:DescribeImages", "ecr:DescribeRepositories")
                    .resources(setup.repositoryArn(setup.aws().region(), setup.tooling(), repository)));
        }
        return Stmt.document(statements);
    }

    private static ObjectNode ledgerWriter(Setup setup) {
        String bucket = setup.bucketArn(setup.aws().ledger().bucket());
        String prefix = setup.aws().ledger().prefix();
        return Stmt.document(List.of(
                Stmt.allow("Ledger").actions("s3:PutObject", "s3:GetObject")
                        .resources(bucket + "/" + prefix + "/entries/*", bucket + "/" + prefix + "/checkpoints/*"),
                Stmt.allow("LedgerList").actions("s3:ListBucket", "s3:ListBucketVersions").resources(bucket)
                        .when("StringLike", "s3:prefix", List.of(prefix + "/entries/*", prefix + "/checkpoints/*")),
                Stmt.allow("LedgerProtection").actions("s3:GetBucketVersioning", "s3:GetBucketObjectLockConfiguration")
                        .resources(bucket)));
    }

    private static Draft trust(AccountId account, String owner, String purpose, RoleArn role, ObjectNode json) {
        return new Draft(account, owner, purpose, PolicyKind.TRUST, role.toString(),
                "aws iam create-role --role-name " + role.name() + " --assume-role-policy-document file://FILE"
                        + " (existing role: aws iam update-assume-role-policy --role-name " + role.name()
                        + " --policy-document file://FILE)", json);
    }

    private static Draft inline(AccountId account, String owner, String purpose, RoleArn role, ObjectNode json) {
        return new Draft(account, owner, purpose, PolicyKind.INLINE, role.toString(),
                "aws iam put-role-policy --role-name " + role.name() + " --policy-name airlock"
                        + " --policy-document file://FILE", json);
    }

    private static Draft managed(AccountId account, String purpose, String name, ObjectNode json) {
        return new Draft(account, "tooling", purpose, PolicyKind.MANAGED, "the roles backend.aws.identities maps",
                "aws iam create-policy --policy-name " + name + " --policy-document file://FILE"
                        + " && aws iam attach-role-policy --role-name <your CI or operator role> --policy-arn <arn>",
                json);
    }

    private static String sid(String name) {
        StringBuilder sid = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sid.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sid.toString();
    }

    private static Stmt copy(JsonNode statement) {
        return Stmt.wrap((ObjectNode) statement.deepCopy());
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Stmt.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
