package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.TestLandscape.CI_USER;
import static dev.airlock.testkit.aws.TestLandscape.HUB;
import static dev.airlock.testkit.aws.TestLandscape.PROD;
import static dev.airlock.testkit.aws.TestLandscape.PROD_DEPLOY;
import static dev.airlock.testkit.aws.TestLandscape.PROD_EXTERNAL_ID;
import static dev.airlock.testkit.aws.TestLandscape.REGION;
import static dev.airlock.testkit.aws.TestLandscape.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.testkit.aws.contract.Expect;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sts.model.Tag;

class CallRecordTest {
    private final TestLandscape aws = new TestLandscape();

    @Test
    void assumeRole_isRecordedWithCallerAndTheFieldsAwsIgnoresInMoto() {
        AwsCredentialsProvider hub = TestLandscape.credentials(aws.sts(aws.ci()).assumeRole(r -> r.roleArn(HUB)
                .roleSessionName("build-42").sourceIdentity("alice")));
        aws.world.clearCalls();

        aws.sts(hub).assumeRole(r -> r.roleArn(PROD_DEPLOY).roleSessionName("promotion-7").externalId(PROD_EXTERNAL_ID)
                .durationSeconds(900).tags(Tag.builder().key("promotion").value("7").build()));

        AwsCall call = aws.world.calls(AwsService.STS, "AssumeRole").get(0);
        assertEquals(aws.now(), call.time());
        assertEquals(TOOLING, call.account());
        assertEquals("arn:aws:sts::111111111111:assumed-role/hub/build-42", call.principalArn());
        assertEquals("alice", call.sourceIdentity());
        assertEquals(REGION.id(), call.region());
        assertEquals(PROD_DEPLOY, call.field("RoleArn"));
        assertEquals("promotion-7", call.field("RoleSessionName"));
        assertEquals(PROD_EXTERNAL_ID, call.field("ExternalId"));
        assertEquals("900", call.field("DurationSeconds"));
        assertTrue(call.field("Tags").contains("promotion"), call.field("Tags"));
        assertNull(call.field("SourceIdentity"), "not sent on this hop; the session inherits it");
        assertTrue(call.succeeded());
        assertEquals(200, call.statusCode());
    }

    @Test
    void failedCalls_areRecordedWithTheirErrorCode_andCallsOfTheDeployRoleActInProd() {
        AwsCredentialsProvider deploy = aws.deploy(PROD_DEPLOY);
        aws.world.clearCalls();

        Expect.awsError(404, "NoSuchBucket", () -> aws.s3(deploy).putObject(p -> p.bucket("missing-bucket").key("k")
                .expectedBucketOwner(PROD), RequestBody.fromString("x")));

        AwsCall call = aws.world.calls().get(0);
        assertEquals(AwsService.S3, call.service());
        assertEquals("PutObject", call.operation());
        assertEquals(PROD, call.account());
        assertEquals("arn:aws:sts::333333333333:assumed-role/deploy/promotion-7", call.principalArn());
        assertEquals(PROD, call.field("ExpectedBucketOwner"));
        assertEquals("missing-bucket", call.field("Bucket"));
        assertFalse(call.succeeded());
        assertEquals(404, call.statusCode());
        assertEquals("NoSuchBucket", call.errorCode());
    }

    @Test
    void callsWithUnknownCredentials_areRecordedWithoutAPrincipal() {
        Expect.awsError(403, "InvalidClientTokenId", () -> aws.sts(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAUNKNOWN000000000", "x"))).getCallerIdentity());

        AwsCall call = aws.world.calls().get(0);
        assertNull(call.account());
        assertNull(call.principalArn());
        assertEquals("InvalidClientTokenId", call.errorCode());
    }

    @Test
    void records_neverContainSecrets() {
        AwsSessionCredentials hub = (AwsSessionCredentials) aws.hub().resolveCredentials();
        aws.s3(aws.hub()).listBuckets();

        String everything = aws.world.calls().toString();
        assertFalse(everything.contains(hub.secretAccessKey()));
        assertFalse(everything.contains(hub.sessionToken()));
        assertFalse(everything.contains(aws.ci().resolveCredentials().secretAccessKey()));
        assertTrue(everything.contains(CI_USER));
    }

    @Test
    void binaryPayloads_areRecordedBySize() {
        aws.ecr(aws.root(TOOLING)).createRepository(c -> c.repositoryName("app"));
        Images.uploadLayer(aws.ecr(aws.root(TOOLING)), "app", Images.blob("twelve bytes"));

        assertEquals("<12 bytes>", aws.world.calls(AwsService.ECR, "UploadLayerPart").get(0).field("LayerPartBlob"));
    }

    @Test
    void calls_areKeptInArrivalOrder_andCanBeCleared() {
        aws.sts(aws.ci()).getCallerIdentity();
        aws.s3(aws.ci()).listBuckets();

        assertEquals(List.of("GetCallerIdentity", "ListBuckets"),
                aws.world.calls().stream().map(AwsCall::operation).toList());
        aws.world.clearCalls();
        assertEquals(List.of(), aws.world.calls());
    }
}
