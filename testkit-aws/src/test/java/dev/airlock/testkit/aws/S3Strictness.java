package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.testkit.aws.contract.Expect;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * S3 behaviours of AWS that moto does not reproduce, so only the fake can be held to them: expected
 * bucket owners, bucket policies across accounts, checksum verification, regional endpoints, and the
 * finer Object Lock rules.
 */
final class S3Strictness {
    private S3Strictness() {
    }

    static void expectedBucketOwner_otherThanTheOwner_isAccessDenied(S3Client s3, String bucket, String owner,
            String notOwner) {
        Expect.awsError(403, "AccessDenied", () -> s3.putObject(p -> p.bucket(bucket).key("k")
                .expectedBucketOwner(notOwner), RequestBody.fromString("x")));
        s3.putObject(p -> p.bucket(bucket).key("k").expectedBucketOwner(owner), RequestBody.fromString("x"));
        Expect.awsError(403, "AccessDenied", () -> s3.headObject(h -> h.bucket(bucket).key("k")
                .expectedBucketOwner(notOwner)));
        Expect.awsError(403, "AccessDenied", () -> s3.listObjectsV2(l -> l.bucket(bucket).expectedBucketOwner(notOwner)));
        Expect.awsError(403, "AccessDenied", () -> s3.copyObject(c -> c.sourceBucket(bucket).sourceKey("k")
                .expectedSourceBucketOwner(notOwner).destinationBucket(bucket).destinationKey("k2")));
    }

    static void crossAccountAccess_withoutABucketPolicy_isAccessDenied(S3Client owner, S3Client other, String bucket) {
        owner.putObject(p -> p.bucket(bucket).key("private"), RequestBody.fromString("secret sauce"));

        AwsServiceException read = Expect.awsError(403, "AccessDenied",
                () -> other.getObjectAsBytes(g -> g.bucket(bucket).key("private")));
        assertTrue(read.awsErrorDetails().errorMessage().contains("because no resource-based policy allows the "
                + "s3:GetObject action"), read.awsErrorDetails().errorMessage());
        Expect.awsError(403, "AccessDenied", () -> other.putObject(p -> p.bucket(bucket).key("planted"),
                RequestBody.fromString("x")));
        Expect.awsError(403, "AccessDenied", () -> other.listObjectsV2(l -> l.bucket(bucket)));
    }

    static void bucketPolicy_explicitDenyBeatsAllow(S3Client owner, S3Client other, String bucket,
            String otherAccount, String otherPrincipal) {
        owner.putObject(p -> p.bucket(bucket).key("k"), RequestBody.fromString("x"));
        owner.putBucketPolicy(p -> p.bucket(bucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + otherAccount + ":root\"},"
                + "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket + "/*\"]},"
                + "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + otherPrincipal + "\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}"));

        other.listObjectsV2(l -> l.bucket(bucket));
        AwsServiceException denied = Expect.awsError(403, "AccessDenied",
                () -> other.getObjectAsBytes(g -> g.bucket(bucket).key("k")));
        assertTrue(denied.awsErrorDetails().errorMessage().contains("explicit deny"));
    }

    /** A policy naming a role ARN admits that role's sessions and no other identity of its account. */
    static void bucketPolicy_allowingARole_admitsOnlyItsSessions(S3Client owner, S3Client roleSession,
            S3Client sameAccountUser, String bucket, String roleArn) {
        owner.putObject(p -> p.bucket(bucket).key("k"), RequestBody.fromString("x"));
        owner.putBucketPolicy(p -> p.bucket(bucket).policy(Buckets.allowRead(roleArn, bucket)));

        assertEquals("x", roleSession.getObjectAsBytes(g -> g.bucket(bucket).key("k")).asUtf8String());
        Expect.awsError(403, "AccessDenied", () -> sameAccountUser.getObjectAsBytes(g -> g.bucket(bucket).key("k")));
    }

    /** A multipart upload into another account's bucket needs that bucket's policy to allow s3:PutObject. */
    static void multipart_intoAnotherAccountsBucket_needsItsPolicy(S3Client owner, S3Client writer, String bucket,
            String writerPrincipal) {
        Expect.awsError(403, "AccessDenied", () -> writer.createMultipartUpload(c -> c.bucket(bucket).key("upload")));
        owner.putBucketPolicy(p -> p.bucket(bucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":{\"AWS\":\"" + writerPrincipal + "\"},\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}"));

        String upload = writer.createMultipartUpload(c -> c.bucket(bucket).key("upload")).uploadId();
        String etag = writer.uploadPart(u -> u.bucket(bucket).key("upload").uploadId(upload).partNumber(1),
                RequestBody.fromString("only part")).eTag();
        writer.completeMultipartUpload(c -> c.bucket(bucket).key("upload").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        Expect.awsError(403, "AccessDenied", () -> writer.abortMultipartUpload(a -> a.bucket(bucket).key("upload")
                .uploadId(upload)));

        assertEquals("only part", owner.getObjectAsBytes(g -> g.bucket(bucket).key("upload")).asUtf8String());
    }

    static void bucketPolicy_ofAnotherAccountsBucket_isRefused(S3Client other, String bucket) {
        Expect.awsError(403, "AccessDenied", () -> other.putBucketPolicy(p -> p.bucket(bucket)
                .policy(Buckets.allowRead("*", bucket))));
        Expect.awsError(403, "AccessDenied", () -> other.getBucketPolicy(g -> g.bucket(bucket)));
    }

    static void bucketPolicy_namingAnUnknownPrincipalOrForeignResource_isMalformed(S3Client owner, String bucket) {
        Expect.awsError(400, "MalformedPolicy", () -> owner.putBucketPolicy(p -> p.bucket(bucket)
                .policy(Buckets.allowRead("arn:aws:iam::111111111111:role/does-not-exist", bucket))));
        Expect.awsError(400, "MalformedPolicy", () -> owner.putBucketPolicy(p -> p.bucket(bucket)
                .policy(Buckets.allowRead("111111111111", "some-other-bucket"))));
        Expect.awsError(400, "MalformedPolicy", () -> owner.putBucketPolicy(p -> p.bucket(bucket).policy("[]")));
        Expect.awsError(404, "NoSuchBucketPolicy", () -> owner.getBucketPolicy(g -> g.bucket(bucket)));
    }

    static void checksumSha256_thatDoesNotMatchTheBytes_isBadDigest(S3Client s3, String bucket) {
        String ofOtherBytes = sha256Base64("other bytes".getBytes(StandardCharsets.UTF_8));

        Expect.awsError(400, "BadDigest", () -> s3.putObject(p -> p.bucket(bucket).key("k")
                .checksumSHA256(ofOtherBytes), RequestBody.fromString("these bytes")));
        Expect.awsError(400, "BadDigest", () -> s3.putObject(p -> p.bucket(bucket).key("k")
                .contentMD5(Base64.getEncoder().encodeToString(new byte[16])), RequestBody.fromString("these bytes")));
        assertThrows(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class,
                () -> s3.headObject(h -> h.bucket(bucket).key("k")));
    }

    static void checksum_isStoredAndReturnedOnRequest(S3Client s3, String bucket) {
        byte[] data = "artifact bytes".getBytes(StandardCharsets.UTF_8);
        s3.putObject(p -> p.bucket(bucket).key("given").checksumSHA256(sha256Base64(data)), RequestBody.fromBytes(data));
        s3.putObject(p -> p.bucket(bucket).key("computed").checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromBytes(data));
        s3.putObject(p -> p.bucket(bucket).key("crc").checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
                RequestBody.fromBytes(data));

        HeadObjectResponse computed = s3.headObject(h -> h.bucket(bucket).key("computed").checksumMode(ChecksumMode.ENABLED));
        assertEquals(sha256Base64(data), computed.checksumSHA256());
        assertEquals(ChecksumType.FULL_OBJECT, computed.checksumType());
        assertEquals(sha256Base64(data), s3.headObject(h -> h.bucket(bucket).key("given")
                .checksumMode(ChecksumMode.ENABLED)).checksumSHA256());
        assertNull(s3.headObject(h -> h.bucket(bucket).key("computed")).checksumSHA256());
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(data);
        assertEquals(Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue())
                .array()), s3.headObject(h -> h.bucket(bucket).key("crc").checksumMode(ChecksumMode.ENABLED))
                .checksumCRC32C());
    }

    static void multipartChecksum_isComposite_andEveryPartMustBeListedWithItsChecksum(S3Client s3, String bucket) {
        byte[] one = Images.bytes(5 * Images.MIB);
        byte[] two = "tail".getBytes(StandardCharsets.UTF_8);
        String upload = s3.createMultipartUpload(c -> c.bucket(bucket).key("mp").checksumAlgorithm(ChecksumAlgorithm.SHA256))
                .uploadId();
        UploadPartResponse p1 = s3.uploadPart(u -> u.bucket(bucket).key("mp").uploadId(upload).partNumber(1)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(one));
        Expect.awsError(400, "BadDigest", () -> s3.uploadPart(u -> u.bucket(bucket).key("mp").uploadId(upload)
                .partNumber(2).checksumSHA256(sha256Base64(one)), RequestBody.fromBytes(two)));
        UploadPartResponse p2 = s3.uploadPart(u -> u.bucket(bucket).key("mp").uploadId(upload).partNumber(2)
                .checksumSHA256(sha256Base64(two)), RequestBody.fromBytes(two));

        Expect.awsError(400, "InvalidRequest", () -> s3.completeMultipartUpload(c -> c.bucket(bucket).key("mp")
                .uploadId(upload).multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(p1.eTag()).build(),
                        CompletedPart.builder().partNumber(2).eTag(p2.eTag()).checksumSHA256(p2.checksumSHA256()).build()))));
        String checksum = s3.completeMultipartUpload(c -> c.bucket(bucket).key("mp").uploadId(upload)
                .multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(p1.eTag()).checksumSHA256(p1.checksumSHA256()).build(),
                        CompletedPart.builder().partNumber(2).eTag(p2.eTag()).checksumSHA256(p2.checksumSHA256()).build())))
                .checksumSHA256();

        byte[] concatenated = new byte[64];
        System.arraycopy(Base64.getDecoder().decode(p1.checksumSHA256()), 0, concatenated, 0, 32);
        System.arraycopy(Base64.getDecoder().decode(p2.checksumSHA256()), 0, concatenated, 32, 32);
        assertEquals(sha256Base64(concatenated) + "-2", checksum);
    }

    /**
     * What lets a copy in parts be verified without reading it: S3 computes each copied part's SHA-256 from
     * the bytes, refuses a completion that lists another, and reports the composite with its type.
     */
    static void multipartCopy_partChecksumsAreComputedFromTheCopiedBytes(S3Client s3, String bucket) {
        byte[] one = Images.bytes(5 * Images.MIB);
        byte[] two = "tail".getBytes(StandardCharsets.UTF_8);
        byte[] source = new byte[one.length + two.length];
        System.arraycopy(one, 0, source, 0, one.length);
        System.arraycopy(two, 0, source, one.length, two.length);
        s3.putObject(p -> p.bucket(bucket).key("source"), RequestBody.fromBytes(source));
        String upload = s3.createMultipartUpload(c -> c.bucket(bucket).key("copy")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        CopyPartResult p1 = s3.uploadPartCopy(u -> u.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                .destinationKey("copy").uploadId(upload).partNumber(1).copySourceRange("bytes=0-" + (one.length - 1)))
                .copyPartResult();
        CopyPartResult p2 = s3.uploadPartCopy(u -> u.sourceBucket(bucket).sourceKey("source").destinationBucket(bucket)
                .destinationKey("copy").uploadId(upload).partNumber(2)
                .copySourceRange("bytes=" + one.length + "-" + (source.length - 1))).copyPartResult();
        assertEquals(sha256Base64(one), p1.checksumSHA256());
        assertEquals(sha256Base64(two), p2.checksumSHA256());

        Expect.awsError(400, "InvalidPart", () -> s3.completeMultipartUpload(c -> c.bucket(bucket).key("copy")
                .uploadId(upload).multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(p1.eTag()).checksumSHA256(p1.checksumSHA256()).build(),
                        CompletedPart.builder().partNumber(2).eTag(p2.eTag()).checksumSHA256(sha256Base64(one))
                                .build()))));
        var completed = s3.completeMultipartUpload(c -> c.bucket(bucket).key("copy").uploadId(upload)
                .multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(p1.eTag()).checksumSHA256(p1.checksumSHA256()).build(),
                        CompletedPart.builder().partNumber(2).eTag(p2.eTag()).checksumSHA256(p2.checksumSHA256())
                                .build())));

        byte[] concatenated = new byte[64];
        System.arraycopy(Base64.getDecoder().decode(p1.checksumSHA256()), 0, concatenated, 0, 32);
        System.arraycopy(Base64.getDecoder().decode(p2.checksumSHA256()), 0, concatenated, 32, 32);
        assertEquals(sha256Base64(concatenated) + "-2", completed.checksumSHA256());
        assertEquals(ChecksumType.COMPOSITE, completed.checksumType());
        HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key("copy").checksumMode(ChecksumMode.ENABLED));
        assertEquals(completed.checksumSHA256(), head.checksumSHA256());
        assertEquals(ChecksumType.COMPOSITE, head.checksumType());
    }

    static void bucketInAnotherRegion_answersPermanentRedirect(S3Client otherRegion, String bucket) {
        Expect.awsError(301, "PermanentRedirect", () -> otherRegion.headObject(h -> h.bucket(bucket).key("k")));
    }

    /** {@code bucket} was created with Object Lock enabled. */
    static void retention_complianceNeverWeakens_governanceOnlyWithBypass(S3Client s3, String bucket, Instant now) {
        String compliant = s3.putObject(p -> p.bucket(bucket).key("c").checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(now.plus(Duration.ofDays(30))), RequestBody.fromString("x")).versionId();
        String governed = s3.putObject(p -> p.bucket(bucket).key("g").checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(now.plus(Duration.ofDays(30))), RequestBody.fromString("x")).versionId();
        Instant sooner = now.plus(Duration.ofDays(1));

        Expect.awsError(403, "AccessDenied", () -> s3.putObjectRetention(r -> r.bucket(bucket).key("c").versionId(compliant)
                .bypassGovernanceRetention(true).retention(t -> t.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(sooner))));
        s3.putObjectRetention(r -> r.bucket(bucket).key("c").versionId(compliant).retention(
                t -> t.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(now.plus(Duration.ofDays(60)))));
        Expect.awsError(403, "AccessDenied", () -> s3.putObjectRetention(r -> r.bucket(bucket).key("g").versionId(governed)
                .retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(sooner))));
        s3.putObjectRetention(r -> r.bucket(bucket).key("g").versionId(governed).bypassGovernanceRetention(true)
                .retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(sooner)));

        assertEquals(now.plus(Duration.ofDays(60)), s3.getObjectRetention(g -> g.bucket(bucket).key("c")
                .versionId(compliant)).retention().retainUntilDate());
        assertEquals(sooner, s3.getObjectRetention(g -> g.bucket(bucket).key("g")).retention().retainUntilDate());
        Expect.awsError(400, "InvalidArgument", () -> s3.putObjectRetention(r -> r.bucket(bucket).key("g").retention(
                t -> t.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(now.minusSeconds(1)))));
    }

    /** {@code bucket} was created with Object Lock enabled. */
    static void retention_expires_onTheClock(S3Client s3, String bucket, Instant now, Runnable passTwoDays) {
        String version = s3.putObject(p -> p.bucket(bucket).key("short").checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(now.plus(Duration.ofDays(1))), RequestBody.fromString("x")).versionId();
        Expect.awsError(403, "AccessDenied", () -> s3.deleteObject(d -> d.bucket(bucket).key("short").versionId(version)));

        passTwoDays.run();

        s3.deleteObject(d -> d.bucket(bucket).key("short").versionId(version));
    }

    /** {@code bucket} was created with Object Lock enabled. */
    static void defaultRetention_appliesToNewObjects(S3Client s3, String bucket, Instant now) {
        s3.putObjectLockConfiguration(c -> c.bucket(bucket).objectLockConfiguration(o -> o.objectLockEnabled("Enabled")
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(7)))));

        s3.putObject(p -> p.bucket(bucket).key("defaulted").checksumAlgorithm(ChecksumAlgorithm.SHA256),
                RequestBody.fromString("x"));

        assertEquals(now.plus(Duration.ofDays(7)),
                s3.getObjectRetention(g -> g.bucket(bucket).key("defaulted")).retention().retainUntilDate());
        assertEquals(7, s3.getObjectLockConfiguration(g -> g.bucket(bucket)).objectLockConfiguration().rule()
                .defaultRetention().days());
        Expect.awsError(409, "InvalidBucketState", () -> s3.putBucketVersioning(v -> v.bucket(bucket)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED))));
    }

    /** {@code bucket} was created without Object Lock. */
    static void objectLockParameters_onABucketWithoutObjectLock_areInvalid(S3Client s3, String bucket, Instant now) {
        Expect.awsError(400, "InvalidRequest", () -> s3.putObject(p -> p.bucket(bucket).key("k")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(now.plus(Duration.ofDays(1))),
                RequestBody.fromString("x")));
        s3.putObject(p -> p.bucket(bucket).key("k"), RequestBody.fromString("x"));
        Expect.awsError(400, "InvalidRequest", () -> s3.getObjectRetention(g -> g.bucket(bucket).key("k")));
        Expect.awsError(404, "ObjectLockConfigurationNotFoundError",
                () -> s3.getObjectLockConfiguration(g -> g.bucket(bucket)));
    }

    /** moto answers 500 here. */
    static void multipart_afterAbort_isNoSuchUpload(S3Client s3, String bucket) {
        String upload = s3.createMultipartUpload(c -> c.bucket(bucket).key("aborted")).uploadId();

        s3.abortMultipartUpload(a -> a.bucket(bucket).key("aborted").uploadId(upload));

        assertThrows(NoSuchUploadException.class, () -> s3.uploadPart(
                u -> u.bucket(bucket).key("aborted").uploadId(upload).partNumber(1), RequestBody.fromString("x")));
    }

    static String sha256Base64(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
