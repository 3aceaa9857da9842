package dev.airlock.aws;

import static dev.airlock.aws.AwsTarget.DEV;
import static dev.airlock.aws.AwsTarget.ORIGIN_REPOSITORY;
import static dev.airlock.aws.AwsTarget.STAGING;
import static dev.airlock.aws.AwsTarget.TOOLING;

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
import org.junit.jupiter.api.AfterEach;

/**
 * The artifact store contract for the ECR store copying images into each environment's own registry, on
 * the testkit's in-memory AWS: moto has no layer APIs and no cross-account ECR reads, and the in-memory ECR
 * checks digests, immutable tags, layer parts and cross-account pulls as ECR does.
 */
class EcrCopyToEnvironmentContractTest extends ArtifactStoreContract<EcrArtifactStore> {
    private static final int CONFIG_SIZE = 64;
    private static final int LAYER_SIZE = 256;

    private final FakeAws aws = new FakeAws().withStorage();
    private AwsBackend backend;

    EcrCopyToEnvironmentContractTest() {
        aws.repository(DEV, ORIGIN_REPOSITORY, true);
        aws.repository(STAGING, ORIGIN_REPOSITORY, true);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Override
    protected EcrArtifactStore createStore() {
        backend = aws.backend(aws.configuration().ecr(ecr -> ecr.strategy(EcrStrategy.COPY_TO_ENVIRONMENT)).build());
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
        aws.pushBlobs(TOOLING, ORIGIN_REPOSITORY, config, layer);
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
        aws.world.corruptImage(place.account().value(), store.repositoryName(place), digest.value(),
                new String(bytes, StandardCharsets.UTF_8));
    }
}
