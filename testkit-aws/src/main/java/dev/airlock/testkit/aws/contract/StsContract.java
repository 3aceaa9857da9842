package dev.airlock.testkit.aws.contract;

import static dev.airlock.testkit.aws.contract.AwsContractTarget.HUB;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.PROD;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.PROD_DEPLOY;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.PROD_EXTERNAL_ID;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.STAGING;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.STAGING_DEPLOY;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The STS behaviours Airlock's role chains and the in-memory STS rely on, as AWS has them: who a caller
 * is, and that an assumed role, directly or at the end of a chain, acts in the role's account.
 *
 * <p>To run it against an implementation, subclass it in test sources and implement
 * {@link #createTarget()}.
 */
public abstract class StsContract extends AwsContract {

    @Test
    void getCallerIdentity_ofUser_isTheUser() {
        GetCallerIdentityResponse identity = target().sts(target().ci()).getCallerIdentity();

        assertEquals(target().ciAccount(), identity.account());
        assertEquals(target().ciArn(), identity.arn());
    }

    @Test
    void assumeRole_actsInTheRoleAccount() {
        assertActsInTheRoleAccount(target().ci(), HUB, null, TOOLING, "hub");
        assertActsInTheRoleAccount(target().hub(), PROD_DEPLOY, PROD_EXTERNAL_ID, PROD, "deploy");
    }

    @Test
    void chainedRoles_actInTheLastRoleAccount() {
        AwsCredentialsProvider hub = AwsContractTarget.credentials(target().sts(target().ci())
                .assumeRole(r -> r.roleArn(HUB).roleSessionName("hop-1")));
        AwsCredentialsProvider staging = AwsContractTarget.credentials(target().sts(hub).assumeRole(
                r -> r.roleArn(STAGING_DEPLOY).roleSessionName("hop-2").durationSeconds(3600)));

        assertEquals(STAGING, target().sts(staging).getCallerIdentity().account());
    }

    @Test
    void sessionName_longerThan64_isRejected() {
        Expect.awsError(400, "ValidationError", () -> target().sts(target().ci()).assumeRole(
                r -> r.roleArn(HUB).roleSessionName("s".repeat(65))));
    }

    private void assertActsInTheRoleAccount(AwsCredentialsProvider base, String roleArn, @Nullable String externalId,
            String roleAccount, String roleName) {
        AssumeRoleResponse response = target().sts(base).assumeRole(r -> r.roleArn(roleArn)
                .roleSessionName("session-1").externalId(externalId));

        GetCallerIdentityResponse identity = target().sts(AwsContractTarget.credentials(response)).getCallerIdentity();
        assertEquals(roleAccount, identity.account());
        assertEquals("arn:aws:sts::" + roleAccount + ":assumed-role/" + roleName + "/session-1", identity.arn());
        assertEquals(identity.arn(), response.assumedRoleUser().arn());
        assertTrue(identity.userId().endsWith(":session-1"), identity.userId());
        assertTrue(response.credentials().accessKeyId().startsWith("ASIA"), "session keys start with ASIA");
    }
}
