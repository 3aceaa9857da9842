package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.aws.policy.AwsDoctor;
import dev.airlock.aws.policy.PolicyOptions;
import dev.airlock.spi.SetupFinding;
import dev.airlock.testkit.ManualClock;
import dev.airlock.testkit.aws.IamRole;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code airlock doctor} on the in-memory AWS set up from the generated documents, then broken on purpose. */
class AwsDoctorOnFakesTest {
    private final GeneratedAws aws = new GeneratedAws(ManualClock.at(Instant.now()));

    @AfterEach
    void close() {
        aws.close();
    }

    private List<SetupFinding> check() {
        return AwsDoctor.of(aws.policies, aws.configuration, aws.aws.landscape, aws.aws.factory, aws.aws.base(),
                PolicyOptions.defaults().inspectorRole()).readingOrganizationsAs(GeneratedAws.MANAGEMENT_INSPECTOR).check();
    }

    @Test
    void doctor_onTheGeneratedSetup_findsNothing() {
        assertEquals(List.of(), check());
    }

    @Test
    void doctor_findsEachDeliberateMisconfiguration_namingAccountResourceProblemAndFix() {
        String devDeploy = FakeAws.deployRole(AwsTarget.DEV);
        // Dev's deploy role replaced by a loose one (trust without its rules, no permissions), staging's without its
        // permissions, prod's bucket without its policy.
        aws.world.putRole(IamRole.builder(devDeploy).trustDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
                + "\"AirlockChain\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:root\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}").build());
        String stagingDeploy = FakeAws.deployRole(AwsTarget.STAGING);
        aws.world.putRole(IamRole.builder(stagingDeploy).trustDocument(
                aws.policies.document("staging", "deploy-role-trust").orElseThrow().document()).build());
        try (S3Client prod = aws.aws.s3(AwsTarget.PROD)) {
            prod.deleteBucketPolicy(r -> r.bucket("airlock-prod"));
        }

        List<SetupFinding> findings = check();

        assertEquals(4, findings.size(), findings.toString());
        SetupFinding trust = findings.get(0);
        assertEquals("222222222222", trust.account());
        assertEquals(devDeploy, trust.resource());
        assertTrue(trust.problem().startsWith("role trust policy differs from 222222222222-dev-deploy-role-trust.json: "
                + "statement DenyWithoutSourceIdentity is missing; statement DenyWithoutExternalId is missing; "
                + "statement AirlockChain differs; statement AirlockTags is missing"), trust.problem());
        assertTrue(trust.fix().contains("file://222222222222-dev-deploy-role-trust.json"), trust.fix());
        assertEquals(new SetupFinding("333333333333", stagingDeploy, "its inline policy 'airlock' is missing",
                "aws iam put-role-policy --role-name airlock-deploy --policy-name airlock --policy-document "
                        + "file://333333333333-staging-deploy-role-permissions.json"), findings.get(2));
        assertEquals("its inline policy 'airlock' is missing", findings.get(1).problem());
        assertEquals("airlock-prod", findings.get(3).resource());
        assertEquals("the bucket policy is missing", findings.get(3).problem());
    }
}
