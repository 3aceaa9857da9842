package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.ORIGIN_REPOSITORY;
import static dev.airlock.aws.AwsTarget.PROD;
import static dev.airlock.aws.AwsTarget.STAGING;
import static dev.airlock.aws.AwsTarget.TOOLING;
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
import dev.airlock.testkit.aws.AwsCall;
import dev.airlock.testkit.aws.AwsService;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartRequest;

/**
 * The copy-to-environment strategy and cross-account pulls, end to end on the testkit's in-memory AWS: its
 * ECR has the layer API (moto has none) with ECR's part limits and digest checks, and checks cross-account
 * pulls against the origin repository's policy (moto has no cross-account ECR).
 */
class EcrCopyStrategyTest {
    private static final long MIB = 1024 * 1024;
    private static final byte[] CONFIG = Images.blob(180, 1);
    private static final byte[] BIG_LAYER = Images.blob((int) (12 * MIB), 2);
    private static final byte[] SMALL_LAYER = Images.blob(1024, 3);
    private static final String MANIFEST = Images.manifest(CONFIG, BIG_LAYER, SMALL_LAYER);
    private static final Digest DIGEST = Images.digest(MANIFEST);

    private final FakeAws aws = new FakeAws().withStorage();
    private final Place prod = Place.of(aws.env("prod"));

    EcrCopyStrategyTest() {
        aws.repository(PROD, ORIGIN_REPOSITORY, true);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    private AwsBackend copying() {
        return aws.backend(aws.configuration().ecr(ecr -> ecr.strategy(EcrStrategy.COPY_TO_ENVIRONMENT)).build());
    }

    /** Pushes blobs and then the manifest into the origin repository, as a registry client does. */
    private void pushToOrigin(String manifest, String mediaType, String tag, byte[]... blobs) {
        aws.pushBlobs(TOOLING, ORIGIN_REPOSITORY, blobs);
        try (EcrClient tooling = aws.ecr(TOOLING)) {
            tooling.putImage(p -> p.repositoryName(ORIGIN_REPOSITORY).imageManifest(manifest)
                    .imageManifestMediaType(mediaType).imageTag(tag).imageDigest(Images.digest(manifest).value()));
        }
    }

    private List<AwsCall> calls(String operation) {
        return aws.world.calls(AwsService.ECR, operation);
    }

    @Test
    void transfer_copiesOnlyMissingBlobs_inPartsOfTheConfiguredSize_asTheDeployRole() {
        pushToOrigin(MANIFEST, ImageManifest.OCI_MANIFEST, null, CONFIG, BIG_LAYER, SMALL_LAYER);
        aws.pushBlobs(PROD, ORIGIN_REPOSITORY, SMALL_LAYER);
        aws.world.clearCalls();
        AwsBackend backend = copying();
        EcrArtifactStore store = backend.ecrStore();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-1"))) {
            ArtifactStore.Transfer transfer = store.transfer(DIGEST, prod, session);

            assertEquals(new ArtifactStore.Transfer(DIGEST, CONFIG.length + BIG_LAYER.length, false), transfer);
            store.verify(DIGEST, prod, session);
        }
        List<String> parts = aws.recorder().of("UploadLayerPart").stream().map(c -> c.as(UploadLayerPartRequest.class))
                .map(p -> p.partFirstByte() + "-" + p.partLastByte()).toList();
        assertEquals(List.of("0-179", "0-10485759", "10485760-12582911"), parts,
                "config, then the big layer in 10 MiB parts");
        assertEquals(2, calls("CompleteLayerUpload").size(), "the small layer was already in prod");
        calls("GetDownloadUrlForLayer").forEach(call -> {
            assertEquals(PROD.value(), call.account(), "the environment reads the origin with its own role");
            assertEquals(TOOLING.value(), call.field("RegistryId"));
        });
        PutImageRequest put = aws.recorder().of("PutImage").get(0).as(PutImageRequest.class);
        assertEquals(PROD.value(), put.registryId());
        assertEquals(DIGEST.value(), put.imageDigest());
        assertEquals(EcrArtifactStore.tagFor("prod", DIGEST), put.imageTag());
    }

    @Test
    void transfer_reportsTheBlobBytesMoved_afterEachLayer() {
        pushToOrigin(MANIFEST, ImageManifest.OCI_MANIFEST, null, CONFIG, BIG_LAYER, SMALL_LAYER);
        aws.pushBlobs(PROD, ORIGIN_REPOSITORY, SMALL_LAYER);
        AwsBackend backend = copying();
        java.util.List<Long> reported = new java.util.ArrayList<>();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-1"))) {
            backend.ecrStore().transfer(DIGEST, prod, session, (done, total) -> reported.add(done));
        }

        assertEquals(2, reported.size(), "the two missing blobs: " + reported);
        assertEquals((long) CONFIG.length + BIG_LAYER.length, reported.get(1));
    }

    @Test
    void transfer_again_movesNothing() {
        pushToOrigin(MANIFEST, ImageManifest.OCI_MANIFEST, null, CONFIG, BIG_LAYER, SMALL_LAYER);
        AwsBackend backend = copying();
        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-1"))) {
            backend.ecrStore().transfer(DIGEST, prod, session);
            long uploadsBefore = aws.recorder().count("UploadLayerPart");

            ArtifactStore.Transfer again = backend.ecrStore().transfer(DIGEST, prod, session);

            assertEquals(new ArtifactStore.Transfer(DIGEST, 0, true), again);
            assertEquals(uploadsBefore, aws.recorder().count("UploadLayerPart"));
        }
    }

    @Test
    void transfer_ofAnIndex_copiesEachChildBeforeTheIndex() {
        byte[] armLayer = Images.blob(2048, 4);
        String arm = Images.manifest(CONFIG, armLayer);
        String amd = Images.manifest(CONFIG, SMALL_LAYER);
        String index = Images.index(amd, arm);
        pushToOrigin(amd, ImageManifest.OCI_MANIFEST, null, CONFIG, SMALL_LAYER);
        pushToOrigin(arm, ImageManifest.OCI_MANIFEST, null, CONFIG, armLayer);
        pushToOrigin(index, ImageManifest.OCI_INDEX, "1.4.2");
        aws.world.clearCalls();
        AwsBackend backend = copying();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-2"))) {
            backend.ecrStore().transfer(Images.digest(index), prod, session);
            backend.ecrStore().verify(Images.digest(index), prod, session);
        }

        List<String> puts = aws.recorder().of("PutImage").stream().map(c -> c.as(PutImageRequest.class).imageDigest())
                .toList();
        assertEquals(List.of(Images.digest(amd).value(), Images.digest(arm).value(), Images.digest(index).value()),
                puts, "children first, the index last");
        assertEquals(3, calls("CompleteLayerUpload").size(), "config once, both layers once");
    }

    @Test
    void transfer_whenALayerArrivesCorrupt_failsWithoutCompletingIt() {
        pushToOrigin(MANIFEST, ImageManifest.OCI_MANIFEST, null, CONFIG, BIG_LAYER, SMALL_LAYER);
        aws.layers.corrupt(Digest.of(BIG_LAYER), Images.blob((int) (12 * MIB), 99));
        aws.world.clearCalls();
        AwsBackend backend = copying();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-3"))) {
            DigestMismatchException e = assertThrows(DigestMismatchException.class,
                    () -> backend.ecrStore().transfer(DIGEST, prod, session));

            assertEquals(Digest.of(BIG_LAYER), e.expected());
        }
        assertTrue(calls("PutImage").isEmpty(), "the manifest never appears without its layers");
        assertTrue(calls("CompleteLayerUpload").stream().noneMatch(c -> String.valueOf(c.field("LayerDigests"))
                .contains(Digest.of(BIG_LAYER).value())));
    }

    @Test
    void transfer_withSmallerParts_uploadsMoreParts() {
        pushToOrigin(MANIFEST, ImageManifest.OCI_MANIFEST, null, CONFIG, BIG_LAYER, SMALL_LAYER);
        AwsBackend backend = aws.backend(aws.configuration().ecr(ecr -> ecr.strategy(EcrStrategy.COPY_TO_ENVIRONMENT)
                .layerPartSize(5 * MIB)).build());

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-4"))) {
            backend.ecrStore().transfer(DIGEST, prod, session);
        }

        long bigParts = aws.recorder().of("UploadLayerPart").stream().map(c -> c.as(UploadLayerPartRequest.class))
                .filter(p -> p.partLastByte() - p.partFirstByte() + 1 >= 2 * MIB).count();
        assertEquals(3, bigParts, "12 MiB in parts of 5, 5 and 2 MiB");
    }

    @Test
    void isImmutable_readsTheEnvironmentsRepository_asTheEnvironment() {
        aws.repository(STAGING, ORIGIN_REPOSITORY, false);
        aws.world.clearCalls();
        AwsBackend backend = copying();

        assertTrue(backend.ecrStore().isImmutable(prod));
        assertFalse(backend.ecrStore().isImmutable(Place.of(aws.env("staging"))));
        assertEquals(STAGING.value(), calls("DescribeRepositories").get(1).account());
    }

    @Test
    void centralRegistry_verifiesByPullingCrossAccountAsTheEnvironment() {
        pushToOrigin(MANIFEST, ImageManifest.OCI_MANIFEST, null, CONFIG, BIG_LAYER, SMALL_LAYER);
        try (EcrClient tooling = aws.ecr(TOOLING)) {
            // Only prod may pull from the origin.
            tooling.setRepositoryPolicy(p -> p.repositoryName(ORIGIN_REPOSITORY)
                    .policyText("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + PROD.value()
                    + ":root\"},\"Action\":[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]}]}"));
        }
        aws.world.clearCalls();
        AwsBackend backend = aws.backend(aws.configuration().ecr(ecr -> ecr.verifyPullAsEnvironment(true)).build());
        EcrArtifactStore store = backend.ecrStore();

        try (AwsAccessSession session = backend.environmentAccess().open(aws.env("prod"), context("promo-5"))) {
            store.transfer(DIGEST, prod, session);
            store.verify(DIGEST, prod, session);
        }
        var reads = calls("BatchGetImage").stream().filter(c -> PROD.value().equals(c.account())).toList();
        assertEquals(1, reads.size(), "verification pulled as prod");
        assertEquals(TOOLING.value(), reads.get(0).field("RegistryId"));

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
