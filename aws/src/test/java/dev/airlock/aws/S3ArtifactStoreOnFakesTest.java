package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.DEV;
import static dev.airlock.aws.AwsTarget.ORIGIN_BUCKET;
import static dev.airlock.aws.AwsTarget.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * {@link S3ArtifactStoreTest} on the testkit's in-memory AWS (trust and bucket policies enforced), and
 * verification by checksum, which only the fake can hold to AWS: like S3 it computes every checksum from
 * the bytes it stores (moto keeps what clients send), so a verification that reads no bytes still catches
 * other bytes under the digest's key.
 */
class S3ArtifactStoreOnFakesTest extends S3ArtifactStoreTest {
    private static final long PART = 5 * MIB;

    @Override
    AwsTarget target() {
        return new FakeAws();
    }

    private AwsBackend multipart() {
        return backend(aws.configuration().s3(s3 -> s3.multipartCopyThreshold(PART).copyPartSize(PART)));
    }

    @Test
    void verify_readsNoObjectBytes_butTheChecksumS3ComputedForTheCopy() {
        AwsBackend backend = backend(aws.configuration());
        backend.s3Store().upload(new ByteArrayInputStream(BYTES), "application/octet-stream");

        promote(backend, DIGEST, "dev");

        assertEquals(0, aws.recorder().count("GetObject"));
        assertTrue(aws.recorder().of("HeadObject").stream().anyMatch(head -> head.as(HeadObjectRequest.class)
                .checksumMode() == ChecksumMode.ENABLED), "verification asks for the checksum");
    }

    @Test
    void verify_ofATargetReplacedWithOtherBytes_isRefusedFromTheirChecksumWithoutReadingThem() {
        AwsBackend backend = backend(aws.configuration());
        S3ArtifactStore store = backend.s3Store();
        store.upload(new ByteArrayInputStream(BYTES), "application/octet-stream");
        promote(backend, DIGEST, "dev");
        byte[] other = random(4000);
        try (S3Client s3 = aws.s3(DEV)) {
            s3.putObject(p -> p.bucket("airlock-dev").key(store.key(DIGEST))
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(other));
        }
        aws.recorder().clear();

        DigestMismatchException e = assertThrows(DigestMismatchException.class, () -> verify(backend, DIGEST, "dev"));

        assertEquals(Digest.of(other), e.actual());
        assertEquals(0, aws.recorder().count("GetObject"));
    }

    @Test
    void verify_ofAnObjectWithoutASha256Checksum_readsItBack() {
        AwsBackend backend = backend(aws.configuration());
        S3ArtifactStore store = backend.s3Store();
        try (S3Client s3 = aws.s3(DEV)) {
            s3.putObject(p -> p.bucket("airlock-dev").key(store.key(DIGEST)), RequestBody.fromBytes(BYTES));
        }

        verify(backend, DIGEST, "dev");

        assertEquals(1, aws.recorder().count("GetObject"), "another tool wrote it without a SHA-256 checksum");
    }

    @Test
    void upload_inParts_recordsTheCompositeChecksumS3Reports() {
        byte[] large = random((int) (2 * PART + 7));
        S3ArtifactStore store = multipart().s3Store();

        store.upload(new ByteArrayInputStream(large), "application/octet-stream");

        try (S3Client s3 = aws.s3(TOOLING)) {
            HeadObjectResponse origin = s3.headObject(h -> h.bucket(ORIGIN_BUCKET).key(store.key(Digest.of(large)))
                    .checksumMode(ChecksumMode.ENABLED));
            assertTrue(origin.checksumSHA256().endsWith("-3"), origin.checksumSHA256());
            assertEquals(Map.of("airlock-part-size", Long.toString(PART), "airlock-checksum-sha256",
                    origin.checksumSHA256()), origin.metadata());
        }
    }

    @Test
    void promote_inParts_readsNoObjectBytes() {
        byte[] large = random((int) (2 * PART + 7));
        AwsBackend backend = multipart();
        backend.s3Store().upload(new ByteArrayInputStream(large), "application/octet-stream");
        aws.recorder().clear();

        promote(backend, Digest.of(large), "staging");

        assertEquals(3, aws.recorder().count("UploadPartCopy"));
        assertEquals(0, aws.recorder().count("GetObject"));
    }

    @Test
    void verify_ofAMultipartTargetReplacedWithOtherBytesInTheSameParts_isRefusedWithoutReadingThem() {
        byte[] large = random((int) (2 * PART + 7));
        Digest digest = Digest.of(large);
        AwsBackend backend = multipart();
        S3ArtifactStore store = backend.s3Store();
        store.upload(new ByteArrayInputStream(large), "application/octet-stream");
        promote(backend, digest, "dev");
        byte[] other = large.clone();
        other[(int) PART + 1] ^= 1;
        try (S3Client s3 = aws.s3(DEV)) {
            putInParts(s3, "airlock-dev", store.key(digest), other, Map.of());
        }
        aws.recorder().clear();

        DigestMismatchException e = assertThrows(DigestMismatchException.class, () -> verify(backend, digest, "dev"));

        assertNull(e.actual(), "a checksum of parts does not say what the whole hashes to");
        assertTrue(e.getMessage().contains("of the stored parts"), e.getMessage());
        assertEquals(0, aws.recorder().count("GetObject"));
    }

    @Test
    void transfer_ofAMultipartOriginReplacedBehindAirlock_removesTheCopyWithoutReadingIt() {
        byte[] large = random((int) (2 * PART + 7));
        Digest digest = Digest.of(large);
        AwsBackend backend = multipart();
        S3ArtifactStore store = backend.s3Store();
        store.upload(new ByteArrayInputStream(large), "application/octet-stream");
        byte[] other = large.clone();
        other[3] ^= 1;
        try (S3Client s3 = aws.s3(TOOLING)) {
            // Even keeping the record of the registered parts: S3 computes the copy's checksum from its bytes.
            Map<String, String> record = s3.headObject(h -> h.bucket(ORIGIN_BUCKET).key(store.key(digest))).metadata();
            putInParts(s3, ORIGIN_BUCKET, store.key(digest), other, record);
        }
        aws.recorder().clear();

        assertThrows(DigestMismatchException.class, () -> promote(backend, digest, "dev"));

        assertEquals(1, aws.recorder().count("DeleteObject"), "the corrupt copy is removed");
        assertEquals(0, aws.recorder().count("GetObject"));
        try (S3Client s3 = aws.s3(DEV)) {
            assertTrue(s3.listObjectsV2(l -> l.bucket("airlock-dev")).contents().isEmpty());
        }
    }

    private void promote(AwsBackend backend, Digest digest, String environment) {
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env(environment), context())) {
            backend.s3Store().transfer(digest, Place.of(aws.env(environment)), session);
            backend.s3Store().verify(digest, Place.of(aws.env(environment)), session);
        }
    }

    private void verify(AwsBackend backend, Digest digest, String environment) {
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env(environment), context())) {
            backend.s3Store().verify(digest, Place.of(aws.env(environment)), session);
        }
    }

    /** What anyone allowed to write the bucket can do: a multipart upload with SHA-256 part checksums. */
    private static void putInParts(S3Client s3, String bucket, String key, byte[] data, Map<String, String> metadata) {
        String upload = s3.createMultipartUpload(c -> c.bucket(bucket).key(key).metadata(metadata)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int number = 1; (number - 1) * PART < data.length; number++) {
            int part = number;
            byte[] bytes = Arrays.copyOfRange(data, (int) ((part - 1) * PART),
                    (int) Math.min(data.length, part * PART));
            var answer = s3.uploadPart(u -> u.bucket(bucket).key(key).uploadId(upload).partNumber(part)
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256), RequestBody.fromBytes(bytes));
            parts.add(CompletedPart.builder().partNumber(part).eTag(answer.eTag())
                    .checksumSHA256(answer.checksumSHA256()).build());
        }
        s3.completeMultipartUpload(c -> c.bucket(bucket).key(key).uploadId(upload)
                .multipartUpload(m -> m.parts(parts)));
    }
}
