package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.TestLandscape.CI_USER;
import static dev.airlock.testkit.aws.TestLandscape.HUB;
import static dev.airlock.testkit.aws.TestLandscape.PROD;
import static dev.airlock.testkit.aws.TestLandscape.PROD_DEPLOY;
import static dev.airlock.testkit.aws.TestLandscape.REGION;
import static dev.airlock.testkit.aws.TestLandscape.STAGING;
import static dev.airlock.testkit.aws.TestLandscape.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.testkit.aws.contract.Expect;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class FakeS3Test {
    private static final String TOOLING_BUCKET = "tooling-artifacts";
    private static final String PROD_BUCKET = "prod-artifacts";

    private final TestLandscape aws = new TestLandscape();
    private final S3Client tooling = aws.s3(aws.root(TOOLING));
    private final S3Client prod = aws.s3(aws.root(PROD));

    FakeS3Test() {
        Buckets.create(tooling, TOOLING_BUCKET, REGION);
        Buckets.create(prod, PROD_BUCKET, REGION);
    }

    @Test
    void createBucket_withAnInvalidName_isRefusedByTheClient() {
        assertThrows(IllegalArgumentException.class, () -> prod.createBucket(b -> b.bucket("Upper_Case")));
        assertThrows(IllegalArgumentException.class, () -> prod.createBucket(b -> b.bucket("192.168.1.1")));

        assertEquals(java.util.List.of(), aws.world.calls(AwsService.S3, "CreateBucket").stream()
                .filter(c -> !c.succeeded()).toList(), "nothing was sent");
    }

    @Test
    void operations_onAMissingBucket_areNoSuchBucket() {
        assertThrows(software.amazon.awssdk.services.s3.model.NoSuchBucketException.class,
                () -> prod.listObjectsV2(l -> l.bucket("no-such-bucket")));
    }

    @Test
    void getObject_withConditions_answers412Or304() {
        String etag = prod.putObject(p -> p.bucket(PROD_BUCKET).key("k"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x")).eTag();

        Expect.awsError(412, "PreconditionFailed",
                () -> prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("k").ifMatch("\"other\"")));
        Expect.awsError(304, "NotModified", () -> prod.headObject(h -> h.bucket(PROD_BUCKET).key("k").ifNoneMatch(etag)));
        assertEquals("x", prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("k").ifMatch(etag)).asUtf8String());
    }

    @Test
    void getObject_withARange_returnsThoseBytes() {
        prod.putObject(p -> p.bucket(PROD_BUCKET).key("k"), software.amazon.awssdk.core.sync.RequestBody.fromString("0123456789"));

        assertEquals("234", prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("k").range("bytes=2-4")).asUtf8String());
        assertEquals("789", prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("k").range("bytes=-3")).asUtf8String());
        Expect.awsError(416, "InvalidRange", () -> prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("k").range("bytes=10-")));
    }

    @Test
    @StricterThanMoto("`UploadPart` on an aborted upload")
    void multipartUpload_afterAbort_isNoSuchUpload() {
        S3Strictness.multipart_afterAbort_isNoSuchUpload(prod, PROD_BUCKET);
    }

    @Test
    void multipartUpload_withPartsOutOfOrderOrUnknown_isRefused() {
        String upload = prod.createMultipartUpload(c -> c.bucket(PROD_BUCKET).key("k")).uploadId();
        String etag = prod.uploadPart(u -> u.bucket(PROD_BUCKET).key("k").uploadId(upload).partNumber(2),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x")).eTag();

        Expect.awsError(400, "InvalidPart", () -> prod.completeMultipartUpload(c -> c.bucket(PROD_BUCKET).key("k")
                .uploadId(upload).multipartUpload(m -> m.parts(
                        software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(1).eTag(etag).build()))));
        Expect.awsError(400, "InvalidPartOrder", () -> prod.completeMultipartUpload(c -> c.bucket(PROD_BUCKET).key("k")
                .uploadId(upload).multipartUpload(m -> m.parts(
                        software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(2).eTag(etag).build(),
                        software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(1).eTag(etag).build()))));
        Expect.awsError(400, "InvalidArgument", () -> prod.uploadPart(u -> u.bucket(PROD_BUCKET).key("k").uploadId(upload)
                .partNumber(10_001), software.amazon.awssdk.core.sync.RequestBody.fromString("x")));
    }

    @Test
    @StricterThanMoto("`ExpectedBucketOwner`")
    void expectedBucketOwner_otherThanTheOwner_isAccessDenied() {
        S3Strictness.expectedBucketOwner_otherThanTheOwner_isAccessDenied(prod, PROD_BUCKET, PROD, TOOLING);
    }

    @Test
    @StricterThanMoto("Cross-account S3 access needs a bucket-policy `Allow`")
    void crossAccountAccess_withoutABucketPolicy_isAccessDenied() {
        S3Strictness.crossAccountAccess_withoutABucketPolicy_isAccessDenied(tooling, aws.s3(aws.deploy(PROD_DEPLOY)),
                TOOLING_BUCKET);
    }

    @Test
    @StricterThanMoto("Cross-account S3 access needs a bucket-policy `Allow`")
    void bucketPolicy_explicitDenyBeatsAllow() {
        S3Strictness.bucketPolicy_explicitDenyBeatsAllow(tooling, aws.s3(aws.deploy(PROD_DEPLOY)), TOOLING_BUCKET,
                PROD, PROD_DEPLOY);
    }

    @Test
    @StricterThanMoto("Cross-account S3 access needs a bucket-policy `Allow`")
    void bucketPolicy_allowingARole_admitsOnlyItsSessions() {
        S3Strictness.bucketPolicy_allowingARole_admitsOnlyItsSessions(prod, aws.s3(aws.hub()), aws.s3(aws.ci()),
                PROD_BUCKET, HUB);
    }

    @Test
    @StricterThanMoto("Cross-account S3 access needs a bucket-policy `Allow`")
    void multipart_intoAnotherAccountsBucket_needsItsPolicy() {
        S3Strictness.multipart_intoAnotherAccountsBucket_needsItsPolicy(prod, aws.s3(aws.hub()), PROD_BUCKET, HUB);
    }

    @Test
    void sameAccountIdentities_needNoBucketPolicy() {
        S3Client deploy = aws.s3(aws.deploy(PROD_DEPLOY));

        deploy.putObject(p -> p.bucket(PROD_BUCKET).key("k"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));

        assertEquals("x", prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("k")).asUtf8String());
    }

    @Test
    @StricterThanMoto("Cross-account S3 access needs a bucket-policy `Allow`")
    void bucketPolicy_ofAnotherAccountsBucket_isRefused() {
        S3Strictness.bucketPolicy_ofAnotherAccountsBucket_isRefused(aws.s3(aws.ci()), PROD_BUCKET);
    }

    @Test
    @StricterThanMoto("Cross-account S3 access needs a bucket-policy `Allow`")
    void bucketPolicy_ofAnotherAccountsBucket_evenWhenAllowed_isMethodNotAllowed() {
        prod.putBucketPolicy(p -> p.bucket(PROD_BUCKET).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"AWS\":\"" + TOOLING + "\"},\"Action\":\"s3:*\",\"Resource\":"
                + "\"arn:aws:s3:::" + PROD_BUCKET + "\"}]}"));

        Expect.awsError(405, "MethodNotAllowed", () -> tooling.getBucketPolicy(g -> g.bucket(PROD_BUCKET)));
    }

    @Test
    @StricterThanMoto("Bucket and repository policies naming unknown principals")
    void bucketPolicy_namingAnUnknownPrincipalOrForeignResource_isMalformed() {
        S3Strictness.bucketPolicy_namingAnUnknownPrincipalOrForeignResource_isMalformed(prod, PROD_BUCKET);
    }

    @Test
    void bucketPolicy_withAConditionOperatorNotModeled_failsLoudlyInsteadOfBeingMisread() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> prod.putBucketPolicy(
                p -> p.bucket(PROD_BUCKET).policy("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
                        + "\"s3:*\",\"Resource\":\"arn:aws:s3:::" + PROD_BUCKET + "/*\",\"Condition\":{\"NumericLessThan\":"
                        + "{\"s3:TlsVersion\":\"1.2\"}}}]}")));

        assertEquals(true, e.getMessage().contains("NumericLessThan"), e.getMessage());
    }

    @Test
    @StricterThanMoto("Checksums are **verified**")
    void putObject_withAChecksumThatDoesNotMatch_isBadDigest() {
        S3Strictness.checksumSha256_thatDoesNotMatchTheBytes_isBadDigest(prod, PROD_BUCKET);
    }

    @Test
    @StricterThanMoto("Checksums are **verified**")
    void checksum_isStoredAndReturnedOnRequest() {
        S3Strictness.checksum_isStoredAndReturnedOnRequest(prod, PROD_BUCKET);
    }

    @Test
    @StricterThanMoto("Checksums are **verified**")
    void multipartChecksum_isComposite_andPartsMustBeListedWithChecksums() {
        S3Strictness.multipartChecksum_isComposite_andEveryPartMustBeListedWithItsChecksum(prod, PROD_BUCKET);
    }

    @Test
    @StricterThanMoto("`UploadPartCopy` into an upload with a checksum algorithm")
    void multipartCopy_partChecksumsAreComputedFromTheCopiedBytes() {
        S3Strictness.multipartCopy_partChecksumsAreComputedFromTheCopiedBytes(prod, PROD_BUCKET);
    }

    @Test
    @StricterThanMoto("A bucket of another region answers 301")
    void bucketInAnotherRegion_answersPermanentRedirect() {
        S3Strictness.bucketInAnotherRegion_answersPermanentRedirect(aws.s3(aws.root(PROD), Region.US_WEST_2), PROD_BUCKET);
    }

    @Test
    @StricterThanMoto("Object Lock: COMPLIANCE retention")
    void retention_complianceNeverWeakens_governanceOnlyWithBypass() {
        Buckets.createWithObjectLock(prod, "prod-locked", REGION);

        S3Strictness.retention_complianceNeverWeakens_governanceOnlyWithBypass(prod, "prod-locked", aws.now());
    }

    @Test
    @StricterThanMoto("Object Lock: COMPLIANCE retention")
    void retention_expiresOnTheWorldClock() {
        Buckets.createWithObjectLock(prod, "prod-locked", REGION);

        S3Strictness.retention_expires_onTheClock(prod, "prod-locked", aws.now(),
                () -> aws.clock.advance(Duration.ofDays(2)));
    }

    @Test
    @StricterThanMoto("Object Lock: COMPLIANCE retention")
    void defaultRetention_appliesToNewObjects() {
        Buckets.createWithObjectLock(prod, "prod-locked", REGION);

        S3Strictness.defaultRetention_appliesToNewObjects(prod, "prod-locked", aws.now());
    }

    @Test
    @StricterThanMoto("Object Lock: COMPLIANCE retention")
    void objectLockParameters_onABucketWithoutObjectLock_areInvalid() {
        S3Strictness.objectLockParameters_onABucketWithoutObjectLock_areInvalid(prod, PROD_BUCKET, aws.now());
    }

    @Test
    void requestFields_theFakeDoesNotModel_failLoudly() {
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> prod.putObject(
                p -> p.bucket(PROD_BUCKET).key("k").objectLockLegalHoldStatus(
                        software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus.ON),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x")));

        assertEquals(true, e.getMessage().contains("ObjectLockLegalHoldStatus"), e.getMessage());
    }

    @Test
    void deleteBucket_thatIsNotEmpty_isBucketNotEmpty() {
        prod.putObject(p -> p.bucket(PROD_BUCKET).key("k"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));

        Expect.awsError(409, "BucketNotEmpty", () -> prod.deleteBucket(d -> d.bucket(PROD_BUCKET)));
        prod.deleteObject(d -> d.bucket(PROD_BUCKET).key("k"));
        prod.deleteBucket(d -> d.bucket(PROD_BUCKET));
        assertEquals(java.util.List.of(), prod.listBuckets().buckets());
    }

    @Test
    void listBuckets_showsOnlyTheCallersAccount() {
        assertEquals(java.util.List.of(TOOLING_BUCKET),
                tooling.listBuckets().buckets().stream().map(b -> b.name()).toList());
        assertEquals(STAGING, aws.sts(aws.root(STAGING)).getCallerIdentity().account());
        assertEquals(java.util.List.of(), aws.s3(aws.root(STAGING)).listBuckets().buckets());
        assertEquals(CI_USER, aws.sts(aws.ci()).getCallerIdentity().arn());
    }
}
