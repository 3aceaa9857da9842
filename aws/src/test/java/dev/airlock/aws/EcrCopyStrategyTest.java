package dev.airlock.aws;

import static dev.airlock.aws.MotoAws.ORIGIN_REPOSITORY;
import static dev.airlock.aws.MotoAws.PROD;
import static dev.airlock.aws.MotoAws.STAGING;
import static dev.airlock.aws.MotoAws.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.ImageManifest;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessDeniedException;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.DigestMismatchException;
import dev.airlock.spi.Place;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartRequest;

/**
 * The copy-to-environment strategy and cross-account pulls, against a small in-memory ECR (moto has
 * no layer APIs and no cross-account ECR reads); STS and S3 are still moto.
 */
class EcrCopyStrategyTest {
    private static final long MIB = 1024 * 1024;
    private static final byte[] CONFIG = Images.blob(180, 1);
    private static final byte[] BIG_LAYER = Images.blob((int) (12 * MIB), 2);
    private static final byte[] SMALL_LAYER = Images.blob(1024, 3);
    private static final String MANIFEST = Images.manifest(CONFIG, BIG_LAYER, SMALL_LAYER);
    private static final Digest DIGEST = Images.digest(MANIFEST);

    private final MotoAws aws = new MotoAws().withStorage();
    private final FakeEcr ecr = new FakeEcr();
    private final FakeEcr.Repo origin = ecr.create(TOOLING, ORIGIN_REPOSITORY, true);
    private final FakeEcr.Repo prodRepo = ecr.create(PROD, ORIGIN_REPOSITORY, true);
    private final Place prod = Place.of(aws.env("prod"));

    @AfterEach
    void close() {
        aws.close();
        ecr.close();
    }

    private AwsBackend backend(AwsSettings.Builder settings) {
        return aws.backend(settings.build(), Clock.systemUTC(), aws.withFakeEcr(ecr));
    }

    private AwsBackend copying() {
        return backend(aws.settings().ecrStrategy(EcrStrategy.COPY_TO_ENVIRONMENT));
    }

    /** The origin repository's policy lets prod pull, as the copy strategy needs. */
    private void pushToOrigin(String manifest, byte[]... blobs) {
        origin.pullers.add(PROD.value());
        for (byte[] blob : blobs) {
            ecr.seedBlob(origin, Digest.of(blob), blob);
        }
        ecr.seedImage(origin, manifest, ImageManifest.OCI_MANIFEST, null);
    }

    @Test
    void transfer_copiesOnlyMissingBlobs_inPartsOfTheConfiguredSize_asTheDeployRole() {
        pushToOrigin(MANIFEST, CONFIG, BIG_LAYER, SMALL_LAYER);
        ecr.seedBlob(prodRepo, Digest.of(SMALL_LAYER), SMALL_LAYER);
        AwsBackend backend = copying();
        EcrArtifactStore store = backend.ecrStore();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-1"))) {
            ArtifactStore.Transfer transfer = store.transfer(DIGEST, prod, session);

            assertEquals(new ArtifactStore.Transfer(DIGEST, CONFIG.length + BIG_LAYER.length, false), transfer);
            store.verify(DIGEST, prod, session);
        }
        List<String> parts = ecr.calls("UploadLayerPart").stream().map(c -> (UploadLayerPartRequest) c.request())
                .map(p -> p.partFirstByte() + "-" + p.partLastByte()).toList();
        assertEquals(List.of("0-179", "0-10485759", "10485760-12582911"), parts, "config, then the big layer in 10 MiB parts");
        assertEquals(2, ecr.calls("CompleteLayerUpload").size(), "the small layer was already in prod");
        ecr.calls("GetDownloadUrlForLayer").forEach(call -> {
            assertEquals(PROD, call.caller(), "the environment reads the origin with its own role");
            assertEquals(TOOLING.value(), ((GetDownloadUrlForLayerRequest) call.request()).registryId());
        });
        PutImageRequest put = (PutImageRequest) ecr.calls("PutImage").get(0).request();
        assertEquals(PROD.value(), put.registryId());
        assertEquals(DIGEST.value(), put.imageDigest());
        assertEquals(EcrArtifactStore.tagFor("prod", DIGEST), put.imageTag());
    }

    @Test
    void transfer_again_movesNothing() {
        pushToOrigin(MANIFEST, CONFIG, BIG_LAYER, SMALL_LAYER);
        AwsBackend backend = copying();
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-1"))) {
            backend.ecrStore().transfer(DIGEST, prod, session);
            int uploadsBefore = ecr.calls("UploadLayerPart").size();

            ArtifactStore.Transfer again = backend.ecrStore().transfer(DIGEST, prod, session);

            assertEquals(new ArtifactStore.Transfer(DIGEST, 0, true), again);
            assertEquals(uploadsBefore, ecr.calls("UploadLayerPart").size());
        }
    }

    @Test
    void transfer_ofAnIndex_copiesEachChildBeforeTheIndex() {
        byte[] armLayer = Images.blob(2048, 4);
        String arm = Images.manifest(CONFIG, armLayer);
        String amd = Images.manifest(CONFIG, SMALL_LAYER);
        String index = Images.index(amd, arm);
        origin.pullers.add(PROD.value());
        ecr.seedBlob(origin, Digest.of(CONFIG), CONFIG);
        ecr.seedBlob(origin, Digest.of(armLayer), armLayer);
        ecr.seedBlob(origin, Digest.of(SMALL_LAYER), SMALL_LAYER);
        ecr.seedImage(origin, amd, ImageManifest.OCI_MANIFEST, null);
        ecr.seedImage(origin, arm, ImageManifest.OCI_MANIFEST, null);
        ecr.seedImage(origin, index, ImageManifest.OCI_INDEX, "1.4.2");
        AwsBackend backend = copying();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-2"))) {
            backend.ecrStore().transfer(Images.digest(index), prod, session);
            backend.ecrStore().verify(Images.digest(index), prod, session);
        }

        List<String> puts = ecr.calls("PutImage").stream().map(c -> ((PutImageRequest) c.request()).imageDigest())
                .toList();
        assertEquals(List.of(Images.digest(amd).value(), Images.digest(arm).value(), Images.digest(index).value()),
                puts, "children first, the index last");
        assertEquals(3, ecr.calls("CompleteLayerUpload").size(), "config once, both layers once");
    }

    @Test
    void transfer_whenALayerAtTheOriginIsCorrupt_failsWithoutCompletingIt() {
        pushToOrigin(MANIFEST, CONFIG, SMALL_LAYER);
        ecr.seedBlob(origin, Digest.of(BIG_LAYER), Images.blob((int) (12 * MIB), 99));
        AwsBackend backend = copying();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-3"))) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> backend.ecrStore().transfer(DIGEST, prod, session));

            assertEquals(Digest.of(BIG_LAYER), e.expected());
        }
        assertTrue(ecr.calls("PutImage").isEmpty(), "the manifest never appears without its layers");
        assertTrue(ecr.calls("CompleteLayerUpload").stream().noneMatch(c -> c.request().toString()
                .contains(Digest.of(BIG_LAYER).value())));
    }

    @Test
    void transfer_withSmallerParts_uploadsMoreParts() {
        pushToOrigin(MANIFEST, CONFIG, BIG_LAYER, SMALL_LAYER);
        AwsBackend backend = backend(aws.settings().ecrStrategy(EcrStrategy.COPY_TO_ENVIRONMENT).layerPartSize(5 * MIB));

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-4"))) {
            backend.ecrStore().transfer(DIGEST, prod, session);
        }

        long bigParts = ecr.calls("UploadLayerPart").stream().map(c -> (UploadLayerPartRequest) c.request())
                .filter(p -> p.partLastByte() - p.partFirstByte() + 1 >= 2 * MIB).count();
        assertEquals(3, bigParts, "12 MiB in parts of 5, 5 and 2 MiB");
    }

    @Test
    void isImmutable_readsTheEnvironmentsRepository_asTheEnvironment() {
        ecr.create(STAGING, ORIGIN_REPOSITORY, false);
        AwsBackend backend = copying();

        assertTrue(backend.ecrStore().isImmutable(prod));
        assertFalse(backend.ecrStore().isImmutable(Place.of(aws.env("staging"))));
        assertEquals(STAGING, ecr.calls("DescribeRepositories").get(1).caller());
    }

    @Test
    void centralRegistry_verifiesByPullingCrossAccountAsTheEnvironment() {
        pushToOrigin(MANIFEST, CONFIG, BIG_LAYER, SMALL_LAYER);
        AwsBackend backend = backend(aws.settings().verifyPullAsEnvironment(true));
        EcrArtifactStore store = backend.ecrStore();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-5"))) {
            store.transfer(DIGEST, prod, session);
            store.verify(DIGEST, prod, session);
        }
        var reads = ecr.calls("BatchGetImage").stream().filter(c -> c.caller().equals(PROD)).toList();
        assertEquals(1, reads.size(), "verification pulled as prod");
        assertEquals(TOOLING.value(), reads.get(0).registry());

        Place staging = Place.of(aws.env("staging"));
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("staging"), context("promo-6"))) {
            store.transfer(DIGEST, staging, session);

            AccessDeniedException e = assertThrows(AccessDeniedException.class,
                    () -> store.verify(DIGEST, staging, session));
            assertTrue(e.getMessage().contains("BatchGetImage"), e.getMessage());
        }
    }

    private static AccessContext context(String promotion) {
        return new AccessContext(promotion, "alice@example.com");
    }
}
