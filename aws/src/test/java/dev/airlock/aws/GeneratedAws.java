package dev.airlock.aws;

import dev.airlock.aws.policy.AwsPolicies;
import dev.airlock.aws.policy.GeneratedPolicy;
import dev.airlock.aws.policy.PolicyKind;
import dev.airlock.aws.policy.PolicyOptions;
import dev.airlock.environment.AccountId;
import dev.airlock.testkit.aws.AwsWorld;
import dev.airlock.testkit.aws.IamRole;
import dev.airlock.testkit.aws.TrustPolicy;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The aws tests' landscape on the in-memory AWS with nothing hand-written: every role, bucket policy,
 * repository policy and SCP is what {@link AwsPolicies} generates, installed the way its index says
 * (roles, then resources, then SCPs). Beside Airlock's roles stand the people an attacker could be:
 * admins in the tooling, security and prod accounts and a developer in dev, none with a source identity.
 */
final class GeneratedAws implements AutoCloseable {
    static final String ORGANIZATION = "o-a1b2c3d4e5";
    static final String MANAGEMENT = "123456789012";
    static final String PROD_ADMIN = "arn:aws:iam::444444444444:role/admin";
    static final String TOOLING_ADMIN = "arn:aws:iam::111111111111:role/admin";
    static final String SECURITY_ADMIN = "arn:aws:iam::999999999999:role/admin";
    static final String DEVELOPER = "arn:aws:iam::222222222222:role/developer";
    /** The inspector role of the management account, made like tooling's: it reads Organizations for the doctor. */
    static final String MANAGEMENT_INSPECTOR = "arn:aws:iam::" + MANAGEMENT + ":role/airlock-inspector";
    static final IdentityMapping IDENTITIES = IdentityMapping.of(List.of(
            new IdentityMapping.Rule(FakeAws.CI_USER, "ci@tooling")));

    final AwsConfiguration configuration = AwsTarget.commonConfiguration().build();
    final AwsPolicies policies;
    final AwsWorld world;
    final FakeAws aws;

    GeneratedAws(Clock clock) {
        this(clock, true);
    }

    /** The setup, with or without the organization (and so its SCPs and aws:PrincipalOrgID conditions). */
    GeneratedAws(Clock clock, boolean organization) {
        policies = AwsPolicies.generate(AwsTarget.landscape(), configuration, IDENTITIES,
                PolicyOptions.defaults().withOrganizationId(organization ? ORGANIZATION : null));
        AwsWorld.Builder builder = AwsWorld.builder().clock(clock)
                .region(software.amazon.awssdk.regions.Region.of(AwsTarget.REGION.value()))
                .account(AwsTarget.TOOLING.value(), AwsTarget.SECURITY.value(), AwsTarget.DEV.value(),
                        AwsTarget.STAGING.value(), AwsTarget.PROD.value(), MANAGEMENT)
                .user(FakeAws.CI_USER);
        for (GeneratedPolicy trust : of(PolicyKind.TRUST)) {
            IamRole.Builder role = IamRole.builder(trust.target()).trustDocument(trust.document());
            of(PolicyKind.INLINE).stream().filter(p -> p.target().equals(trust.target())).findFirst()
                    .ifPresent(p -> role.permissionsPolicy(p.document()));
            builder.role(role.build());
        }
        builder.role(IamRole.builder(MANAGEMENT_INSPECTOR)
                .trustDocument(policies.document("tooling", "inspector-role-trust").orElseThrow().document())
                .permissionsPolicy(policies.document("tooling", "inspector-role-permissions").orElseThrow().document())
                .build());
        for (String person : List.of(PROD_ADMIN, TOOLING_ADMIN, SECURITY_ADMIN, DEVELOPER)) {
            // Obtained outside AssumeRole (SSO), so their trust does not matter here.
            builder.role(IamRole.of(person, TrustPolicy.trusting(person.substring(13, 25))));
        }
        world = builder.build();
        aws = new FakeAws(world);
        aws.bucket(AwsTarget.TOOLING, AwsTarget.ORIGIN_BUCKET, false);
        aws.bucket(AwsTarget.SECURITY, AwsTarget.LEDGER_BUCKET, true);
        aws.bucket(AwsTarget.DEV, "airlock-dev", false);
        aws.bucket(AwsTarget.STAGING, "airlock-staging", false);
        aws.bucket(AwsTarget.PROD, "airlock-prod", true);
        aws.repository(AwsTarget.TOOLING, AwsTarget.ORIGIN_REPOSITORY, true);
        for (GeneratedPolicy bucket : of(PolicyKind.BUCKET)) {
            try (S3Client s3 = aws.s3(bucket.account())) {
                s3.putBucketPolicy(p -> p.bucket(bucket.target()).policy(bucket.document()));
            }
        }
        for (GeneratedPolicy repository : of(PolicyKind.REPOSITORY)) {
            try (EcrClient ecr = aws.ecr(repository.account())) {
                ecr.setRepositoryPolicy(p -> p.repositoryName(repository.target()
                        .substring(repository.target().indexOf(":repository/") + ":repository/".length()))
                        .policyText(repository.document()));
            }
        }
        if (!organization) {
            return;
        }
        world.organization(ORGANIZATION, MANAGEMENT);
        for (GeneratedPolicy scp : of(PolicyKind.SCP)) {
            world.attachServiceControlPolicy("airlock-" + scp.owner(), scp.document(), scp.account().value());
        }
    }

    private List<GeneratedPolicy> of(PolicyKind kind) {
        return policies.documents().stream().filter(p -> p.kind() == kind).toList();
    }

    /** A session of one of the people, with no source identity, as single sign-on would give them. */
    software.amazon.awssdk.auth.credentials.AwsCredentialsProvider person(String roleArn) {
        return world.roleSessionCredentials(roleArn, "mallory");
    }

    S3Client s3(software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
        return world.s3(credentials);
    }

    EcrClient ecr(software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
        return world.ecr(credentials);
    }

    static AccountId account(String arn) {
        return AccountId.of(arn.substring(13, 25));
    }

    @Override
    public void close() {
        aws.close();
    }
}
