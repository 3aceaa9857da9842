package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.airlock.testkit.aws.contract.Expect;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * STS behaviours of AWS that moto does not reproduce, so only the fake can be held to them: trust checked
 * across accounts, ExternalId, SourceIdentity and session tag permissions, duration limits.
 */
final class StsStrictness {
    private StsStrictness() {
    }

    static void assumeRole_byUntrustedPrincipal_isDeniedNamingCallerAndRole(TestLandscape aws,
            AwsCredentialsProvider untrusted, String callerArn, String roleArn) {
        AwsServiceException e = Expect.awsError(403, "AccessDenied",
                () -> aws.sts(untrusted).assumeRole(r -> r.roleArn(roleArn).roleSessionName("nope")));

        assertEquals("User: " + callerArn + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn,
                e.awsErrorDetails().errorMessage());
    }

    static void assumeRole_withoutOrWithWrongExternalId_isDenied(TestLandscape aws, AwsCredentialsProvider base,
            String roleArn, String externalId) {
        StsClient sts = aws.sts(base);
        Expect.awsError(403, "AccessDenied", () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")));
        Expect.awsError(403, "AccessDenied", () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")
                .externalId(externalId + "-wrong")));
        sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").externalId(externalId));
    }

    static void durationSeconds_outside900To43200_isRejected(TestLandscape aws, AwsCredentialsProvider base,
            String roleArn) {
        StsClient sts = aws.sts(base);
        Expect.awsError(400, "ValidationError",
                () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").durationSeconds(899)));
        Expect.awsError(400, "ValidationError",
                () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").durationSeconds(43201)));
    }

    /** {@code roleArn} must allow 12-hour sessions; the first hop may use them, a chained hop may not. */
    static void chainedSession_longerThanOneHour_isRejectedEvenWhenTheRoleAllowsMore(TestLandscape aws,
            AwsCredentialsProvider base, String twelveHourRoleArn, AwsCredentialsProvider session) {
        aws.sts(base).assumeRole(r -> r.roleArn(twelveHourRoleArn).roleSessionName("first").durationSeconds(43200));

        AwsServiceException e = Expect.awsError(400, "ValidationError", () -> aws.sts(session).assumeRole(
                r -> r.roleArn(twelveHourRoleArn).roleSessionName("chained").durationSeconds(3601)));
        assertEquals("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role "
                + "chaining.", e.awsErrorDetails().errorMessage());
    }

    static void durationSeconds_aboveTheRoleMaximum_isRejected(TestLandscape aws, AwsCredentialsProvider base,
            String oneHourRoleArn) {
        AwsServiceException e = Expect.awsError(400, "ValidationError", () -> aws.sts(base).assumeRole(
                r -> r.roleArn(oneHourRoleArn).roleSessionName("s1").durationSeconds(7200)));

        assertEquals("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
                e.awsErrorDetails().errorMessage());
    }

    static void sourceIdentity_persistsDownTheChainAndCannotChange(TestLandscape aws, AwsCredentialsProvider base,
            String hubArn, String targetArn, @Nullable String externalId) {
        AssumeRoleResponse hub = aws.sts(base).assumeRole(r -> r.roleArn(hubArn).roleSessionName("hop-1")
                .sourceIdentity("alice@example.com"));
        StsClient fromHub = aws.sts(TestLandscape.credentials(hub));

        AssumeRoleResponse inherited = fromHub.assumeRole(r -> r.roleArn(targetArn).roleSessionName("hop-2")
                .externalId(externalId));
        assertEquals("alice@example.com", hub.sourceIdentity());
        assertEquals("alice@example.com", inherited.sourceIdentity());

        fromHub.assumeRole(r -> r.roleArn(targetArn).roleSessionName("hop-2").externalId(externalId)
                .sourceIdentity("alice@example.com"));
        Expect.awsError(403, "AccessDenied", () -> fromHub.assumeRole(r -> r.roleArn(targetArn)
                .roleSessionName("hop-2").externalId(externalId).sourceIdentity("mallory")));
    }

    /** {@code roleArn}'s trust must not allow sts:SetSourceIdentity. */
    static void sourceIdentity_whenTrustLacksSetSourceIdentity_isDenied(TestLandscape aws, AwsCredentialsProvider base,
            AwsCredentialsProvider sessionWithSourceIdentity, String roleArn) {
        Expect.awsError(403, "AccessDenied", () -> aws.sts(base).assumeRole(
                r -> r.roleArn(roleArn).roleSessionName("s1").sourceIdentity("alice")));
        aws.sts(base).assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1"));

        AwsServiceException inherited = Expect.awsError(403, "AccessDenied", () -> aws.sts(sessionWithSourceIdentity)
                .assumeRole(r -> r.roleArn(roleArn).roleSessionName("s2")));
        assertEquals(true, inherited.awsErrorDetails().errorMessage().contains("sts:SetSourceIdentity"));
    }

    /** {@code roleArn}'s trust must not allow sts:TagSession. */
    static void sessionTags_whenTrustLacksTagSession_isDenied(TestLandscape aws, AwsCredentialsProvider base,
            String roleArn) {
        AwsServiceException e = Expect.awsError(403, "AccessDenied", () -> aws.sts(base).assumeRole(
                r -> r.roleArn(roleArn).roleSessionName("s1").tags(Tag.builder().key("promotion").value("7").build())));

        assertEquals(true, e.awsErrorDetails().errorMessage().contains("sts:TagSession"));
    }

    static void transitiveTags_passDownTheChainAndCannotBeOverridden(TestLandscape aws, AwsCredentialsProvider base,
            String hubArn, String targetArn, @Nullable String externalId) {
        AssumeRoleResponse hub = aws.sts(base).assumeRole(r -> r.roleArn(hubArn).roleSessionName("hop-1")
                .tags(Tag.builder().key("promotion").value("7").build(), Tag.builder().key("env").value("prod").build())
                .transitiveTagKeys("promotion"));
        StsClient fromHub = aws.sts(TestLandscape.credentials(hub));

        fromHub.assumeRole(r -> r.roleArn(targetArn).roleSessionName("hop-2").externalId(externalId)
                .tags(Tag.builder().key("env").value("staging").build()));
        Expect.awsError(400, "InvalidParameterValue", () -> fromHub.assumeRole(r -> r.roleArn(targetArn)
                .roleSessionName("hop-2").externalId(externalId)
                .tags(Tag.builder().key("PROMOTION").value("8").build())));
    }

    static void rootUser_cannotAssumeRoles(TestLandscape aws, AwsCredentialsProvider root, String roleArn) {
        AwsServiceException e = Expect.awsError(403, "AccessDenied",
                () -> aws.sts(root).assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")));

        assertEquals("Roles may not be assumed by root accounts.", e.awsErrorDetails().errorMessage());
    }

    static void sessionName_outsideThePattern_isRejected(TestLandscape aws, AwsCredentialsProvider base, String roleArn) {
        Expect.awsError(400, "ValidationError",
                () -> aws.sts(base).assumeRole(r -> r.roleArn(roleArn).roleSessionName("has space")));
        Expect.awsError(400, "ValidationError",
                () -> aws.sts(base).assumeRole(r -> r.roleArn(roleArn).roleSessionName("x")));
    }

    static void sessionPolicy_longerThan2048OrMalformed_isRejected(TestLandscape aws, AwsCredentialsProvider base,
            String roleArn) {
        String tooLong = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + "b".repeat(2048) + "/*\"}]}";
        Expect.awsError(400, "ValidationError",
                () -> aws.sts(base).assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").policy(tooLong)));
        Expect.awsError(400, "MalformedPolicyDocument",
                () -> aws.sts(base).assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").policy("{not json")));
    }

    /** The credentials stop working when the clock passes their expiration, in every service. */
    static void expiredSession_isRefusedWithEachServicesExpiredTokenError(TestLandscape aws,
            AwsCredentialsProvider session, Runnable passOneHour) {
        aws.sts(session).getCallerIdentity();
        passOneHour.run();

        Expect.awsError(403, "ExpiredToken", () -> aws.sts(session).getCallerIdentity());
        Expect.awsError(400, "ExpiredToken", () -> aws.s3(session).listBuckets());
        Expect.awsError(400, "ExpiredTokenException", () -> aws.ecr(session).describeRepositories());
    }

    static void assumeRole_responseCarriesNoSourceIdentityUnlessSet(TestLandscape aws, AwsCredentialsProvider base,
            String roleArn) {
        assertNull(aws.sts(base).assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1")).sourceIdentity());
    }
}
