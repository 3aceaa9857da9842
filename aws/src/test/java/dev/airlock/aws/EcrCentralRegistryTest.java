package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.ORIGIN_REPOSITORY;
import static dev.airlock.aws.AwsTarget.TOOLING;
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
import dev.airlock.spi.Place;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;

/**
 * The central-registry strategy against moto's ECR ({@link EcrCentralRegistryOnMotoTest}) and the in-memory
 * one ({@link EcrCentralRegistryOnFakesTest}), which like ECR needs an image's blobs before its manifest.
 */
abstract class EcrCentralRegistryTest {
    static final byte[] CONFIG = Images.blob(64, 1);
    static final byte[] LAYER = Images.blob(256, 2);
    static final String MANIFEST = Images.manifest(CONFIG, LAYER);
    static final Digest DIGEST = Images.digest(MANIFEST);

    final AwsTarget aws = target().withStorage();
    final AwsBackend backend = aws.backend(aws.configuration().build());
    final EcrArtifactStore store = backend.ecrStore();
    final Place prod = Place.of(aws.env("prod"));

    abstract AwsTarget target();

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void upload_putsTheManifestUntagged_withTheDigestOfItsExactBytes() {
        aws.pushBlobs(TOOLING, ORIGIN_REPOSITORY, CONFIG, LAYER);
        ArtifactStore.Upload upload = store.upload(new ByteArrayInputStream(MANIFEST.getBytes(StandardCharsets.UTF_8)),
                ImageManifest.OCI_MANIFEST);

        assertEquals(DIGEST, upload.digest());
        PutImageRequest put = aws.recorder().of("PutImage").get(0).as(PutImageRequest.class);
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
        PutImageRequest put = aws.recorder().of("PutImage").get(0).as(PutImageRequest.class);
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
        aws.pushBlobs(TOOLING, ORIGIN_REPOSITORY, Images.blob(64, 3));
        pushTagged(other, EcrArtifactStore.tagFor("prod", DIGEST));

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context())) {
            AirlockException e = assertThrows(AirlockException.class, () -> store.transfer(DIGEST, prod, session));

            assertTrue(e.getMessage().contains("already names " + Images.digest(other)), e.getMessage());
        }
    }

    @Test
    void isImmutable_followsTheRepositorysTagMutability() {
        assertTrue(store.isImmutable(prod), "the origin repository has IMMUTABLE tags");
        aws.repository(TOOLING, "payments/mutable", false);
        EcrArtifactStore mutable = aws.backend(aws.configuration().ecr(ecr -> ecr.originRepository("payments/mutable"))
                .build())
                .ecrStore();

        assertFalse(mutable.isImmutable(prod));
        assertFalse(mutable.isImmutable(Place.origin(TOOLING)));
    }

    @Test
    void isImmutable_asksOncePerPlaceWhileTheAnswerIsFresh() {
        aws.recorder().clear();

        store.isImmutable(prod);
        store.isImmutable(prod);
        store.isImmutable(Place.origin(TOOLING));

        assertEquals(2, aws.recorder().count("DescribeRepositories"), "once for prod, once for the origin");
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

        var puts = aws.recorder().of("PutImage");
        assertEquals(2, puts.size());
        puts.forEach(sent -> {
            PutImageRequest put = sent.as(PutImageRequest.class);
            assertEquals(Digest.of(put.imageManifest().getBytes(StandardCharsets.UTF_8)).value(), put.imageDigest());
        });
    }

    /** Pushes a manifest of MANIFEST's blobs (or blob(64, 3)) with a tag, as a registry client does. */
    void pushTagged(String manifest, String tag) {
        aws.pushBlobs(TOOLING, ORIGIN_REPOSITORY, CONFIG, LAYER);
        try (EcrClient ecr = aws.ecr(TOOLING)) {
            ecr.putImage(r -> r.repositoryName(ORIGIN_REPOSITORY).imageManifest(manifest)
                    .imageManifestMediaType(ImageManifest.OCI_MANIFEST)
                    .imageDigest(Images.digest(manifest).value()).imageTag(tag));
        }
    }

    static AccessContext context() {
        return new AccessContext("promo-9", "alice@example.com");
    }
}
