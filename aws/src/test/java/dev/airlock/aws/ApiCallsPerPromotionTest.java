package dev.airlock.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.ImageManifest;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Counts the AWS API calls of one promotion (open access, transfer, verify) into an environment whose
 * role chain is already warm, per store. benchmarks/README.md reports these numbers next to the
 * minimum the APIs allow; this test keeps the two from drifting apart. It counts the same on moto
 * ({@link ApiCallsPerPromotionOnMotoTest}) and in memory ({@link ApiCallsPerPromotionOnFakesTest}), which
 * also counts the copy-to-environment strategy (moto has no layer API).
 */
abstract class ApiCallsPerPromotionTest {
    static final long MIB = 1024 * 1024;

    final AwsTarget aws = target().withStorage();

    abstract AwsTarget target();

    @AfterEach
    void close() {
        aws.close();
    }

    /**
     * HeadObject calls a multipart promotion makes beyond the fake's: moto reports no checksum with a completed
     * copy, so Airlock asks HeadObject for it.
     */
    abstract long extraHeadsOfAMultipartCopy();

    @Test
    void s3_fourCallsPerPromotion_plusOneDeployAssumeRolePerDigest_andNoObjectRead() {
        AwsBackend backend = aws.backend(aws.configuration().build());
        S3ArtifactStore store = backend.s3Store();
        Digest first = store.upload(new ByteArrayInputStream(Images.blob(1000, 1)), "application/octet-stream")
                .digest();
        Digest second = store.upload(new ByteArrayInputStream(Images.blob(1000, 2)), "application/octet-stream")
                .digest();
        Place prod = Place.of(aws.env("prod"));
        aws.recorder().clear();

        promoteFile(backend, first, prod, "cold");
        Map<String, Long> cold = counts(aws.recorder());
        aws.recorder().clear();
        promoteFile(backend, second, prod, "warm");
        Map<String, Long> warm = counts(aws.recorder());

        // HeadObject at the target and the origin before the copy, and with checksum mode to verify it. The
        // default session policy names the digest, so another digest needs its own deploy-role session; the
        // hub session is shared.
        assertEquals(Map.of("AssumeRole", 2L, "CopyObject", 1L, "HeadObject", 3L), cold);
        assertEquals(Map.of("AssumeRole", 1L, "CopyObject", 1L, "HeadObject", 3L), warm);
        aws.recorder().clear();
        promoteFile(backend, second, prod, "again");
        assertEquals(Map.of("HeadObject", 2L), counts(aws.recorder()), "the same digest again: its session is warm");
    }

    @Test
    void s3_multipartCopy_addsCreateCompleteAndOnePartCopyPerPart_andNoObjectRead() {
        AwsBackend backend = aws.backend(aws.configuration().s3(s3 -> s3.multipartCopyThreshold(5 * MIB)
                .copyPartSize(5 * MIB)).build());
        S3ArtifactStore store = backend.s3Store();
        Digest large = store.upload(new ByteArrayInputStream(Images.blob((int) (11 * MIB), 3)),
                "application/octet-stream").digest();
        aws.recorder().clear();

        promoteFile(backend, large, Place.of(aws.env("prod")), "large");

        // Verification heads the target for its composite checksum and the origin for the one recorded there.
        assertEquals(Map.of("AssumeRole", 2L, "CompleteMultipartUpload", 1L, "CreateMultipartUpload", 1L,
                "HeadObject", 4L + extraHeadsOfAMultipartCopy(), "UploadPartCopy", 3L), counts(aws.recorder()));
    }

    @Test
    void s3_readBack_getsTheWholeObjectOnceToVerify_andOnceMoreAfterAMultipartCopy() {
        AwsBackend backend = aws.backend(aws.configuration().s3(s3 -> s3.multipartCopyThreshold(5 * MIB)
                .copyPartSize(5 * MIB).verification(S3Verification.READ_BACK)).build());
        S3ArtifactStore store = backend.s3Store();
        Digest small = store.upload(new ByteArrayInputStream(Images.blob(1000, 1)), "application/octet-stream")
                .digest();
        Digest large = store.upload(new ByteArrayInputStream(Images.blob((int) (11 * MIB), 3)),
                "application/octet-stream").digest();
        aws.recorder().clear();

        promoteFile(backend, small, Place.of(aws.env("prod")), "small");
        Map<String, Long> single = counts(aws.recorder());
        aws.recorder().clear();
        promoteFile(backend, large, Place.of(aws.env("prod")), "large");

        assertEquals(Map.of("AssumeRole", 2L, "CopyObject", 1L, "GetObject", 1L, "HeadObject", 2L), single);
        // A multipart copy has no whole-object SHA-256, so the transfer reads it back too.
        assertEquals(Map.of("AssumeRole", 1L, "CompleteMultipartUpload", 1L, "CreateMultipartUpload", 1L,
                "GetObject", 2L, "HeadObject", 2L, "UploadPartCopy", 3L), counts(aws.recorder()));
    }

    @Test
    void ecrCentralRegistry_threeCallsPerPromotion() {
        AwsBackend backend = aws.backend(aws.configuration().build());
        EcrArtifactStore store = backend.ecrStore();
        aws.pushBlobs(AwsTarget.TOOLING, AwsTarget.ORIGIN_REPOSITORY, Images.blob(50, 4), Images.blob(500, 5));
        Digest image = store.upload(new ByteArrayInputStream(Images.manifest(Images.blob(50, 4), Images.blob(500, 5))
                .getBytes(StandardCharsets.UTF_8)), ImageManifest.OCI_MANIFEST).digest();
        aws.recorder().clear();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"),
                new AccessContext("promo-1", "alice", image))) {
            aws.recorder().clear();
            store.transfer(image, Place.of(aws.env("prod")), session);
            store.verify(image, Place.of(aws.env("prod")), session);
        }

        assertEquals(Map.of("BatchGetImage", 2L, "PutImage", 1L), counts(aws.recorder()));
    }

    void promoteFile(AwsBackend backend, Digest digest, Place target, String promotion) {
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env(target.name()),
                new AccessContext(promotion, "alice", digest))) {
            backend.s3Store().transfer(digest, target, session);
            backend.s3Store().verify(digest, target, session);
        }
    }

    static Map<String, Long> counts(RecordingInterceptor recorder) {
        Map<String, Long> counts = new TreeMap<>();
        recorder.all().forEach(sent -> counts.merge(sent.operation(), 1L, Long::sum));
        return counts;
    }
}
