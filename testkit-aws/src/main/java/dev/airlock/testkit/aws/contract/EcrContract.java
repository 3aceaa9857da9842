package dev.airlock.testkit.aws.contract;

import static dev.airlock.testkit.aws.contract.AwsContractTarget.REGION;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.STAGING;
import static dev.airlock.testkit.aws.contract.AwsContractTarget.TOOLING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.artifact.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * The ECR behaviours Airlock and its in-memory ECR rely on, as AWS has them: repositories, images pushed
 * with their digest, tag immutability and image descriptions. Blobs are pushed before manifests through
 * {@link AwsContractTarget#pushBlob}.
 *
 * <p>To run it against an implementation, subclass it in test sources and implement
 * {@link #createTarget()}. Each case starts with repositories {@code app} (immutable tags) and
 * {@code scratch} (mutable tags) in the tooling account.
 */
public abstract class EcrContract extends AwsContract {
    private static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

    // Set before each case, from the case's target.
    private EcrClient tooling;

    @BeforeEach
    void createRepositories() {
        tooling = target().ecr(target().account(TOOLING));
        tooling.createRepository(c -> c.repositoryName("app").imageTagMutability(ImageTagMutability.IMMUTABLE));
        tooling.createRepository(c -> c.repositoryName("scratch").imageTagMutability(ImageTagMutability.MUTABLE));
    }

    @Test
    void createRepository_isDescribedWithItsTagMutability() {
        EcrClient staging = target().ecr(target().account(STAGING));

        staging.createRepository(c -> c.repositoryName("team/app").imageTagMutability(ImageTagMutability.IMMUTABLE));

        Repository repository = staging.describeRepositories(d -> d.repositoryNames("team/app")).repositories().get(0);
        assertEquals(ImageTagMutability.IMMUTABLE, repository.imageTagMutability());
        assertEquals(STAGING + ".dkr.ecr." + REGION.id() + ".amazonaws.com/team/app", repository.repositoryUri());
        assertEquals("arn:aws:ecr:" + REGION.id() + ":" + STAGING + ":repository/team/app", repository.repositoryArn());
        assertThrows(RepositoryAlreadyExistsException.class,
                () -> staging.createRepository(c -> c.repositoryName("team/app")));
        assertThrows(RepositoryNotFoundException.class,
                () -> staging.describeRepositories(d -> d.repositoryNames("missing")));
    }

    @Test
    void putImage_thenBatchGetImage_returnsTheExactManifest() {
        String manifest = push("app", "1.0.0", blob("config-1"), blob("layer-1"));

        BatchGetImageResponse byTag = tooling.batchGetImage(b -> b.repositoryName("app").imageIds(tag("1.0.0")));
        BatchGetImageResponse byDigest = tooling.batchGetImage(b -> b.repositoryName("app")
                .imageIds(digest(sha256(manifest))));
        assertEquals(manifest, byTag.images().get(0).imageManifest());
        assertEquals(sha256(manifest), byTag.images().get(0).imageId().imageDigest());
        assertEquals(manifest, byDigest.images().get(0).imageManifest());
        BatchGetImageResponse missing = tooling.batchGetImage(b -> b.repositoryName("app").imageIds(tag("9.9.9")));
        assertEquals(ImageFailureCode.IMAGE_NOT_FOUND, missing.failures().get(0).failureCode());
    }

    /** moto answers ImageAlreadyExistsException where AWS answers ImageTagAlreadyExistsException. */
    @Test
    void immutableTag_cannotMoveToAnotherImage_butAnImageMayGainTags() {
        String first = push("app", "1.0.0", blob("config-a"), blob("layer-a"));
        String other = manifest(blob("config-b"), blob("layer-b"));
        target().pushBlob(tooling, "app", blob("config-b"));
        target().pushBlob(tooling, "app", blob("layer-b"));

        Expect.awsErrorOneOf(400, Set.of("ImageTagAlreadyExistsException", "ImageAlreadyExistsException"),
                () -> tooling.putImage(p -> p.repositoryName("app").imageManifest(other).imageTag("1.0.0")
                        .imageDigest(sha256(other))));
        tooling.putImage(p -> p.repositoryName("app").imageManifest(first).imageTag("prod").imageDigest(sha256(first)));

        ImageDetail detail = tooling.describeImages(d -> d.repositoryName("app").imageIds(digest(sha256(first))))
                .imageDetails().get(0);
        assertEquals(Set.of("1.0.0", "prod"), Set.copyOf(detail.imageTags()));
    }

    @Test
    void mutableTag_movesToTheNewImage() {
        push("scratch", "latest", blob("config-a"), blob("layer-a"));
        String second = push("scratch", "latest", blob("config-b"), blob("layer-b"));

        assertEquals(second, tooling.batchGetImage(b -> b.repositoryName("scratch").imageIds(tag("latest")))
                .images().get(0).imageManifest());
    }

    @Test
    void sameManifestAndTag_pushedAgain_isImageAlreadyExists() {
        String manifest = push("app", "1.0.0", blob("config"), blob("layer"));

        Expect.awsError(400, "ImageAlreadyExistsException", () -> tooling.putImage(p -> p.repositoryName("app")
                .imageManifest(manifest).imageTag("1.0.0").imageDigest(sha256(manifest))));
    }

    @Test
    void describeImages_reportsDigestTagsAndMediaType() {
        String manifest = push("app", "2.0.0", blob("config"), blob("layer"));

        List<ImageDetail> details = tooling.describeImages(d -> d.repositoryName("app")).imageDetails();
        assertEquals(1, details.size());
        assertEquals(sha256(manifest), details.get(0).imageDigest());
        assertEquals(List.of("2.0.0"), details.get(0).imageTags());
        assertNotNull(details.get(0).imagePushedAt());
        assertEquals(DOCKER_MANIFEST, details.get(0).imageManifestMediaType());
    }

    /** Pushes the blobs, then the manifest with its digest, into a tooling repository, as a registry client does. */
    private String push(String repository, String tag, byte[] config, byte[]... layers) {
        target().pushBlob(tooling, repository, config);
        for (byte[] layer : layers) {
            target().pushBlob(tooling, repository, layer);
        }
        String manifest = manifest(config, layers);
        tooling.putImage(p -> p.repositoryName(repository).imageManifest(manifest).imageTag(tag)
                .imageDigest(sha256(manifest)));
        return manifest;
    }

    /** A Docker v2 image manifest over a config blob and layer blobs. */
    private static String manifest(byte[] config, byte[]... layers) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + DOCKER_MANIFEST + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":"
                + config.length + ",\"digest\":\"" + Digest.of(config).value() + "\"},\"layers\":[");
        for (int i = 0; i < layers.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\","
                    + "\"size\":").append(layers[i].length).append(",\"digest\":\"").append(Digest.of(layers[i]).value())
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    private static String sha256(String manifest) {
        return Digest.of(manifest.getBytes(StandardCharsets.UTF_8)).value();
    }

    private static byte[] blob(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ImageIdentifier tag(String tag) {
        return ImageIdentifier.builder().imageTag(tag).build();
    }

    private static ImageIdentifier digest(String digest) {
        return ImageIdentifier.builder().imageDigest(digest).build();
    }
}
