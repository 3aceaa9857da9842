package dev.airlock.aws;

import static dev.airlock.aws.MotoAws.ORIGIN_REPOSITORY;
import static dev.airlock.aws.MotoAws.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.AirlockException;
import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.ImageManifest;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;

/** The central-registry strategy against moto's ECR. */
class EcrCentralRegistryTest {
    private static final String MANIFEST = Images.manifest(Images.blob(64, 1), Images.blob(256, 2));
    private static final Digest DIGEST = Images.digest(MANIFEST);

    private final MotoAws aws = new MotoAws().withStorage();
    private final AwsBackend backend = aws.backend(aws.settings().build());
    private final EcrArtifactStore store = backend.ecrStore();
    private final Place prod = Place.of(aws.env("prod"));

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void upload_putsTheManifestUntagged_withTheDigestOfItsExactBytes() {
        ArtifactStore.Upload upload = store.upload(new ByteArrayInputStream(MANIFEST.getBytes(StandardCharsets.UTF_8)),
                ImageManifest.OCI_MANIFEST);

        assertEquals(DIGEST, upload.digest());
        PutImageRequest put = aws.recorder.of("PutImage").get(0).as(PutImageRequest.class);
        assertEquals(DIGEST.value(), put.imageDigest());
        assertNull(put.imageTag());
        assertEquals(MANIFEST, put.imageManifest());
    }

    @Test
    void resolve_turnsATagIntoTheDigestOfTheManifestBytes() {
        pushTagged(MANIFEST, "1.4.2");

        assertEquals(DIGEST, store.resolve("1.4.2"));
        InvalidValueException missing = assertThrows(InvalidValueException.class, () -> store.resolve("9.9.9"));
        assertEquals("tag", missing.field());
    }

    @Test
    void transfer_addsTheEnvironmentQualifiedTag_andVerifies() {
        pushTagged(MANIFEST, "1.4.2");

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context())) {
            assertFalse(store.contains(prod, DIGEST, session));

            ArtifactStore.Transfer transfer = store.transfer(DIGEST, prod, session);

            assertEquals(new ArtifactStore.Transfer(DIGEST, 0, false), transfer);
            assertTrue(store.contains(prod, DIGEST, session));
            store.verify(DIGEST, prod, session);
        }
        PutImageRequest put = aws.recorder.of("PutImage").get(0).as(PutImageRequest.class);
        assertEquals("prod-" + DIGEST.hex(), put.imageTag());
        assertEquals(DIGEST.value(), put.imageDigest());
        assertEquals(EcrArtifactStore.tagFor("prod", DIGEST), put.imageTag());
    }

    @Test
    void transfer_again_findsTheTagAndChangesNothing() {
        pushTagged(MANIFEST, "1.4.2");
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context())) {
            store.transfer(DIGEST, prod, session);

            ArtifactStore.Transfer again = store.transfer(DIGEST, prod, session);

            assertTrue(again.alreadyPresent(), "moto's ImageAlreadyExistsException is handled as 'already there'");
        }
    }

    @Test
    void transfer_whenTheEnvironmentTagNamesOtherBytes_refusesToMoveIt() {
        pushTagged(MANIFEST, "1.4.2");
        String other = Images.manifest(Images.blob(64, 3));
        pushTagged(other, EcrArtifactStore.tagFor("prod", DIGEST));

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context())) {
            AirlockException e = assertThrows(AirlockException.class, () -> store.transfer(DIGEST, prod, session));

            assertTrue(e.getMessage().contains("already names " + Images.digest(other)), e.getMessage());
        }
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

    @Test
    void isImmutable_followsTheRepositorysTagMutability() {
        assertTrue(store.isImmutable(prod), "the origin repository has IMMUTABLE tags");
        aws.repository(TOOLING, "payments/mutable", false);
        EcrArtifactStore mutable = aws.backend(aws.settings().originRepository("payments/mutable").build())
                .ecrStore();

        assertFalse(mutable.isImmutable(prod));
        assertFalse(mutable.isImmutable(Place.origin(TOOLING)));
    }

    @Test
    void everyPutImage_sendsTheDigestOfTheExactManifestBytes() {
        String index = Images.index(MANIFEST);
        pushTagged(MANIFEST, "1.4.2");
        store.upload(new ByteArrayInputStream(index.getBytes(StandardCharsets.UTF_8)), ImageManifest.OCI_INDEX);
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context())) {
            store.transfer(Images.digest(index), prod, session);
            store.verify(Images.digest(index), prod, session);
        }

        var puts = aws.recorder.of("PutImage");
        assertEquals(2, puts.size());
        puts.forEach(sent -> {
            PutImageRequest put = sent.as(PutImageRequest.class);
            assertEquals(Digest.of(put.imageManifest().getBytes(StandardCharsets.UTF_8)).value(), put.imageDigest());
        });
    }

    private void pushTagged(String manifest, String tag) {
        try (EcrClient ecr = aws.ecr(TOOLING)) {
            ecr.putImage(r -> r.repositoryName(ORIGIN_REPOSITORY).imageManifest(manifest)
                    .imageManifestMediaType(ImageManifest.OCI_MANIFEST)
                    .imageDigest(Images.digest(manifest).value()).imageTag(tag));
        }
    }

    private static AccessContext context() {
        return new AccessContext("promo-9", "alice@example.com");
    }
}
