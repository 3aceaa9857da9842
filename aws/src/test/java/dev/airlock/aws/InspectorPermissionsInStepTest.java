package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.aws.policy.AwsDoctor;
import dev.airlock.aws.policy.AwsPolicies;
import dev.airlock.aws.policy.PolicyOptions;
import dev.airlock.testkit.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * Keeps the inspector role's generated permissions and the calls {@code airlock doctor} makes in step: on a
 * correct setup with a signing key and an SCP attached to a unit (so the doctor walks up to the root), the
 * actions the inspector sessions used are exactly the ones its policy lists.
 */
class InspectorPermissionsInStepTest {
    /** The IAM action each operation the doctor calls is authorized as. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("Iam GetRole", "iam:GetRole"), Map.entry("Iam GetRolePolicy", "iam:GetRolePolicy"),
            Map.entry("S3 GetBucketPolicy", "s3:GetBucketPolicy"),
            Map.entry("S3 GetBucketVersioning", "s3:GetBucketVersioning"),
            Map.entry("S3 GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration"),
            Map.entry("Ecr DescribeRepositories", "ecr:DescribeRepositories"),
            Map.entry("Ecr GetRepositoryPolicy", "ecr:GetRepositoryPolicy"),
            Map.entry("Kms GetKeyPolicy", "kms:GetKeyPolicy"),
            Map.entry("Organizations ListPoliciesForTarget", "organizations:ListPoliciesForTarget"),
            Map.entry("Organizations ListParents", "organizations:ListParents"),
            Map.entry("Organizations DescribePolicy", "organizations:DescribePolicy"));

    private final GeneratedAws aws = new GeneratedAws(ManualClock.at(Instant.now()));

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void everyCallOfAnInspectorSession_isAnActionOfItsGeneratedPolicy_andEveryActionIsOneACallNeeds() throws Exception {
        AwsPolicies policies;
        try (KmsClient kms = aws.aws.kms(AwsTarget.TOOLING, AwsTarget.REGION)) {
            String key = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                    .keyMetadata().arn();
            policies = AwsPolicies.generate(AwsTarget.landscape(), aws.configuration, GeneratedAws.IDENTITIES,
                    PolicyOptions.defaults().withOrganizationId(GeneratedAws.ORGANIZATION).withSigningKey("ci@tooling",
                            key));
            kms.putKeyPolicy(r -> r.keyId(key).policyName("default").policy(policies.document("ci-tooling",
                    "signing-key-policy").orElseThrow().document()));
        }
        String devScp = policies.document("dev", "scp").orElseThrow().document();
        aws.world.organizationalUnit("workloads", AwsTarget.DEV.value());
        aws.world.detachServiceControlPolicy("airlock-dev", AwsTarget.DEV.value());
        aws.world.attachServiceControlPolicy("airlock-dev", devScp, "workloads");
        aws.world.clearCalls();

        assertEquals(List.of(), AwsDoctor.of(policies, aws.configuration, aws.aws.landscape, aws.aws.factory,
                aws.aws.base(), "airlock-inspector").readingOrganizationsAs(GeneratedAws.MANAGEMENT_INSPECTOR).check());

        Set<String> used = IamActions.used(aws.world.calls(),
                call -> call.principalArn().contains(":assumed-role/airlock-inspector/"), ACTIONS, "Roles.INSPECTION");
        Set<String> listed = IamActions.listed(policies.document("tooling", "inspector-role-permissions").orElseThrow()
                .document());
        assertEquals(listed, used);
    }
}
