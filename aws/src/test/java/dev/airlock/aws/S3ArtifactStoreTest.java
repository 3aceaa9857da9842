package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.DEV;
import static dev.airlock.aws.AwsTarget.ORIGIN_BUCKET;
import static dev.airlock.aws.AwsTarget.PROD;
import static dev.airlock.aws.AwsTarget.TOOLING;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.ProbeCache;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.ArtifactNotFoundException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import dev.airlock.testkit.ManualClock;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

/** The S3 artifact store on moto ({@link S3ArtifactStoreOnMotoTest}) and in memory ({@link S3ArtifactStoreOnFakesTest}). */
abstract class S3ArtifactStoreTest {
    static final byte[] BYTES = "payments-api-1.4.2.jar bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final Digest DIGEST = Digest.of(BYTES);

    final AwsTarget aws = target().withStorage();
    final ManualClock clock = ManualClock.at(Instant.now());

    abstract AwsTarget target();

    @AfterEach
    void close() {
        aws.close();
    }

    AwsBackend backend(AwsConfiguration.Builder configuration) {
        return aws.backend(configuration.build(), clock);
    }

    @Test
    void upload_storesContentAddressedWithChecksumAndNeverOverwrites() {
        S3ArtifactStore store = backend(aws.configuration()).s3Store();

        ArtifactStore.Upload upload = store.upload(new ByteArrayInputStream(BYTES), "application/java-archive");

        assertEquals(DIGEST, upload.digest());
        assertEquals(BYTES.length, upload.size());
        PutObjectRequest put = aws.recorder().of("PutObject").get(0).as(PutObjectRequest.class);
        assertEquals(ORIGIN_BUCKET, put.bucket());
        assertEquals("airlock/artifacts/sha256/" + DIGEST.hex(), put.key());
        assertEquals(Base64.getEncoder().encodeToString(DIGEST.raw()), put.checksumSHA256());
        assertEquals("*", put.ifNoneMatch());
        assertEquals(TOOLING.value(), put.expectedBucketOwner());
        try (S3Client s3 = aws.s3(TOOLING)) {
            assertArrayEquals(BYTES, s3.getObjectAsBytes(r -> r.bucket(ORIGIN_BUCKET).key(store.key(DIGEST)))
                    .asByteArray());
        }
    }

    @Test
    void upload_sameBytesAgain_isANoOp() {
        S3ArtifactStore store = backend(aws.configuration()).s3Store();
        store.upload(new ByteArrayInputStream(BYTES), "application/octet-stream");

        ArtifactStore.Upload again = store.upload(new ByteArrayInputStream(BYTES), "application/octet-stream");

        assertEquals(DIGEST, again.digest());
        assertEquals(1, aws.recorder().count("PutObject"), "found by HeadObject, not sent again");
    }

    @Test
    void upload_aboveTheThreshold_usesAMultipartUploadWithPartChecksums() {
        AwsBackend backend = backend(aws.configuration().s3(s3 -> s3.multipartCopyThreshold(5 * MIB)
                .copyPartSize(5 * MIB)));
        S3ArtifactStore store = backend.s3Store();
        byte[] large = random(11 * (int) MIB + 3);

        ArtifactStore.Upload upload = store.upload(new ByteArrayInputStream(large), "application/octet-stream");

        assertEquals(Digest.of(large), upload.digest());
        var parts = aws.recorder().of("UploadPart");
        assertEquals(3, parts.size());
        parts.forEach(part -> assertTrue(part.as(UploadPartRequest.class).checksumSHA256() != null,
                "every part has its checksum"));
        assertEquals("*", aws.recorder().of("CompleteMultipartUpload").get(0).as(CompleteMultipartUploadRequest.class)
                .ifNoneMatch());
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("dev"), context())) {
            store.verify(upload.digest(), Place.origin(TOOLING), session);
        }
    }

    @Test
    void transfer_copiesServerSideIntoTheEnvironmentsBucket_asTheDeployRole() {
        AwsBackend backend = backend(aws.configuration());
        S3ArtifactStore store = backend.s3Store();
        store.upload(new ByteArrayInputStream(BYTES), "application/java-archive");
        Place prod = Place.of(aws.env("prod"));
        aws.recorder().clear();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context())) {
            ArtifactStore.Transfer transfer = store.transfer(DIGEST, prod, session);

            assertEquals(new ArtifactStore.Transfer(DIGEST, BYTES.length, false), transfer);
            store.verify(DIGEST, prod, session);
            assertTrue(store.contains(prod, DIGEST, session));
        }
        CopyObjectRequest copy = aws.recorder().of("CopyObject").get(0).as(CopyObjectRequest.class);
        assertEquals("airlock-prod", copy.destinationBucket());
        assertEquals(store.key(DIGEST), copy.destinationKey());
        // The SDK folds SourceBucket and SourceKey into CopySource before the request goes on the wire.
        String source = copy.sourceBucket() != null ? copy.sourceBucket() + "/" + copy.sourceKey()
                : copy.getValueForField("CopySource", String.class).orElse(null);
        assertEquals(ORIGIN_BUCKET + "/" + store.key(DIGEST), source);
        assertEquals("*", copy.ifNoneMatch());
        assertEquals(PROD.value(), copy.expectedBucketOwner());
        assertEquals(TOOLING.value(), copy.expectedSourceBucketOwner());
        assertTrue(copy.overrideConfiguration().orElseThrow().apiNames().stream()
                .anyMatch(api -> api.name().equals("airlock-promotion") && api.version().equals("promo-7")),
                "the promotion id travels in the User-Agent");
        try (S3Client s3 = aws.s3(PROD)) {
            assertArrayEquals(BYTES, s3.getObjectAsBytes(r -> r.bucket("airlock-prod").key(store.key(DIGEST)))
                    .asByteArray(), "the bytes are in the prod account's bucket");
        }
    }

    @Test
    void transfer_whenAlreadyThere_copiesNothing() {
        AwsBackend backend = backend(aws.configuration());
        S3ArtifactStore store = backend.s3Store();
        store.upload(new ByteArrayInputStream(BYTES), "application/octet-stream");
        Place dev = Place.of(aws.env("dev"));
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("dev"), context())) {
            store.transfer(DIGEST, dev, session);

            ArtifactStore.Transfer again = store.transfer(DIGEST, dev, session);

            assertEquals(new ArtifactStore.Transfer(DIGEST, 0, true), again);
        }
        assertEquals(1, aws.recorder().count("CopyObject"));
    }

    @Test
    void transfer_whenTheOriginLacksIt_throwsArtifactNotFound() {
        AwsBackend backend = backend(aws.configuration());
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("dev"), context())) {
            ArtifactNotFoundException e = assertThrows(ArtifactNotFoundException.class,
                    () -> backend.s3Store().transfer(DIGEST, Place.of(aws.env("dev")), session));

            assertTrue(e.place().isOrigin());
        }
        assertEquals(0, aws.recorder().count("CopyObject"));
    }

    @Test
    void transfer_aboveTheThreshold_reportsProgressPartByPart_upToTheWholeSize() {
        AwsBackend backend = backend(aws.configuration().s3(s3 -> s3.multipartCopyThreshold(5 * MIB)
                .copyPartSize(5 * MIB).copyParallelism(3)));
        S3ArtifactStore store = backend.s3Store();
        byte[] large = random(12 * (int) MIB + 1);
        uploadDirectly(store, large);
        java.util.List<Long> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("staging"), context())) {
            store.transfer(Digest.of(large), Place.of(aws.env("staging")), session, (done, total) -> {
                assertEquals(large.length, total);
                reported.add(done);
            });
        }

        assertEquals(java.util.List.of(5 * MIB, 10 * MIB, (long) large.length, (long) large.length), reported,
                "one report per part, in order, and the whole size at the end");
    }

    @Test
    void transfer_aboveTheThreshold_copiesPartsInParallelFromOneSourceVersion() {
        AwsBackend backend = backend(aws.configuration().s3(s3 -> s3.multipartCopyThreshold(5 * MIB)
                .copyPartSize(5 * MIB).copyParallelism(3)));
        S3ArtifactStore store = backend.s3Store();
        byte[] large = random(12 * (int) MIB + 1);
        Digest digest = Digest.of(large);
        uploadDirectly(store, large);
        Place staging = Place.of(aws.env("staging"));

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("staging"), context())) {
            ArtifactStore.Transfer transfer = store.transfer(digest, staging, session);

            assertEquals(large.length, transfer.bytesCopied());
            store.verify(digest, staging, session);
        }
        var parts = aws.recorder().of("UploadPartCopy");
        assertEquals(3, parts.size());
        assertEquals("bytes=10485760-12582912", parts.stream().map(p -> p.as(UploadPartCopyRequest.class))
                .filter(p -> p.partNumber() == 3).findFirst().orElseThrow().copySourceRange());
        parts.forEach(part -> assertTrue(part.as(UploadPartCopyRequest.class).copySourceIfMatch() != null,
                "pinned to one version"));
        assertEquals(0, aws.recorder().count("CopyObject"));
        assertEquals("*", aws.recorder().of("CompleteMultipartUpload").get(0).as(CompleteMultipartUploadRequest.class)
                .ifNoneMatch());
    }

    @Test
    void transfer_withObjectLock_retainsTheCopy() {
        AwsBackend backend = backend(aws.configuration().environment("prod", EnvironmentConfiguration.builder()
                .bucket("airlock-prod").externalId(AwsTarget.PROD_EXTERNAL_ID)
                        .objectLock(ObjectLockRetention.compliance(Duration.ofDays(30))).build()));
        S3ArtifactStore store = backend.s3Store();
        store.upload(new ByteArrayInputStream(BYTES), "application/octet-stream");

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context())) {
            store.transfer(DIGEST, Place.of(aws.env("prod")), session);
        }

        var copy = aws.recorder().of("CopyObject").get(0);
        assertEquals("COMPLIANCE", copy.as(CopyObjectRequest.class).objectLockModeAsString());
        assertEquals(clock.instant().plus(Duration.ofDays(30)),
                copy.as(CopyObjectRequest.class).objectLockRetainUntilDate());
    }

    @Test
    void verify_whenTheTargetHoldsOtherBytes_throwsDigestMismatch() {
        AwsBackend backend = backend(aws.configuration());
        S3ArtifactStore store = backend.s3Store();
        try (S3Client s3 = aws.s3(DEV)) {
            s3.putObject(r -> r.bucket("airlock-dev").key(store.key(DIGEST)), RequestBody.fromString("tampered"));
        }
        Place dev = Place.of(aws.env("dev"));

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("dev"), context())) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> store.verify(DIGEST, dev, session));

            assertEquals(Digest.of("tampered".getBytes(java.nio.charset.StandardCharsets.UTF_8)), e.actual());
        }
    }

    @Test
    void verify_whenTheTargetHoldsOtherBytesWithTheirOwnChecksum_throwsDigestMismatchNamingThem() {
        AwsBackend backend = backend(aws.configuration());
        S3ArtifactStore store = backend.s3Store();
        store.upload(new ByteArrayInputStream(BYTES), "application/octet-stream");
        Place dev = Place.of(aws.env("dev"));
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("dev"), context())) {
            store.transfer(DIGEST, dev, session);
        }
        byte[] other = "replaced behind Airlock's back".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (S3Client s3 = aws.s3(DEV)) {
            s3.putObject(r -> r.bucket("airlock-dev").key(store.key(DIGEST)).checksumAlgorithm(ChecksumAlgorithm.SHA256),
                    RequestBody.fromBytes(other));
        }

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("dev"), context())) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> store.verify(DIGEST, dev, session));

            assertEquals(Digest.of(other), e.actual());
        }
    }

    @Test
    void verify_whenMissing_throwsDigestMismatchWithNothingFound() {
        AwsBackend backend = backend(aws.configuration());
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("dev"), context())) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> backend.s3Store().verify(DIGEST, Place.of(aws.env("dev")), session));

            assertNull(e.actual());
        }
    }

    @Test
    void everyS3Request_carriesTheExpectedBucketOwner() {
        AwsBackend backend = backend(aws.configuration());
        S3ArtifactStore store = backend.s3Store();
        store.upload(new ByteArrayInputStream(BYTES), "application/octet-stream");
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("dev"), context())) {
            Place dev = Place.of(aws.env("dev"));
            store.transfer(DIGEST, dev, session);
            store.verify(DIGEST, dev, session);
            store.contains(Place.origin(TOOLING), DIGEST, session);
            store.isImmutable(dev);
        }

        var s3 = aws.recorder().matching(s -> s.service().equals("S3"));
        assertTrue(s3.size() >= 7, "requests seen: " + s3.size());
        s3.forEach(sent -> assertTrue(sent.request().getValueForField("ExpectedBucketOwner", String.class).isPresent(),
                sent.operation() + " lacks ExpectedBucketOwner"));
    }

    @Test
    void isImmutable_onlyWhenS3ItselfLocksTheObjects() {
        AwsBackend locked = backend(aws.configuration().environment("prod", EnvironmentConfiguration.builder()
                .bucket("airlock-prod").externalId(AwsTarget.PROD_EXTERNAL_ID)
                        .objectLock(ObjectLockRetention.governance(Duration.ofDays(7))).build()));
        AwsBackend unlocked = backend(aws.configuration());

        assertTrue(locked.s3Store().isImmutable(Place.of(aws.env("prod"))), "object lock and retention on copies");
        assertFalse(unlocked.s3Store().isImmutable(Place.of(aws.env("prod"))), "object lock without any retention");
        assertFalse(unlocked.s3Store().isImmutable(Place.of(aws.env("dev"))), "no object lock");
        assertFalse(unlocked.s3Store().isImmutable(Place.origin(TOOLING)));
    }

    @Test
    void isImmutable_asksS3OncePerPlaceWithinTheLifetime_thenAgain() {
        S3ArtifactStore store = backend(aws.configuration().environment("prod", EnvironmentConfiguration.builder()
                .bucket("airlock-prod").externalId(AwsTarget.PROD_EXTERNAL_ID)
                .objectLock(ObjectLockRetention.governance(Duration.ofDays(7))).build())).s3Store();
        Place prod = Place.of(aws.env("prod"));

        assertTrue(store.isImmutable(prod));
        assertFalse(store.isImmutable(Place.of(aws.env("dev"))));
        clock.advance(ProbeCache.LIFETIME.minusSeconds(1));
        assertTrue(store.isImmutable(prod));
        assertEquals(2, aws.recorder().count("GetObjectLockConfiguration"), "one per place");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(store.isImmutable(prod));

        assertEquals(3, aws.recorder().count("GetObjectLockConfiguration"), "an admin can change it: asked again");
    }

    @Test
    void transfer_withASessionForAnotherEnvironment_isRefused() {
        AwsBackend backend = backend(aws.configuration());
        try (AwsAccessSession dev = backend.environmentAccess().open(aws.env("dev"), context())) {
            InvalidValueException e = assertThrows(InvalidValueException.class,
                    () -> backend.s3Store().transfer(DIGEST, Place.of(aws.env("prod")), dev));

            assertTrue(e.getMessage().contains("must be open for prod"), e.getMessage());
        }
    }

    @Test
    void store_withoutABucketForTheEnvironment_namesTheMissingSetting() {
        AwsBackend backend = backend(aws.configuration().environment("staging", EnvironmentConfiguration.defaults()));

        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> backend.s3Store().bucket(Place.of(aws.env("staging"))));

        assertEquals("environments.staging.bucket", e.field());
    }

    static final long MIB = 1024 * 1024;

    static AccessContext context() {
        return new AccessContext("promo-7", "alice@example.com");
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private void uploadDirectly(S3ArtifactStore store, byte[] bytes) {
        try (S3Client s3 = aws.s3(TOOLING)) {
            s3.putObject(r -> r.bucket(ORIGIN_BUCKET).key(store.key(Digest.of(bytes))), RequestBody.fromBytes(bytes));
        }
    }
}
