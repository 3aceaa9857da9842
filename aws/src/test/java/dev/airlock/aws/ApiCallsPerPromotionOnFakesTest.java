package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.ORIGIN_REPOSITORY;
import static dev.airlock.aws.AwsTarget.PROD;
import static dev.airlock.aws.AwsTarget.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airlock.aws.internal.ImageManifest;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.Place;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * {@link ApiCallsPerPromotionTest} counting the calls made to the in-memory AWS, and the copy-to-environment
 * strategy, whose layer API only the fake has.
 */
class ApiCallsPerPromotionOnFakesTest extends ApiCallsPerPromotionTest {
    @Override
    AwsTarget target() {
        return new FakeAws();
    }

    @Override
    long extraHeadsOfAMultipartCopy() {
        return 0;
    }

    @Test
    void ecrCopy_callsPerMissingBlobAndPart() {
        byte[] config = Images.blob(200, 6);
        byte[] big = Images.blob((int) (25 * MIB), 7);
        byte[] small = Images.blob(3000, 8);
        String manifest = Images.manifest(config, big, small);
        aws.pushBlobs(TOOLING, ORIGIN_REPOSITORY, config, big, small);
        try (EcrClient tooling = aws.ecr(TOOLING)) {
            tooling.putImage(p -> p.repositoryName(ORIGIN_REPOSITORY).imageManifest(manifest)
                    .imageManifestMediaType(ImageManifest.OCI_MANIFEST).imageDigest(Images.digest(manifest).value()));
        }
        aws.repository(PROD, ORIGIN_REPOSITORY, true);
        aws.pushBlobs(PROD, ORIGIN_REPOSITORY, small);
        AwsBackend backend = aws.backend(aws.configuration().ecr(ecr -> ecr.strategy(EcrStrategy.COPY_TO_ENVIRONMENT))
                .build());

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"),
                new AccessContext("promo-1", "alice", Images.digest(manifest)))) {
            aws.recorder().clear();
            backend.ecrStore().transfer(Images.digest(manifest), Place.of(aws.env("prod")), session);
            backend.ecrStore().verify(Images.digest(manifest), Place.of(aws.env("prod")), session);
        }

        // Two of three blobs missing: config (1 part) and a 25 MiB layer (3 parts of 10 MiB).
        assertEquals(Map.of("BatchCheckLayerAvailability", 1L, "BatchGetImage", 3L, "CompleteLayerUpload", 2L,
                "GetDownloadUrlForLayer", 2L, "InitiateLayerUpload", 2L, "PutImage", 1L, "UploadLayerPart", 4L),
                counts(aws.recorder()));
    }
}
