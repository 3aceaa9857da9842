package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.ORIGIN_REPOSITORY;
import static dev.airlock.aws.AwsTarget.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.spi.DigestMismatchException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;

/** {@link EcrCentralRegistryTest} on moto_server, which also lets a test forge an image's digest. */
class EcrCentralRegistryOnMotoTest extends EcrCentralRegistryTest {
    @Override
    AwsTarget target() {
        return new MotoAws();
    }

    @Test
    void verify_whenTheRegistryHoldsOtherBytesUnderTheDigest_throwsDigestMismatch() {
        // moto keeps imageDigest exactly as sent, so a registry can be made to lie; the store hashes the bytes.
        String forged = Images.manifest(Images.blob(64, 9));
        try (EcrClient ecr = aws.ecr(TOOLING)) {
            ecr.putImage(r -> r.repositoryName(ORIGIN_REPOSITORY).imageManifest(forged).imageDigest(DIGEST.value())
                    .imageTag(EcrArtifactStore.tagFor("prod", DIGEST)));
        }

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context())) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> store.verify(DIGEST, prod, session));

            assertEquals(Images.digest(forged), e.actual());
        }
    }
}
