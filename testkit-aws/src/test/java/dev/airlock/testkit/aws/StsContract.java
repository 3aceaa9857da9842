package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS behaviours that the fake and moto_server share. Each helper uses only the SDK interfaces. */
final class StsContract {
    private StsContract() {
    }

    static void callerIdentity_ofUser_isTheUser(AwsClients aws, AwsCredentialsProvider user, String userArn,
            String account) {
        GetCallerIdentityResponse identity = aws.sts(user).getCallerIdentity();

        assertEquals(account, identity.account());
        assertEquals(userArn, identity.arn());
    }

    static void assumedRole_actsInTheRoleAccount(AwsClients aws, AwsCredentialsProvider base, String roleArn,
            @Nullable String externalId, String roleAccount, String roleName) {
        AssumeRoleResponse response = aws.sts(base).assumeRole(r -> r.roleArn(roleArn).roleSessionName("session-1")
                .externalId(externalId));

        GetCallerIdentityResponse identity = aws.sts(TestLandscape.credentials(response)).getCallerIdentity();
        assertEquals(roleAccount, identity.account());
        assertEquals("arn:aws:sts::" + roleAccount + ":assumed-role/" + roleName + "/session-1", identity.arn());
        assertEquals(identity.arn(), response.assumedRoleUser().arn());
        assertTrue(identity.userId().endsWith(":session-1"), identity.userId());
        assertTrue(response.credentials().accessKeyId().startsWith("ASIA"), "session keys start with ASIA");
    }

    static void chainedRoles_actInTheLastRoleAccount(AwsClients aws, AwsCredentialsProvider base, String hubArn,
            String targetArn, @Nullable String externalId, String targetAccount) {
        AwsCredentialsProvider hub = TestLandscape.credentials(
                aws.sts(base).assumeRole(r -> r.roleArn(hubArn).roleSessionName("hop-1")));
        AwsCredentialsProvider target = TestLandscape.credentials(aws.sts(hub).assumeRole(
                r -> r.roleArn(targetArn).roleSessionName("hop-2").externalId(externalId).durationSeconds(3600)));

        assertEquals(targetAccount, aws.sts(target).getCallerIdentity().account());
    }

    static void sessionName_longerThan64_isRejected(AwsClients aws, AwsCredentialsProvider base, String roleArn) {
        Expect.awsError(400, "ValidationError", () -> aws.sts(base).assumeRole(
                r -> r.roleArn(roleArn).roleSessionName("s".repeat(65))));
    }
}
