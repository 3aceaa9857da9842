package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.aws.policy.AwsDoctor;
import dev.airlock.aws.policy.AwsPolicies;
import dev.airlock.aws.policy.PolicyOptions;
import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.aws.AwsCall;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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

        Set<String> used = new TreeSet<>();
        for (AwsCall call : aws.world.calls()) {
            if (call.principalArn() == null || !call.principalArn().contains(":assumed-role/airlock-inspector/")) {
                continue;
            }
            String action = ACTIONS.get(call.service().serviceName() + " " + call.operation());
            if (action == null) {
                fail("the inspector called " + call.operation() + ", which has no IAM action here: add it to ACTIONS "
                        + "and to the inspector's permissions the generator writes (Roles.INSPECTION)");
            }
            used.add(action);
        }
        JsonNode statement = JSON.readTree(policies.document("tooling", "inspector-role-permissions").orElseThrow()
                .document()).get("Statement").get(0);
        Set<String> listed = new TreeSet<>();
        statement.get("Action").forEach(a -> listed.add(a.asText()));
        assertEquals(listed, used);
    }
}
