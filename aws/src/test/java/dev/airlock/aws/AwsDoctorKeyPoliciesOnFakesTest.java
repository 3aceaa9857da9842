package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.aws.policy.AwsDoctor;
import dev.airlock.aws.policy.AwsPolicies;
import dev.airlock.aws.policy.GeneratedPolicy;
import dev.airlock.aws.policy.PolicyOptions;
import dev.airlock.spi.SetupFinding;
import dev.airlock.testkit.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * {@code airlock doctor} reading the key policy of a signing key the keyring binds (kms:GetKeyPolicy through the
 * inspector role of the key's account): the generated policy is right; one that lets another role sign, or a
 * key that does not exist, is found.
 */
class AwsDoctorKeyPoliciesOnFakesTest {
    private final GeneratedAws aws = new GeneratedAws(ManualClock.at(Instant.now()));
    private String keyArn;
    private AwsPolicies policies;
    private GeneratedPolicy keyPolicy;

    @BeforeEach
    void signingKey() {
        try (KmsClient kms = aws.aws.kms(AwsTarget.TOOLING, AwsTarget.REGION)) {
            keyArn = kms.createKey(r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                    .keyMetadata().arn();
            policies = generate(keyArn);
            keyPolicy = policies.document("ci-tooling", "signing-key-policy").orElseThrow();
            kms.putKeyPolicy(r -> r.keyId(keyArn).policyName("default").policy(keyPolicy.document()));
        }
    }

    @AfterEach
    void close() {
        aws.close();
    }

    private AwsPolicies generate(String key) {
        return AwsPolicies.generate(AwsTarget.landscape(), aws.configuration, GeneratedAws.IDENTITIES,
                PolicyOptions.defaults().withOrganizationId(GeneratedAws.ORGANIZATION).withSigningKey("ci@tooling", key));
    }

    private List<SetupFinding> check(AwsPolicies expected) {
        return AwsDoctor.of(expected, aws.configuration, aws.aws.landscape, aws.aws.factory, aws.aws.base(),
                PolicyOptions.defaults().inspectorRole()).readingOrganizationsAs(GeneratedAws.MANAGEMENT_INSPECTOR)
                .check();
    }

    @Test
    void doctor_onTheGeneratedKeyPolicy_findsNothing() {
        assertEquals(List.of(), check(policies));
    }

    @Test
    void doctor_findsAKeyPolicyLettingAnotherRoleSign() {
        String loose = keyPolicy.document().replaceFirst("\\[", "[{\"Sid\":\"AdminSigns\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + GeneratedAws.TOOLING_ADMIN + "\"},\"Action\":\"kms:Sign\","
                + "\"Resource\":\"*\"},");
        try (KmsClient kms = aws.aws.kms(AwsTarget.TOOLING, AwsTarget.REGION)) {
            kms.putKeyPolicy(r -> r.keyId(keyArn).policyName("default").policy(loose));
        }

        List<SetupFinding> findings = check(policies);

        assertEquals(List.of(new SetupFinding("111111111111", keyArn, "KMS key policy differs from "
                + keyPolicy.fileName() + ": statement AdminSigns is not in the generated document",
                "aws kms put-key-policy --key-id " + keyArn + " --policy-name default --policy file://"
                        + keyPolicy.fileName())), findings);
    }

    @Test
    void doctor_findsABoundKeyThatDoesNotExist() {
        String gone = keyArn.substring(0, keyArn.lastIndexOf('/') + 1) + "0b0e5f4e-0000-4000-8000-000000000000";

        List<SetupFinding> findings = check(generate(gone));

        assertEquals(1, findings.size(), findings.toString());
        assertEquals(gone, findings.get(0).resource());
        assertEquals("the signing key does not exist", findings.get(0).problem());
        assertTrue(findings.get(0).fix().startsWith("create the key in " + AwsTarget.REGION.value()
                + " of account 111111111111, or bind the key that exists in the keyring, then aws kms put-key-policy"),
                findings.get(0).fix());
    }
}
