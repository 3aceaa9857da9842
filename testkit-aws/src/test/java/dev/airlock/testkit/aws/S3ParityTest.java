package dev.airlock.testkit.aws;

import static dev.airlock.testkit.aws.TestLandscape.PROD;
import static dev.airlock.testkit.aws.TestLandscape.PROD_DEPLOY;
import static dev.airlock.testkit.aws.TestLandscape.REGION;
import static dev.airlock.testkit.aws.TestLandscape.STAGING;
import static dev.airlock.testkit.aws.TestLandscape.TOOLING;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 behaviours the fake shares with moto_server, run against both ({@link S3ParityOnFakesTest},
 * {@link S3ParityOnMotoTest}) so the fake cannot drift from a real implementation of the API.
 */
abstract class S3ParityTest {
    private static final String TOOLING_BUCKET = "tooling-artifacts";
    private static final String PROD_BUCKET = "prod-artifacts";

    final ParityTarget aws = target();
    final S3Client tooling = aws.s3(aws.account(TOOLING));
    final S3Client prod = aws.s3(aws.account(PROD));

    S3ParityTest() {
        S3Contract.createBucket(tooling, TOOLING_BUCKET, REGION);
        S3Contract.createBucket(prod, PROD_BUCKET, REGION);
    }

    abstract ParityTarget target();

    @AfterEach
    void closeClients() {
        aws.close();
    }

    @Test
    void createBucket_followsTheLocationConstraintRules() {
        S3Contract.createBucket_followsTheLocationConstraintRules(aws, aws.account(STAGING));
    }

    @Test
    void createBucket_whenTheNameIsTaken_isRefused() {
        S3Contract.createBucket_whenTheNameIsTaken_isRefused(aws, aws.account(STAGING), aws.account(PROD), REGION);
    }

    @Test
    void createBucket_withAnInvalidName_isRefusedByTheClient() {
        S3Contract.createBucket_withAnInvalidName_isRefusedByTheClient(prod);
    }

    @Test
    void putThenGet_returnsTheSameBytesAndMetadata() {
        S3Contract.putThenGet_returnsTheSameBytesAndMetadata(prod, PROD_BUCKET);
    }

    @Test
    void getAndHead_ofAMissingKey_areNoSuchKey() {
        S3Contract.missingKey_isNoSuchKey(prod, PROD_BUCKET);
    }

    @Test
    void putObject_ifNoneMatchStar_createsOnlyOnce() {
        S3Contract.ifNoneMatchStar_createsOnlyOnce(prod, PROD_BUCKET);
    }

    @Test
    void putObject_ifMatch_overwritesOnlyTheExpectedVersion() {
        S3Contract.ifMatch_overwritesOnlyTheExpectedVersion(prod, PROD_BUCKET);
    }

    @Test
    void versioning_keepsEveryVersion_andDeleteAddsAMarker() {
        S3Contract.versioning_keepsEveryVersion_andDeleteAddsAMarker(prod, PROD_BUCKET);
    }

    @Test
    void listObjectsV2_groupsByDelimiterAndPages() {
        S3Contract.listObjectsV2_groupsByDelimiterAndPages(prod, PROD_BUCKET);
    }

    @Test
    void copyObject_acrossAccounts_whenTheSourcePolicyAllows() {
        S3Contract.copyObject_acrossAccounts_whenTheSourcePolicyAllows(tooling, TOOLING_BUCKET,
                aws.s3(aws.deploy(PROD_DEPLOY)), PROD_DEPLOY, PROD_BUCKET);
    }

    @Test
    void uploadPartCopy_acrossAccounts_assemblesTheSource() {
        S3Contract.uploadPartCopy_acrossAccounts_assemblesTheSource(tooling, TOOLING_BUCKET,
                aws.s3(aws.deploy(PROD_DEPLOY)), PROD, PROD_BUCKET);
    }

    @Test
    void multipartUpload_assemblesPartsInOrder() {
        S3Contract.multipart_assemblesPartsInOrder_withTheMultipartEtag(prod, PROD_BUCKET);
    }

    @Test
    void multipartUpload_withASmallPartBeforeTheLast_isEntityTooSmall() {
        S3Contract.multipart_withASmallPartBeforeTheLast_isEntityTooSmall(prod, PROD_BUCKET);
    }

    @Test
    void retainedVersion_cannotBeDeleted_butTheKeyCanBeHidden() {
        S3Contract.createBucketWithObjectLock(prod, "prod-locked", REGION);

        S3Contract.retainedVersion_cannotBeDeleted_butTheKeyCanBeHidden(prod, "prod-locked", aws.now());
    }

    @Test
    void objectLockUpload_withoutAnyChecksum_isRefused() {
        S3Contract.createBucketWithObjectLock(prod, "prod-locked", REGION);

        S3Contract.objectLockUpload_withoutAnyChecksum_isRefused(prod, "prod-locked", aws.now());
    }

    @Test
    void copyObject_computesTheChecksumOfTheCopy() {
        S3Contract.copyObject_computesTheChecksumOfTheCopy(prod, PROD_BUCKET);
    }
}
