package dev.airlock.testkit.aws;

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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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

/** S3 behaviours that the fake and moto_server share. Each helper uses only the SDK interfaces. */
final class S3Contract {
    static final int MIB = 1024 * 1024;

    private S3Contract() {
    }

    /** Creates a bucket in the client's region the way S3 requires (a LocationConstraint outside us-east-1). */
    static void createBucket(S3Client s3, String bucket, Region region) {
        s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(location(region)));
    }

    static void createBucketWithObjectLock(S3Client s3, String bucket, Region region) {
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true).createBucketConfiguration(location(region)));
    }

    private static @Nullable CreateBucketConfiguration location(Region region) {
        return region.equals(Region.US_EAST_1)
                ? null
                : CreateBucketConfiguration.builder().locationConstraint(region.id()).build();
    }

    /** The SDK adds the client's region when no LocationConstraint is given; S3 checks the rest. */
    static void createBucket_followsTheLocationConstraintRules(AwsClients aws, AwsCredentialsProvider credentials) {
        S3Client frankfurt = aws.s3(credentials, Region.EU_CENTRAL_1);
        S3Client virginia = aws.s3(credentials, Region.US_EAST_1);

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

    /** The SDK refuses names that are not DNS-compatible before sending anything. */
    static void createBucket_withAnInvalidName_isRefusedByTheClient(S3Client s3) {
        assertThrows(IllegalArgumentException.class, () -> s3.createBucket(b -> b.bucket("Upper_Case")));
        assertThrows(IllegalArgumentException.class, () -> s3.createBucket(b -> b.bucket("192.168.1.1")));
    }

    static void createBucket_whenTheNameIsTaken_isRefused(AwsClients aws, AwsCredentialsProvider owner,
            AwsCredentialsProvider otherAccount, Region region) {
        createBucket(aws.s3(owner, region), "taken-bucket", region);

        assertThrows(BucketAlreadyExistsException.class,
                () -> createBucket(aws.s3(otherAccount, region), "taken-bucket", region));
        BucketAlreadyOwnedByYouException mine = assertThrows(BucketAlreadyOwnedByYouException.class,
                () -> createBucket(aws.s3(owner, region), "taken-bucket", region));
        assertEquals(409, mine.statusCode());
    }

    static void putThenGet_returnsTheSameBytesAndMetadata(S3Client s3, String bucket) {
        byte[] data = "build once, promote many times".getBytes(StandardCharsets.UTF_8);
        PutObjectResponse put = s3.putObject(p -> p.bucket(bucket).key("app/1.0.0.jar").contentType("application/java-archive")
                .metadata(Map.of("build", "42")), RequestBody.fromBytes(data));

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(g -> g.bucket(bucket).key("app/1.0.0.jar"));
        assertArrayEquals(data, got.asByteArray());
        assertEquals("\"" + hex("MD5", data) + "\"", put.eTag());
        assertEquals(put.eTag(), got.response().eTag());
        assertEquals("application/java-archive", got.response().contentType());
        assertEquals(Map.of("build", "42"), got.response().metadata());
        assertEquals((long) data.length, s3.headObject(h -> h.bucket(bucket).key("app/1.0.0.jar")).contentLength());
    }

    static void missingKey_isNoSuchKey(S3Client s3, String bucket) {
        NoSuchKeyException get = assertThrows(NoSuchKeyException.class,
                () -> s3.getObjectAsBytes(g -> g.bucket(bucket).key("missing")));
        assertEquals(404, get.statusCode());
        assertEquals(404, assertThrows(NoSuchKeyException.class,
                () -> s3.headObject(h -> h.bucket(bucket).key("missing"))).statusCode());
    }

    static void ifNoneMatchStar_createsOnlyOnce(S3Client s3, String bucket) {
        s3.putObject(p -> p.bucket(bucket).key("ledger/000001").ifNoneMatch("*"), RequestBody.fromString("first"));

        Expect.awsError(412, "PreconditionFailed", () -> s3.putObject(
                p -> p.bucket(bucket).key("ledger/000001").ifNoneMatch("*"), RequestBody.fromString("second")));
        assertEquals("first", s3.getObjectAsBytes(g -> g.bucket(bucket).key("ledger/000001")).asUtf8String());
    }

    static void ifMatch_overwritesOnlyTheExpectedVersion(S3Client s3, String bucket) {
        String etag = s3.putObject(p -> p.bucket(bucket).key("pointer"), RequestBody.fromString("v1")).eTag();
        s3.putObject(p -> p.bucket(bucket).key("pointer").ifMatch(etag), RequestBody.fromString("v2"));

        Expect.awsError(412, "PreconditionFailed", () -> s3.putObject(p -> p.bucket(bucket).key("pointer").ifMatch(etag),
                RequestBody.fromString("v3")));
        assertEquals("v2", s3.getObjectAsBytes(g -> g.bucket(bucket).key("pointer")).asUtf8String());
    }

    static void versioning_keepsEveryVersion_andDeleteAddsAMarker(S3Client s3, String bucket) {
        s3.putBucketVersioning(v -> v.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        String v1 = s3.putObject(p -> p.bucket(bucket).key("app.jar"), RequestBody.fromString("one")).versionId();
        String v2 = s3.putObject(p -> p.bucket(bucket).key("app.jar"), RequestBody.fromString("two")).versionId();

        DeleteObjectResponse deleted = s3.deleteObject(d -> d.bucket(bucket).key("app.jar"));

        assertEquals(BucketVersioningStatus.ENABLED, s3.getBucketVersioning(g -> g.bucket(bucket)).status());
        assertNotEquals(v1, v2);
        assertTrue(deleted.deleteMarker());
        assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(g -> g.bucket(bucket).key("app.jar")));
        assertEquals("one", s3.getObjectAsBytes(g -> g.bucket(bucket).key("app.jar").versionId(v1)).asUtf8String());
        ListObjectVersionsResponse versions = s3.listObjectVersions(l -> l.bucket(bucket).prefix("app.jar"));
        assertEquals(List.of(v2, v1), versions.versions().stream().map(v -> v.versionId()).toList());
        assertEquals(1, versions.deleteMarkers().size());
        assertTrue(versions.deleteMarkers().get(0).isLatest());
    }

    static void listObjectsV2_groupsByDelimiterAndPages(S3Client s3, String bucket) {
        for (String key : List.of("a/1", "a/2", "b/1", "c", "d")) {
            s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromString(key));
        }

        ListObjectsV2Response grouped = s3.listObjectsV2(l -> l.bucket(bucket).delimiter("/"));
        assertEquals(List.of("a/", "b/"), grouped.commonPrefixes().stream().map(p -> p.prefix()).toList());
        assertEquals(List.of("c", "d"), grouped.contents().stream().map(S3Object::key).toList());
        ListObjectsV2Response prefixed = s3.listObjectsV2(l -> l.bucket(bucket).prefix("a/"));
        assertEquals(List.of("a/1", "a/2"), prefixed.contents().stream().map(S3Object::key).toList());
        List<String> paged = s3.listObjectsV2Paginator(l -> l.bucket(bucket).maxKeys(2)).contents().stream()
                .map(S3Object::key).toList();
        assertEquals(List.of("a/1", "a/2", "b/1", "c", "d"), paged);
    }

    /** A principal of another account copies an object out of {@code sourceBucket}, which grants it read access. */
    static void copyObject_acrossAccounts_whenTheSourcePolicyAllows(S3Client sourceOwner, String sourceBucket,
            S3Client copier, String copierPrincipal, String targetBucket) {
        sourceOwner.putObject(p -> p.bucket(sourceBucket).key("sha256/abc"), RequestBody.fromString("artifact"));
        sourceOwner.putBucketPolicy(p -> p.bucket(sourceBucket).policy(allowRead(copierPrincipal, sourceBucket)));

        copier.copyObject(c -> c.sourceBucket(sourceBucket).sourceKey("sha256/abc")
                .destinationBucket(targetBucket).destinationKey("sha256/abc"));

        assertEquals("artifact", copier.getObjectAsBytes(g -> g.bucket(targetBucket).key("sha256/abc")).asUtf8String());
    }

    static void uploadPartCopy_acrossAccounts_assemblesTheSource(S3Client sourceOwner, String sourceBucket,
            S3Client copier, String copierPrincipal, String targetBucket) {
        byte[] data = bytes(6 * MIB + 123);
        sourceOwner.putObject(p -> p.bucket(sourceBucket).key("big"), RequestBody.fromBytes(data));
        sourceOwner.putBucketPolicy(p -> p.bucket(sourceBucket).policy(allowRead(copierPrincipal, sourceBucket)));
        String upload = copier.createMultipartUpload(c -> c.bucket(targetBucket).key("big")).uploadId();

        String first = copier.uploadPartCopy(c -> c.sourceBucket(sourceBucket).sourceKey("big")
                .destinationBucket(targetBucket).destinationKey("big").uploadId(upload).partNumber(1)
                .copySourceRange("bytes=0-" + (5 * MIB - 1))).copyPartResult().eTag();
        String second = copier.uploadPartCopy(c -> c.sourceBucket(sourceBucket).sourceKey("big")
                .destinationBucket(targetBucket).destinationKey("big").uploadId(upload).partNumber(2)
                .copySourceRange("bytes=" + 5 * MIB + "-" + (data.length - 1))).copyPartResult().eTag();
        copier.completeMultipartUpload(c -> c.bucket(targetBucket).key("big").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(first).build(),
                        CompletedPart.builder().partNumber(2).eTag(second).build())));

        assertArrayEquals(data, copier.getObjectAsBytes(g -> g.bucket(targetBucket).key("big")).asByteArray());
    }

    static void multipart_assemblesPartsInOrder_withTheMultipartEtag(S3Client s3, String bucket) {
        byte[] one = bytes(5 * MIB);
        byte[] two = "tail".getBytes(StandardCharsets.UTF_8);
        CreateMultipartUploadResponse upload = s3.createMultipartUpload(c -> c.bucket(bucket).key("assembled"));
        String e1 = s3.uploadPart(u -> u.bucket(bucket).key("assembled").uploadId(upload.uploadId()).partNumber(1),
                RequestBody.fromBytes(one)).eTag();
        String e2 = s3.uploadPart(u -> u.bucket(bucket).key("assembled").uploadId(upload.uploadId()).partNumber(2),
                RequestBody.fromBytes(two)).eTag();

        String etag = s3.completeMultipartUpload(c -> c.bucket(bucket).key("assembled").uploadId(upload.uploadId())
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build()))).eTag();

        byte[] whole = s3.getObjectAsBytes(g -> g.bucket(bucket).key("assembled")).asByteArray();
        assertEquals(one.length + two.length, whole.length);
        assertTrue(etag.endsWith("-2\""), etag);
    }

    static void multipart_withASmallPartBeforeTheLast_isEntityTooSmall(S3Client s3, String bucket) {
        String upload = s3.createMultipartUpload(c -> c.bucket(bucket).key("small")).uploadId();
        String e1 = s3.uploadPart(u -> u.bucket(bucket).key("small").uploadId(upload).partNumber(1),
                RequestBody.fromString("too small")).eTag();
        String e2 = s3.uploadPart(u -> u.bucket(bucket).key("small").uploadId(upload).partNumber(2),
                RequestBody.fromString("last")).eTag();

        Expect.awsError(400, "EntityTooSmall", () -> s3.completeMultipartUpload(c -> c.bucket(bucket).key("small")
                .uploadId(upload).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build()))));
    }

    /** {@code bucket} was created with Object Lock enabled. */
    static void retainedVersion_cannotBeDeleted_butTheKeyCanBeHidden(S3Client s3, String bucket, Instant clock) {
        Instant now = clock.truncatedTo(ChronoUnit.SECONDS);
        PutObjectResponse governed = s3.putObject(p -> p.bucket(bucket).key("governed")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(now.plus(Duration.ofDays(1))),
                RequestBody.fromString("kept"));
        PutObjectResponse compliant = s3.putObject(p -> p.bucket(bucket).key("compliant")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(now.plus(Duration.ofDays(1))),
                RequestBody.fromString("kept"));

        Expect.awsError(403, "AccessDenied",
                () -> s3.deleteObject(d -> d.bucket(bucket).key("governed").versionId(governed.versionId())));
        Expect.awsError(403, "AccessDenied", () -> s3.deleteObject(d -> d.bucket(bucket).key("compliant")
                .versionId(compliant.versionId()).bypassGovernanceRetention(true)));
        assertTrue(s3.deleteObject(d -> d.bucket(bucket).key("compliant")).deleteMarker());
        s3.deleteObject(d -> d.bucket(bucket).key("governed").versionId(governed.versionId())
                .bypassGovernanceRetention(true));
        assertTrue(s3.listObjectVersions(l -> l.bucket(bucket).prefix("governed")).versions().isEmpty());
    }

    static void copyObject_computesTheChecksumOfTheCopy(S3Client s3, String bucket) {
        byte[] data = "copied".getBytes(StandardCharsets.UTF_8);
        s3.putObject(p -> p.bucket(bucket).key("source"), RequestBody.fromBytes(data));

        String checksum = s3.copyObject(c -> c.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                .destinationKey("target").checksumAlgorithm(ChecksumAlgorithm.SHA256)).copyObjectResult().checksumSHA256();

        assertEquals(S3Strictness.sha256Base64(data), checksum);
        Expect.awsError(400, "InvalidRequest", () -> s3.copyObject(c -> c.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey("source")));
    }

    /** {@code bucket} was created with Object Lock enabled. moto names the error MissingUploadObjectWithObjectLockHeaders. */
    static void objectLockUpload_withoutAnyChecksum_isRefused(S3Client s3, String bucket, Instant clock) {
        Instant until = clock.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(1));

        Expect.awsErrorOneOf(400, java.util.Set.of("InvalidRequest", "MissingUploadObjectWithObjectLockHeaders"),
                () -> s3.putObject(p -> p.bucket(bucket).key("unverified").objectLockMode(ObjectLockMode.GOVERNANCE)
                        .objectLockRetainUntilDate(until), RequestBody.fromString("x")));
        s3.putObject(p -> p.bucket(bucket).key("verified").contentMD5(java.util.Base64.getEncoder().encodeToString(
                        md5("x".getBytes(StandardCharsets.UTF_8))))
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(until), RequestBody.fromString("x"));
    }

    static String allowRead(String principal, String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principal + "\"},\"Action\":[\"s3:GetObject\",\"s3:GetObjectVersion\"],\"Resource\":\"arn:aws:s3:::"
                + bucket + "/*\"}]}";
    }

    static byte[] bytes(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return data;
    }

    static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
