package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.TestLandscape.CI_USER;
import static dev.airlock.testkit.aws.TestLandscape.HUB;
import static dev.airlock.testkit.aws.TestLandscape.PROD;
import static dev.airlock.testkit.aws.TestLandscape.PROD_DEPLOY;
import static dev.airlock.testkit.aws.TestLandscape.PROD_EXTERNAL_ID;
import static dev.airlock.testkit.aws.TestLandscape.STAGING;
import static dev.airlock.testkit.aws.TestLandscape.STAGING_DEPLOY;
import static dev.airlock.testkit.aws.TestLandscape.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.testkit.aws.contract.Expect;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

class FakeStsTest {
    private static final String READER = "arn:aws:iam::222222222222:role/reader";
    private static final String LONG_SESSIONS = "arn:aws:iam::222222222222:role/batch";

    private final TestLandscape aws = new TestLandscape();

    @Test
    @StricterThanMoto("Trust policies are checked across accounts")
    void assumeRole_byUntrustedUser_isDeniedAcrossAccounts() {
        StsStrictness.assumeRole_byUntrustedPrincipal_isDeniedNamingCallerAndRole(aws, aws.ci(), CI_USER, PROD_DEPLOY);
    }

    @Test
    @StricterThanMoto("Trust policies are checked across accounts")
    void assumeRole_byHubSessionOfAnUntrustedRole_isDeniedNamingTheSession() {
        aws.world.putRole(IamRole.of(READER, TrustPolicy.trusting(CI_USER)));

        StsStrictness.assumeRole_byUntrustedPrincipal_isDeniedNamingCallerAndRole(aws, aws.hub(),
                "arn:aws:sts::111111111111:assumed-role/hub/build-42", READER);
    }

    @Test
    void assumeRole_whenTrustNamesTheAccount_admitsEveryIdentityOfIt() {
        aws.world.putRole(IamRole.of(READER, TrustPolicy.trusting(TOOLING)));

        aws.sts(aws.ci()).assumeRole(r -> r.roleArn(READER).roleSessionName("s1"));
        aws.sts(aws.hub()).assumeRole(r -> r.roleArn(READER).roleSessionName("s1"));
    }

    @Test
    @StricterThanMoto("Trust policies are checked across accounts")
    void assumeRole_whenTrustNamesOneSession_admitsOnlyThatSession() {
        aws.world.putRole(IamRole.of(READER,
                TrustPolicy.trusting("arn:aws:sts::111111111111:assumed-role/hub/build-42")));

        aws.sts(aws.hub()).assumeRole(r -> r.roleArn(READER).roleSessionName("s1"));
        AwsCredentialsProvider otherSession = TestLandscape.credentials(
                aws.sts(aws.ci()).assumeRole(r -> r.roleArn(HUB).roleSessionName("build-43")));
        Expect.awsError(403, "AccessDenied",
                () -> aws.sts(otherSession).assumeRole(r -> r.roleArn(READER).roleSessionName("s1")));
    }

    @Test
    @StricterThanMoto("Trust policies are checked across accounts")
    void assumeRole_ofUnknownRole_isDeniedLikeAnUntrustedOne() {
        Expect.awsError(403, "AccessDenied", () -> aws.sts(aws.ci()).assumeRole(
                r -> r.roleArn("arn:aws:iam::333333333333:role/missing").roleSessionName("s1")));
    }

    @Test
    @StricterThanMoto("`ExternalId` required by the trust policy")
    void assumeRole_withoutTheRequiredExternalId_isDenied() {
        StsStrictness.assumeRole_withoutOrWithWrongExternalId_isDenied(aws, aws.hub(), PROD_DEPLOY, PROD_EXTERNAL_ID);
    }

    @Test
    @StricterThanMoto("`DurationSeconds` 900–43200")
    void assumeRole_withDurationOutsideTheApiRange_isRejected() {
        StsStrictness.durationSeconds_outside900To43200_isRejected(aws, aws.ci(), HUB);
    }

    @Test
    @StricterThanMoto("`DurationSeconds` 900–43200")
    void assumeRole_withDurationAboveTheRoleMaximum_isRejected() {
        StsStrictness.durationSeconds_aboveTheRoleMaximum_isRejected(aws, aws.ci(), HUB);
    }

    @Test
    @StricterThanMoto("`DurationSeconds` 900–43200")
    void assumeRole_chainedForMoreThanOneHour_isRejectedEvenWhenTheRoleAllowsTwelve() {
        aws.world.putRole(IamRole.builder(LONG_SESSIONS).trust(TrustPolicy.trusting(CI_USER, HUB))
                .maxSessionDuration(Duration.ofHours(12)).build());

        StsStrictness.chainedSession_longerThanOneHour_isRejectedEvenWhenTheRoleAllowsMore(aws, aws.ci(),
                LONG_SESSIONS, aws.hub());
    }

    @Test
    @StricterThanMoto("`SourceIdentity` needs `sts:SetSourceIdentity`")
    void sourceIdentity_persistsDownTheChainAndCannotChange() {
        StsStrictness.sourceIdentity_persistsDownTheChainAndCannotChange(aws, aws.ci(), HUB, PROD_DEPLOY,
                PROD_EXTERNAL_ID);
    }

    @Test
    @StricterThanMoto("`SourceIdentity` needs `sts:SetSourceIdentity`")
    void sourceIdentity_whenTheTrustDoesNotAllowIt_isDeniedSetOrInherited() {
        aws.world.putRole(IamRole.of(READER, TrustPolicy.trusting(CI_USER, HUB)));
        AwsCredentialsProvider hubWithSourceIdentity = TestLandscape.credentials(aws.sts(aws.ci())
                .assumeRole(r -> r.roleArn(HUB).roleSessionName("build-42").sourceIdentity("alice")));

        StsStrictness.sourceIdentity_whenTrustLacksSetSourceIdentity_isDenied(aws, aws.ci(), hubWithSourceIdentity,
                READER);
    }

    @Test
    @StricterThanMoto("`SourceIdentity` needs `sts:SetSourceIdentity`")
    void sourceIdentity_isAbsentUnlessSet() {
        StsStrictness.assumeRole_responseCarriesNoSourceIdentityUnlessSet(aws, aws.ci(), HUB);
    }

    @Test
    @StricterThanMoto("Session tags need `sts:TagSession`")
    void sessionTags_whenTheTrustDoesNotAllowTagSession_areDenied() {
        aws.world.putRole(IamRole.of(READER, TrustPolicy.trusting(CI_USER)));

        StsStrictness.sessionTags_whenTrustLacksTagSession_isDenied(aws, aws.ci(), READER);
    }

    @Test
    @StricterThanMoto("Session tags need `sts:TagSession`")
    void transitiveTags_passDownTheChainAndCannotBeOverridden() {
        StsStrictness.transitiveTags_passDownTheChainAndCannotBeOverridden(aws, aws.ci(), HUB, STAGING_DEPLOY, null);
    }

    @Test
    @StricterThanMoto("Session tags need `sts:TagSession`")
    void transitiveTags_whenTheNextTrustDoesNotAllowTagSession_areDenied() {
        aws.world.putRole(IamRole.of(READER, TrustPolicy.trusting(HUB)));
        AssumeRoleResponse hub = aws.sts(aws.ci()).assumeRole(r -> r.roleArn(HUB).roleSessionName("hop-1")
                .tags(software.amazon.awssdk.services.sts.model.Tag.builder().key("promotion").value("7").build())
                .transitiveTagKeys("promotion"));

        Expect.awsError(403, "AccessDenied", () -> aws.sts(TestLandscape.credentials(hub))
                .assumeRole(r -> r.roleArn(READER).roleSessionName("hop-2")));
    }

    @Test
    @StricterThanMoto("Trust policies are checked across accounts")
    void assumeRole_byRootUser_isDenied() {
        aws.world.putRole(IamRole.of(READER, TrustPolicy.trusting(STAGING)));

        StsStrictness.rootUser_cannotAssumeRoles(aws, aws.root(STAGING), READER);
    }

    @Test
    @StricterThanMoto("`RoleSessionName`/`SourceIdentity` match")
    void assumeRole_withSessionNameOutsideThePattern_isRejected() {
        StsStrictness.sessionName_outsideThePattern_isRejected(aws, aws.ci(), HUB);
    }

    @Test
    @StricterThanMoto("Session policies")
    void assumeRole_withSessionPolicyTooLongOrMalformed_isRejected() {
        StsStrictness.sessionPolicy_longerThan2048OrMalformed_isRejected(aws, aws.ci(), HUB);
    }

    @Test
    @StricterThanMoto("Session credentials expire on the clock")
    void sessionCredentials_afterExpiry_areRefusedByEveryService() {
        StsStrictness.expiredSession_isRefusedWithEachServicesExpiredTokenError(aws, aws.deploy(PROD_DEPLOY),
                () -> aws.clock.advance(Duration.ofHours(1)));
    }

    @Test
    void sessionCredentials_oneSecondBeforeExpiry_stillWork() {
        AwsCredentialsProvider session = TestLandscape.credentials(aws.sts(aws.ci())
                .assumeRole(r -> r.roleArn(HUB).roleSessionName("s1").durationSeconds(900)));

        aws.clock.advance(Duration.ofSeconds(899));

        assertEquals(TOOLING, aws.sts(session).getCallerIdentity().account());
    }

    @Test
    void assumeRole_reportsTheExpirationOnTheWorldClock() {
        AssumeRoleResponse response = aws.sts(aws.ci())
                .assumeRole(r -> r.roleArn(HUB).roleSessionName("s1").durationSeconds(1800));

        assertEquals(aws.now().plusSeconds(1800), response.credentials().expiration());
    }

    @Test
    @StricterThanMoto("Session policies")
    void sessionPolicy_narrowsWhatTheSessionMayDo() {
        aws.s3(aws.root(PROD)).createBucket(b -> b.bucket("prod-artifacts")
                .createBucketConfiguration(c -> c.locationConstraint(TestLandscape.REGION.id())));
        String readOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + "[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::prod-artifacts\","
                + "\"arn:aws:s3:::prod-artifacts/*\"]}]}";
        AwsCredentialsProvider narrowed = TestLandscape.credentials(aws.sts(aws.hub()).assumeRole(r -> r
                .roleArn(PROD_DEPLOY).roleSessionName("p7").externalId(PROD_EXTERNAL_ID).policy(readOnly)));

        aws.s3(narrowed).listObjectsV2(l -> l.bucket("prod-artifacts"));
        Expect.awsError(403, "AccessDenied", () -> aws.s3(narrowed).putObject(p -> p.bucket("prod-artifacts")
                .key("x"), software.amazon.awssdk.core.sync.RequestBody.fromString("x")));
    }

    @Test
    void rolePermissionsPolicy_limitsItsSessions_andExplicitDenyWins() {
        aws.world.putRole(IamRole.builder(READER).trust(TrustPolicy.trusting(CI_USER))
                .permissionsPolicy("{\"Version\":\"2012-10-17\",\"Statement\":["
                        + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"s3:CreateBucket\",\"Resource\":\"*\"}]}")
                .build());
        AwsCredentialsProvider reader = TestLandscape.credentials(
                aws.sts(aws.ci()).assumeRole(r -> r.roleArn(READER).roleSessionName("s1")));

        Expect.awsError(403, "AccessDenied", () -> aws.s3(reader).createBucket(b -> b.bucket("denied-bucket")
                .createBucketConfiguration(c -> c.locationConstraint(TestLandscape.REGION.id()))));
        assertThrows(NoSuchBucketException.class, () -> aws.s3(reader).headBucket(h -> h.bucket("missing-bucket")));
        Expect.awsError(400, "AccessDeniedException", () -> aws.ecr(reader).createRepository(c -> c.repositoryName("app")));
    }

    @Test
    void removedRole_cannotBeAssumed_andItsSessionsLoseTheirPermissions() {
        aws.world.putRole(IamRole.of(READER, TrustPolicy.trusting(CI_USER)));
        AwsCredentialsProvider reader = TestLandscape.credentials(
                aws.sts(aws.ci()).assumeRole(r -> r.roleArn(READER).roleSessionName("s1")));

        aws.world.removeRole(READER);

        Expect.awsError(403, "AccessDenied",
                () -> aws.sts(aws.ci()).assumeRole(r -> r.roleArn(READER).roleSessionName("s1")));
        Expect.awsError(400, "AccessDeniedException", () -> aws.ecr(reader).createRepository(c -> c.repositoryName("app")));
    }

    @Test
    void credentials_unknownToTheWorld_areRefusedByEveryService() {
        AwsCredentialsProvider stranger =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAUNKNOWN0000000000", "secret"));

        Expect.awsError(403, "InvalidClientTokenId", () -> aws.sts(stranger).getCallerIdentity());
        Expect.awsError(403, "InvalidAccessKeyId", () -> aws.s3(stranger).listBuckets());
        Expect.awsError(403, "UnrecognizedClientException", () -> aws.ecr(stranger).describeRepositories());
    }

    @Test
    void credentials_withTheWrongSecretOrToken_areRefused() {
        AwsCredentials real = aws.ci().resolveCredentials();
        AwsCredentialsProvider wrongSecret = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(real.accessKeyId(), "not-the-secret"));
        AwsCredentialsProvider unexpectedToken = StaticCredentialsProvider.create(
                AwsSessionCredentials.create(real.accessKeyId(), real.secretAccessKey(), "token"));

        Expect.awsError(403, "SignatureDoesNotMatch", () -> aws.sts(wrongSecret).getCallerIdentity());
        Expect.awsError(403, "InvalidClientTokenId", () -> aws.sts(unexpectedToken).getCallerIdentity());
    }

    @Test
    void roleSessionCredentials_actAsTheRole_andAssumingFromThemIsChaining() {
        AwsCredentialsProvider ciRole = aws.world.roleSessionCredentials(HUB, "github-run-1");

        assertEquals("arn:aws:sts::111111111111:assumed-role/hub/github-run-1",
                aws.sts(ciRole).getCallerIdentity().arn());
        Expect.awsError(400, "ValidationError", () -> aws.sts(ciRole).assumeRole(r -> r.roleArn(STAGING_DEPLOY)
                .roleSessionName("s1").durationSeconds(7200)));
    }
}
