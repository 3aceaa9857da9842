package dev.airlock.aws;

import static dev.airlock.aws.MotoAws.DEV;
import static dev.airlock.aws.MotoAws.ORIGIN_REPOSITORY;
import static dev.airlock.aws.MotoAws.STAGING;
import static dev.airlock.aws.MotoAws.TOOLING;

import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.ImageManifest;
import dev.airlock.environment.Environment;
import dev.airlock.environment.Landscape;
import dev.airlock.spi.AccessContext;
import dev.airlock.spi.AccessSession;
import dev.airlock.spi.ArtifactStore;
import dev.airlock.spi.Place;
import dev.airlock.testkit.contract.ArtifactStoreContract;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/**
 * The artifact store contract for the ECR store copying images into each environment's own registry.
 * moto has no layer APIs and no cross-account ECR reads, so ECR is the in-memory {@link FakeEcr}
 * (which checks digests, immutable tags and layer parts as ECR does); STS is moto.
 */
class EcrCopyToEnvironmentContractTest extends ArtifactStoreContract<EcrArtifactStore> {
    private static final int CONFIG_SIZE = 64;
    private static final int LAYER_SIZE = 256;

    private final MotoAws aws = new MotoAws().withStorage();
    private final FakeEcr ecr = new FakeEcr();
    private final FakeEcr.Repo origin = ecr.create(TOOLING, ORIGIN_REPOSITORY, true);
    private AwsBackend backend;

    EcrCopyToEnvironmentContractTest() {
        // The origin repository's policy lets both environments pull, as the copy strategy needs.
        origin.pullers.add(DEV.value());
        origin.pullers.add(STAGING.value());
        ecr.create(DEV, ORIGIN_REPOSITORY, true);
        ecr.create(STAGING, ORIGIN_REPOSITORY, true);
    }

    @AfterEach
    void close() {
        aws.close();
        ecr.close();
    }

    @Override
    protected EcrArtifactStore createStore() {
        backend = aws.backend(aws.settings().ecrStrategy(EcrStrategy.COPY_TO_ENVIRONMENT).build(), Clock.systemUTC(),
                aws.withFakeEcr(ecr));
        return backend.ecrStore();
    }

    @Override
    protected Landscape landscape() {
        return aws.landscape;
    }

    @Override
    protected AccessSession openSession(Environment environment, AccessContext context) {
        return backend.environmentAccess().open(environment, context);
    }

    /** A manifest whose blobs the build already pushed to the origin, as a registry requires. */
    @Override
    protected Sample sample(int n) {
        byte[] config = Images.blob(CONFIG_SIZE, n);
        byte[] layer = Images.blob(LAYER_SIZE, 1000 + n);
        ecr.seedBlob(origin, Digest.of(config), config);
        ecr.seedBlob(origin, Digest.of(layer), layer);
        return new Sample(Images.manifest(config, layer).getBytes(StandardCharsets.UTF_8), ImageManifest.OCI_MANIFEST);
    }

    /** The blobs move; the manifest is put, not counted. */
    @Override
    protected long expectedBytesCopied(ArtifactStore.Upload upload) {
        return CONFIG_SIZE + LAYER_SIZE;
    }

    /** The registry is made to hold another manifest under the digest, as a registry that lies would. */
    @Override
    protected void corrupt(EcrArtifactStore store, Place place, Digest digest, byte[] bytes) {
        FakeEcr.Repo repo = ecr.repo(place.account(), store.repositoryName(place));
        repo.images.put(digest, new String[] {new String(bytes, StandardCharsets.UTF_8), ImageManifest.OCI_MANIFEST});
    }
}
