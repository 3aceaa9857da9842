package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AwsWorldTest {
    private static final String CI = "arn:aws:iam::111111111111:user/ci";

    @Test
    void build_withAUserOfAnUndeclaredAccount_failsNamingTheAccount() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> AwsWorld.builder().account("222222222222").user(CI).build());

        assertEquals("user", e.field());
        assertTrue(e.getMessage().contains("add .account(\"111111111111\")"), e.getMessage());
    }

    @Test
    void build_withARoleOfAnUndeclaredAccount_fails() {
        assertThrows(InvalidValueException.class, () -> AwsWorld.builder().account("111111111111").user(CI)
                .role(IamRole.of("arn:aws:iam::222222222222:role/deploy", TrustPolicy.trusting(CI))).build());
    }

    @Test
    void build_withATrustPolicyNamingAnUnknownRoleOrUser_failsAsIamWould() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> AwsWorld.builder()
                .account("111111111111")
                .role(IamRole.of("arn:aws:iam::111111111111:role/deploy",
                        TrustPolicy.trusting("arn:aws:iam::111111111111:role/missing")))
                .build());

        assertEquals("trust", e.field());
    }

    /** IAM cannot know every account, so it accepts any account as a principal; so does the world. */
    @Test
    void build_withATrustPolicyNamingAForeignAccount_isAccepted() {
        AwsWorld world = AwsWorld.builder().account("111111111111")
                .role(IamRole.of("arn:aws:iam::111111111111:role/deploy", TrustPolicy.trusting("999999999999")))
                .build();

        String session = world.sts(world.roleSessionCredentials("arn:aws:iam::111111111111:role/deploy", "check"))
                .getCallerIdentity().arn();
        assertEquals("arn:aws:sts::111111111111:assumed-role/deploy/check", session);
    }

    @Test
    void account_thatIsNotTwelveDigits_isRejected() {
        assertThrows(InvalidValueException.class, () -> AwsWorld.builder().account("12345"));
    }

    @Test
    void user_thatIsNotAUserArn_isRejected() {
        assertThrows(InvalidValueException.class, () -> AwsWorld.builder().user("arn:aws:iam::111111111111:role/x"));
    }

    @Test
    void credentials_ofAnUnknownPrincipal_areRefusedNamingIt() {
        AwsWorld world = AwsWorld.builder().account("111111111111").build();

        InvalidValueException e = assertThrows(InvalidValueException.class, () -> world.credentials(CI));

        assertEquals(CI, e.value());
    }

    @Test
    void credentials_ofAnAccountRoot_acceptTheAccountIdOrTheRootArn() {
        AwsWorld world = AwsWorld.builder().account("111111111111").build();

        assertEquals(world.credentials("111111111111").resolveCredentials().accessKeyId(),
                world.credentials("arn:aws:iam::111111111111:root").resolveCredentials().accessKeyId());
        assertEquals("arn:aws:iam::111111111111:root",
                world.sts(world.credentials("111111111111")).getCallerIdentity().arn());
    }

    @Test
    void roleSessionCredentials_forAnUnknownRoleOrABadSessionName_areRefused() {
        AwsWorld world = AwsWorld.builder().account("111111111111")
                .role(IamRole.of("arn:aws:iam::111111111111:role/ci", TrustPolicy.trusting("111111111111"))).build();

        assertThrows(InvalidValueException.class,
                () -> world.roleSessionCredentials("arn:aws:iam::111111111111:role/other", "s1"));
        assertThrows(InvalidValueException.class,
                () -> world.roleSessionCredentials("arn:aws:iam::111111111111:role/ci", "has space"));
    }

    @Test
    void removeRole_thatDoesNotExist_isRefused() {
        AwsWorld world = AwsWorld.builder().account("111111111111").build();

        assertThrows(InvalidValueException.class, () -> world.removeRole("arn:aws:iam::111111111111:role/x"));
    }

    @Test
    void trustPolicy_refusesMalformedPrincipalsAndExternalIds() {
        assertThrows(InvalidValueException.class, () -> TrustPolicy.trusting("arn:aws:s3:::bucket"));
        assertThrows(InvalidValueException.class, () -> TrustPolicy.trusting());
        assertThrows(InvalidValueException.class,
                () -> TrustPolicy.builder().trust("111111111111").externalId("has space").build());
        assertEquals(java.util.Set.of("arn:aws:iam::111111111111:root"), TrustPolicy.trusting("111111111111").principals());
    }

    @Test
    void iamRole_refusesSessionLimitsOutsideOneToTwelveHoursAndMalformedPolicies() {
        IamRole.Builder role = IamRole.builder("arn:aws:iam::111111111111:role/x").trust(TrustPolicy.trusting(CI));

        assertThrows(InvalidValueException.class, () -> role.maxSessionDuration(Duration.ofMinutes(59)).build());
        assertThrows(InvalidValueException.class, () -> role.maxSessionDuration(Duration.ofHours(13)).build());
        assertThrows(InvalidValueException.class, () -> role.maxSessionDuration(Duration.ofHours(1))
                .permissionsPolicy("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}").build());
        assertThrows(InvalidValueException.class, () -> IamRole.builder("arn:aws:iam::111111111111:user/x"));
    }

    @Test
    void download_ofAUrlTheWorldDidNotIssue_isRefused() {
        AwsWorld world = AwsWorld.builder().build();

        assertThrows(IllegalArgumentException.class,
                () -> world.download("https://fake-ecr-layers.s3.us-east-1.amazonaws.com/x?token=abc"));
    }
}
