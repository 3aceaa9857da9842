package dev.airlock.testkit.aws.contract;

import static dev.airlock.testkit.aws.contract.AwsContractTarget.PROD;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.PROD_DEPLOY;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.REGION;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.STAGING;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.TOOLING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 behaviours Airlock and its in-memory S3 rely on, as AWS has them: bucket creation rules,
 * conditional writes, versioning, listing, cross-account copies, multipart uploads and Object Lock.
 *
 * <p>To run it against an implementation, subclass it in test sources and implement
 * {@link #createTarget()}. Each case starts with bucket {@value #TOOLING_BUCKET} in the tooling account
 * and bucket {@value #PROD_BUCKET} in the prod account.
 */
public abstract class S3Contract extends AwsContract {
    /** The tooling account's bucket each case starts with. */
    protected static final String TOOLING_BUCKET = "tooling-artifacts";
    /** The prod account's bucket each case starts with. */
    protected static final String PROD_BUCKET = "prod-artifacts";

    private static final int MIB = 1024 * 1024;

    // Set before each case, from the case's target.
    private S3Client tooling;
    private S3Client prod;

    @BeforeEach
    void createBuckets() {
        tooling = target().s3(target().account(TOOLING));
        prod = target().s3(target().account(PROD));
        createBucket(tooling, TOOLING_BUCKET, REGION);
        createBucket(prod, PROD_BUCKET, REGION);
    }

    /** The SDK adds the client's region when no LocationConstraint is given; S3 checks the rest. */
    @Test
    void createBucket_followsTheLocationConstraintRules() {
        S3Client frankfurt = target().s3(target().account(STAGING), Region.EU_CENTRAL_1);
        S3Client virginia = target().s3(target().account(STAGING), Region.US_EAST_1);

        Expect.awsError(400, "IllegalLocationConstraintException", () -> frankfurt.createBucket(
                b -> b.bucket("wrong-constraint-bucket").createBucketConfiguration(c -> c.locationConstraint("us-west-2"))));
        Expect.awsError(400, "InvalidLocationConstraint", () -> virginia.createBucket(
                b -> b.bucket("explicit-us-east-1").createBucketConfiguration(c -> c.locationConstraint("us-east-1"))));
        frankfurt.createBucket(b -> b.bucket("frankfurt-bucket"));
        virginia.createBucket(b -> b.bucket("virginia-bucket"));
        virginia.createBucket(b -> b.bucket("remote-bucket").createBucketConfiguration(c -> c.locationConstraint("eu-central-1")));

        assertEquals("eu-central-1", frankfurt.getBucketLocation(g -> g.bucket("frankfurt-bucket"))
                .locationConstraintAsString());
        assertEquals("eu-central-1", frankfurt.getBucketLocation(g -> g.bucket("remote-bucket"))
                .locationConstraintAsString());
    }

    @Test
    void createBucket_whenTheNameIsTaken_isRefused() {
        S3Client owner = target().s3(target().account(STAGING));
        createBucket(owner, "taken-bucket", REGION);

        assertThrows(BucketAlreadyExistsException.class, () -> createBucket(prod, "taken-bucket", REGION));
        BucketAlreadyOwnedByYouException mine = assertThrows(BucketAlreadyOwnedByYouException.class,
                () -> createBucket(owner, "taken-bucket", REGION));
        assertEquals(409, mine.statusCode());
    }

    /** The SDK refuses names that are not DNS-compatible before sending anything. */
    @Test
    void createBucket_withAnInvalidName_isRefusedByTheClient() {
        assertThrows(IllegalArgumentException.class, () -> prod.createBucket(b -> b.bucket("Upper_Case")));
        assertThrows(IllegalArgumentException.class, () -> prod.createBucket(b -> b.bucket("192.168.1.1")));
    }

    @Test
    void putThenGet_returnsTheSameBytesAndMetadata() {
        byte[] data = "build once, promote many times".getBytes(StandardCharsets.UTF_8);
        PutObjectResponse put = prod.putObject(p -> p.bucket(PROD_BUCKET).key("app/1.0.0.jar")
                .contentType("application/java-archive").metadata(Map.of("build", "42")), RequestBody.fromBytes(data));

        ResponseBytes<GetObjectResponse> got = prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("app/1.0.0.jar"));
        assertArrayEquals(data, got.asByteArray());
        assertEquals("\"" + HexFormat.of().formatHex(digest("MD5", data)) + "\"", put.eTag());
        assertEquals(put.eTag(), got.response().eTag());
        assertEquals("application/java-archive", got.response().contentType());
        assertEquals(Map.of("build", "42"), got.response().metadata());
        assertEquals((long) data.length, prod.headObject(h -> h.bucket(PROD_BUCKET).key("app/1.0.0.jar")).contentLength());
    }

    @Test
    void getAndHead_ofAMissingKey_areNoSuchKey() {
        NoSuchKeyException get = assertThrows(NoSuchKeyException.class,
                () -> prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("missing")));
        assertEquals(404, get.statusCode());
        assertEquals(404, assertThrows(NoSuchKeyException.class,
                () -> prod.headObject(h -> h.bucket(PROD_BUCKET).key("missing"))).statusCode());
    }

    @Test
    void putObject_ifNoneMatchStar_createsOnlyOnce() {
        prod.putObject(p -> p.bucket(PROD_BUCKET).key("ledger/000001").ifNoneMatch("*"), RequestBody.fromString("first"));

        Expect.awsError(412, "PreconditionFailed", () -> prod.putObject(
                p -> p.bucket(PROD_BUCKET).key("ledger/000001").ifNoneMatch("*"), RequestBody.fromString("second")));
        assertEquals("first", prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("ledger/000001")).asUtf8String());
    }

    @Test
    void putObject_ifMatch_overwritesOnlyTheExpectedVersion() {
        String etag = prod.putObject(p -> p.bucket(PROD_BUCKET).key("pointer"), RequestBody.fromString("v1")).eTag();
        prod.putObject(p -> p.bucket(PROD_BUCKET).key("pointer").ifMatch(etag), RequestBody.fromString("v2"));

        Expect.awsError(412, "PreconditionFailed", () -> prod.putObject(p -> p.bucket(PROD_BUCKET).key("pointer")
                .ifMatch(etag), RequestBody.fromString("v3")));
        assertEquals("v2", prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("pointer")).asUtf8String());
    }

    @Test
    void versioning_keepsEveryVersion_andDeleteAddsAMarker() {
        prod.putBucketVersioning(v -> v.bucket(PROD_BUCKET)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        String v1 = prod.putObject(p -> p.bucket(PROD_BUCKET).key("app.jar"), RequestBody.fromString("one")).versionId();
        String v2 = prod.putObject(p -> p.bucket(PROD_BUCKET).key("app.jar"), RequestBody.fromString("two")).versionId();

        DeleteObjectResponse deleted = prod.deleteObject(d -> d.bucket(PROD_BUCKET).key("app.jar"));

        assertEquals(BucketVersioningStatus.ENABLED, prod.getBucketVersioning(g -> g.bucket(PROD_BUCKET)).status());
        assertNotEquals(v1, v2);
        assertTrue(deleted.deleteMarker());
        assertThrows(NoSuchKeyException.class, () -> prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("app.jar")));
        assertEquals("one", prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("app.jar").versionId(v1)).asUtf8String());
        ListObjectVersionsResponse versions = prod.listObjectVersions(l -> l.bucket(PROD_BUCKET).prefix("app.jar"));
        assertEquals(List.of(v2, v1), versions.versions().stream().map(v -> v.versionId()).toList());
        assertEquals(1, versions.deleteMarkers().size());
        assertTrue(versions.deleteMarkers().get(0).isLatest());
    }

    @Test
    void listObjectsV2_groupsByDelimiterAndPages() {
        for (String key : List.of("a/1", "a/2", "b/1", "c", "d")) {
            prod.putObject(p -> p.bucket(PROD_BUCKET).key(key), RequestBody.fromString(key));
        }

        ListObjectsV2Response grouped = prod.listObjectsV2(l -> l.bucket(PROD_BUCKET).delimiter("/"));
        assertEquals(List.of("a/", "b/"), grouped.commonPrefixes().stream().map(p -> p.prefix()).toList());
        assertEquals(List.of("c", "d"), grouped.contents().stream().map(S3Object::key).toList());
        ListObjectsV2Response prefixed = prod.listObjectsV2(l -> l.bucket(PROD_BUCKET).prefix("a/"));
        assertEquals(List.of("a/1", "a/2"), prefixed.contents().stream().map(S3Object::key).toList());
        List<String> paged = prod.listObjectsV2Paginator(l -> l.bucket(PROD_BUCKET).maxKeys(2)).contents().stream()
                .map(S3Object::key).toList();
        assertEquals(List.of("a/1", "a/2", "b/1", "c", "d"), paged);
    }

    /** Prod's deploy role copies an object out of the tooling bucket, whose policy grants it read access. */
    @Test
    void copyObject_acrossAccounts_whenTheSourcePolicyAllows() {
        S3Client deploy = target().s3(target().deploy(PROD_DEPLOY));
        tooling.putObject(p -> p.bucket(TOOLING_BUCKET).key("sha256/abc"), RequestBody.fromString("artifact"));
        tooling.putBucketPolicy(p -> p.bucket(TOOLING_BUCKET).policy(allowRead(PROD_DEPLOY, TOOLING_BUCKET)));

        deploy.copyObject(c -> c.sourceBucket(TOOLING_BUCKET).sourceKey("sha256/abc")
                .destinationBucket(PROD_BUCKET).destinationKey("sha256/abc"));

        assertEquals("artifact", deploy.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("sha256/abc")).asUtf8String());
    }

    @Test
    void uploadPartCopy_acrossAccounts_assemblesTheSource() {
        S3Client deploy = target().s3(target().deploy(PROD_DEPLOY));
        byte[] data = bytes(6 * MIB + 123);
        tooling.putObject(p -> p.bucket(TOOLING_BUCKET).key("big"), RequestBody.fromBytes(data));
        tooling.putBucketPolicy(p -> p.bucket(TOOLING_BUCKET).policy(allowRead(PROD, TOOLING_BUCKET)));
        String upload = deploy.createMultipartUpload(c -> c.bucket(PROD_BUCKET).key("big")).uploadId();

        String first = deploy.uploadPartCopy(c -> c.sourceBucket(TOOLING_BUCKET).sourceKey("big")
                .destinationBucket(PROD_BUCKET).destinationKey("big").uploadId(upload).partNumber(1)
                .copySourceRange("bytes=0-" + (5 * MIB - 1))).copyPartResult().eTag();
        String second = deploy.uploadPartCopy(c -> c.sourceBucket(TOOLING_BUCKET).sourceKey("big")
                .destinationBucket(PROD_BUCKET).destinationKey("big").uploadId(upload).partNumber(2)
                .copySourceRange("bytes=" + 5 * MIB + "-" + (data.length - 1))).copyPartResult().eTag();
        deploy.completeMultipartUpload(c -> c.bucket(PROD_BUCKET).key("big").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(first).build(),
                        CompletedPart.builder().partNumber(2).eTag(second).build())));

        assertArrayEquals(data, deploy.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("big")).asByteArray());
    }

    @Test
    void multipartUpload_assemblesPartsInOrder() {
        byte[] one = bytes(5 * MIB);
        byte[] two = "tail".getBytes(StandardCharsets.UTF_8);
        CreateMultipartUploadResponse upload = prod.createMultipartUpload(c -> c.bucket(PROD_BUCKET).key("assembled"));
        String e1 = prod.uploadPart(u -> u.bucket(PROD_BUCKET).key("assembled").uploadId(upload.uploadId())
                .partNumber(1), RequestBody.fromBytes(one)).eTag();
        String e2 = prod.uploadPart(u -> u.bucket(PROD_BUCKET).key("assembled").uploadId(upload.uploadId())
                .partNumber(2), RequestBody.fromBytes(two)).eTag();

        String etag = prod.completeMultipartUpload(c -> c.bucket(PROD_BUCKET).key("assembled")
                .uploadId(upload.uploadId()).multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build()))).eTag();

        byte[] whole = prod.getObjectAsBytes(g -> g.bucket(PROD_BUCKET).key("assembled")).asByteArray();
        assertEquals(one.length + two.length, whole.length);
        assertTrue(etag.endsWith("-2\""), etag);
    }

    @Test
    void multipartUpload_withASmallPartBeforeTheLast_isEntityTooSmall() {
        String upload = prod.createMultipartUpload(c -> c.bucket(PROD_BUCKET).key("small")).uploadId();
        String e1 = prod.uploadPart(u -> u.bucket(PROD_BUCKET).key("small").uploadId(upload).partNumber(1),
                RequestBody.fromString("too small")).eTag();
        String e2 = prod.uploadPart(u -> u.bucket(PROD_BUCKET).key("small").uploadId(upload).partNumber(2),
                RequestBody.fromString("last")).eTag();

        Expect.awsError(400, "EntityTooSmall", () -> prod.completeMultipartUpload(c -> c.bucket(PROD_BUCKET)
                .key("small").uploadId(upload).multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build()))));
    }

    @Test
    void retainedVersion_cannotBeDeleted_butTheKeyCanBeHidden() {
        String bucket = "prod-locked";
        createBucketWithObjectLock(prod, bucket);
        Instant until = target().now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(1));
        PutObjectResponse governed = prod.putObject(p -> p.bucket(bucket).key("governed")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(until),
                RequestBody.fromString("kept"));
        PutObjectResponse compliant = prod.putObject(p -> p.bucket(bucket).key("compliant")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(until),
                RequestBody.fromString("kept"));

        Expect.awsError(403, "AccessDenied",
                () -> prod.deleteObject(d -> d.bucket(bucket).key("governed").versionId(governed.versionId())));
        Expect.awsError(403, "AccessDenied", () -> prod.deleteObject(d -> d.bucket(bucket).key("compliant")
                .versionId(compliant.versionId()).bypassGovernanceRetention(true)));
        assertTrue(prod.deleteObject(d -> d.bucket(bucket).key("compliant")).deleteMarker());
        prod.deleteObject(d -> d.bucket(bucket).key("governed").versionId(governed.versionId())
                .bypassGovernanceRetention(true));
        assertTrue(prod.listObjectVersions(l -> l.bucket(bucket).prefix("governed")).versions().isEmpty());
    }

    /** moto names the error MissingUploadObjectWithObjectLockHeaders. */
    @Test
    void objectLockUpload_withoutAnyChecksum_isRefused() {
        String bucket = "prod-locked";
        createBucketWithObjectLock(prod, bucket);
        Instant until = target().now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(1));

        Expect.awsErrorOneOf(400, Set.of("InvalidRequest", "MissingUploadObjectWithObjectLockHeaders"),
                () -> prod.putObject(p -> p.bucket(bucket).key("unverified").objectLockMode(ObjectLockMode.GOVERNANCE)
                        .objectLockRetainUntilDate(until), RequestBody.fromString("x")));
        prod.putObject(p -> p.bucket(bucket).key("verified").contentMD5(Base64.getEncoder().encodeToString(
                        digest("MD5", "x".getBytes(StandardCharsets.UTF_8))))
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(until), RequestBody.fromString("x"));
    }

    @Test
    void copyObject_computesTheChecksumOfTheCopy() {
        byte[] data = "copied".getBytes(StandardCharsets.UTF_8);
        prod.putObject(p -> p.bucket(PROD_BUCKET).key("source"), RequestBody.fromBytes(data));

        String checksum = prod.copyObject(c -> c.sourceBucket(PROD_BUCKET).sourceKey("source")
                .destinationBucket(PROD_BUCKET).destinationKey("target").checksumAlgorithm(ChecksumAlgorithm.SHA256))
                .copyObjectResult().checksumSHA256();

        assertEquals(Base64.getEncoder().encodeToString(digest("SHA-256", data)), checksum);
        Expect.awsError(400, "InvalidRequest", () -> prod.copyObject(c -> c.sourceBucket(PROD_BUCKET).sourceKey("source")
                .destinationBucket(PROD_BUCKET).destinationKey("source")));
    }

    /** Creates a bucket the way S3 requires: a LocationConstraint outside us-east-1. */
    private static void createBucket(S3Client s3, String bucket, Region region) {
        s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(location(region)));
    }

    private static void createBucketWithObjectLock(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true).createBucketConfiguration(location(REGION)));
    }

    private static @Nullable CreateBucketConfiguration location(Region region) {
        return region.equals(Region.US_EAST_1)
                ? null
                : CreateBucketConfiguration.builder().locationConstraint(region.id()).build();
    }

    private static String allowRead(String principal, String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principal + "\"},\"Action\":[\"s3:GetObject\",\"s3:GetObjectVersion\"],\"Resource\":\"arn:aws:s3:::"
                + bucket + "/*\"}]}";
    }

    private static byte[] bytes(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return data;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
