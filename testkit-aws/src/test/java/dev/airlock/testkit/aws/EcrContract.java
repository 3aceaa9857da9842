package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** ECR behaviours that the fake and moto_server share. Each helper uses only the SDK interfaces. */
final class EcrContract {
    private EcrContract() {
    }

    static void createRepository_isDescribedWithItsTagMutability(EcrClient ecr, String account, String region) {
        ecr.createRepository(c -> c.repositoryName("team/app").imageTagMutability(ImageTagMutability.IMMUTABLE));

        Repository repository = ecr.describeRepositories(d -> d.repositoryNames("team/app")).repositories().get(0);
        assertEquals(ImageTagMutability.IMMUTABLE, repository.imageTagMutability());
        assertEquals(account + ".dkr.ecr." + region + ".amazonaws.com/team/app", repository.repositoryUri());
        assertEquals("arn:aws:ecr:" + region + ":" + account + ":repository/team/app", repository.repositoryArn());
        assertThrows(RepositoryAlreadyExistsException.class, () -> ecr.createRepository(c -> c.repositoryName("team/app")));
        assertThrows(RepositoryNotFoundException.class, () -> ecr.describeRepositories(d -> d.repositoryNames("missing")));
    }

    static void putImage_thenBatchGetImage_returnsTheExactManifest(EcrClient ecr, String repository,
            Images.BlobPush blobs) {
        String manifest = Images.push(ecr, repository, blobs, "1.0.0", Images.blob("config-1"), Images.blob("layer-1"));

        BatchGetImageResponse byTag = ecr.batchGetImage(b -> b.repositoryName(repository)
                .imageIds(Images.tag("1.0.0")));
        BatchGetImageResponse byDigest = ecr.batchGetImage(b -> b.repositoryName(repository)
                .imageIds(Images.digest(Images.sha256(manifest))));
        assertEquals(manifest, byTag.images().get(0).imageManifest());
        assertEquals(Images.sha256(manifest), byTag.images().get(0).imageId().imageDigest());
        assertEquals(manifest, byDigest.images().get(0).imageManifest());
        BatchGetImageResponse missing = ecr.batchGetImage(b -> b.repositoryName(repository)
                .imageIds(Images.tag("9.9.9")));
        assertEquals(ImageFailureCode.IMAGE_NOT_FOUND, missing.failures().get(0).failureCode());
    }

    /** {@code repository} has immutable tags. */
    static void immutableTag_cannotMoveToAnotherImage_butAnImageMayGainTags(EcrClient ecr, String repository,
            Images.BlobPush blobs) {
        String first = Images.push(ecr, repository, blobs, "1.0.0", Images.blob("config-a"), Images.blob("layer-a"));
        String other = Images.manifest(Images.blob("config-b"), Images.blob("layer-b"));
        blobs.push(ecr, repository, Images.blob("config-b"));
        blobs.push(ecr, repository, Images.blob("layer-b"));

        Expect.awsErrorOneOf(400, Set.of("ImageTagAlreadyExistsException", "ImageAlreadyExistsException"),
                () -> ecr.putImage(p -> p.repositoryName(repository).imageManifest(other).imageTag("1.0.0")
                        .imageDigest(Images.sha256(other))));
        ecr.putImage(p -> p.repositoryName(repository).imageManifest(first).imageTag("prod")
                .imageDigest(Images.sha256(first)));

        ImageDetail detail = ecr.describeImages(d -> d.repositoryName(repository)
                .imageIds(Images.digest(Images.sha256(first)))).imageDetails().get(0);
        assertEquals(Set.of("1.0.0", "prod"), Set.copyOf(detail.imageTags()));
    }

    /** {@code repository} has mutable tags. */
    static void mutableTag_movesToTheNewImage(EcrClient ecr, String repository, Images.BlobPush blobs) {
        Images.push(ecr, repository, blobs, "latest", Images.blob("config-a"), Images.blob("layer-a"));
        String second = Images.push(ecr, repository, blobs, "latest", Images.blob("config-b"), Images.blob("layer-b"));

        assertEquals(second, ecr.batchGetImage(b -> b.repositoryName(repository).imageIds(Images.tag("latest")))
                .images().get(0).imageManifest());
    }

    static void sameManifestAndTag_pushedAgain_isImageAlreadyExists(EcrClient ecr, String repository,
            Images.BlobPush blobs) {
        String manifest = Images.push(ecr, repository, blobs, "1.0.0", Images.blob("config"), Images.blob("layer"));

        Expect.awsError(400, "ImageAlreadyExistsException", () -> ecr.putImage(p -> p.repositoryName(repository)
                .imageManifest(manifest).imageTag("1.0.0").imageDigest(Images.sha256(manifest))));
    }

    static void describeImages_reportsDigestTagsAndMediaType(EcrClient ecr, String repository, Images.BlobPush blobs) {
        String manifest = Images.push(ecr, repository, blobs, "2.0.0", Images.blob("config"), Images.blob("layer"));

        List<ImageDetail> details = ecr.describeImages(d -> d.repositoryName(repository)).imageDetails();
        assertEquals(1, details.size());
        assertEquals(Images.sha256(manifest), details.get(0).imageDigest());
        assertEquals(List.of("2.0.0"), details.get(0).imageTags());
        assertTrue(details.get(0).imagePushedAt() != null);
        assertEquals(Images.DOCKER_MANIFEST, details.get(0).imageManifestMediaType());
    }
}
