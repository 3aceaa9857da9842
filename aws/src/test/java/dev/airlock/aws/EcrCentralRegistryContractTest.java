package dev.airlock.aws;

import static dev.airlock.aws.MotoAws.ORIGIN_REPOSITORY;
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
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/**
 * The artifact store contract for the ECR store with the central-registry strategy, on moto: an
 * environment's place is its immutable tag in the tooling account's repository.
 */
class EcrCentralRegistryContractTest extends ArtifactStoreContract<EcrArtifactStore> {
    private final MotoAws aws = new MotoAws().withStorage();
    private AwsBackend backend;

    @AfterEach
    void close() {
        aws.close();
    }

    @Override
    protected EcrArtifactStore createStore() {
        backend = aws.backend(aws.configuration().ecr(ecr -> ecr.strategy(EcrStrategy.CENTRAL_REGISTRY)).build());
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

    /** A registry stores image manifests, not arbitrary bytes. */
    @Override
    protected Sample sample(int n) {
        String manifest = Images.manifest(Images.blob(64, n), Images.blob(256, 1000 + n));
        return new Sample(manifest.getBytes(StandardCharsets.UTF_8), ImageManifest.OCI_MANIFEST);
    }

    /** Promotion adds a tag in the central registry; the environment pulls from there, so no bytes move. */
    @Override
    protected long expectedBytesCopied(ArtifactStore.Upload upload) {
        return 0;
    }

    /**
     * moto keeps {@code imageDigest} exactly as sent, so the registry can be made to hold other bytes
     * under a digest: at the origin, the image is replaced by another manifest sent with this digest;
     * at an environment, the environment's tag is made to name another manifest.
     */
    @Override
    protected void corrupt(EcrArtifactStore store, Place place, Digest digest, byte[] bytes) {
        String manifest = new String(bytes, StandardCharsets.UTF_8);
        try (EcrClient ecr = aws.ecr(TOOLING)) {
            if (place.isOrigin()) {
                ecr.batchDeleteImage(r -> r.repositoryName(ORIGIN_REPOSITORY)
                        .imageIds(ImageIdentifier.builder().imageDigest(digest.value()).build()));
                ecr.putImage(r -> r.repositoryName(ORIGIN_REPOSITORY).imageManifest(manifest)
                        .imageManifestMediaType(ImageManifest.OCI_MANIFEST).imageDigest(digest.value()));
            } else {
                String tag = EcrArtifactStore.tagFor(place.name(), digest);
                ecr.batchDeleteImage(r -> r.repositoryName(ORIGIN_REPOSITORY)
                        .imageIds(ImageIdentifier.builder().imageTag(tag).build()));
                ecr.putImage(r -> r.repositoryName(ORIGIN_REPOSITORY).imageManifest(manifest)
                        .imageManifestMediaType(ImageManifest.OCI_MANIFEST)
                        .imageDigest(Digest.of(bytes).value()).imageTag(tag));
            }
        }
    }
}
