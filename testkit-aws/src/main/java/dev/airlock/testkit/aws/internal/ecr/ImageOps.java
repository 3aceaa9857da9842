package dev.airlock.testkit.aws.internal.ecr;

import dev.airlock.artifact.Digest;
import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.RequestFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.model.BatchGetImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.ListImagesRequest;
import software.amazon.awssdk.services.ecr.model.ListImagesResponse;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;
import software.amazon.awssdk.services.ecr.model.TagStatus;

/**
 * Image operations: PutImage (digest of the exact manifest bytes, referenced blobs and child manifests
 * present first, tag immutability), BatchGetImage, DescribeImages and ListImages.
 */
final class ImageOps {
    private static final String FAKE = "FakeEcrClient";

    private final EcrStore store;

    ImageOps(EcrStore store) {
        this.store = store;
    }

    PutImageResponse put(Caller caller, Region region, PutImageRequest request) {
        String manifest = request.imageManifest();
        if (manifest == null || manifest.isEmpty()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageManifest' failed to satisfy constraint: "
                    + "'Member must not be null'");
        }
        String tag = request.imageTag();
        if (tag != null && (tag.isEmpty() || tag.length() > 300)) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageTag' failed to satisfy constraint: "
                    + "'Member must have length between 1 and 300'");
        }
        String digest = Digest.of(manifest.getBytes(StandardCharsets.UTF_8)).value();
        if (request.imageDigest() != null && !request.imageDigest().equals(digest)) {
            throw EcrErrors.of("ImageDigestDoesNotMatchException",
                    "The specified image digest does not match the digest that Amazon ECR calculated for the image.");
        }
        Manifests.Parsed parsed = Manifests.parse(manifest, request.imageManifestMediaType());
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:PutImage");
            long size = 0;
            if (parsed.isIndex()) {
                List<String> missing = new ArrayList<>();
                for (Manifests.Descriptor child : parsed.children()) {
                    Repository.StoredImage image = repository.images.get(child.digest());
                    if (image == null) {
                        missing.add(child.digest());
                    } else {
                        size += image.size();
                    }
                }
                if (!missing.isEmpty()) {
                    throw EcrErrors.of("ReferencedImagesNotFoundException", "Manifests with digests '" + missing
                            + "' referenced by the image index are not in the repository with name '" + repository.name
                            + "' in the registry with id '" + repository.registryId + "'");
                }
            } else {
                List<String> missing = new ArrayList<>();
                List<Manifests.Descriptor> blobs = new ArrayList<>(parsed.layers());
                blobs.add(0, parsed.config());
                for (Manifests.Descriptor blob : blobs) {
                    byte[] bytes = repository.layers.get(blob.digest());
                    if (bytes == null) {
                        missing.add(blob.digest());
                    } else {
                        size += bytes.length;
                    }
                }
                if (!missing.isEmpty()) {
                    throw EcrErrors.of("LayersNotFoundException", "Layers with digests '" + missing + "' required for "
                            + "pushing image into repository with name '" + repository.name + "' in the registry with "
                            + "id '" + repository.registryId + "' do not exist");
                }
            }
            Repository.StoredImage existing = repository.images.get(digest);
            String taggedDigest = tag == null ? null : repository.tags.get(tag);
            if (existing != null && (tag == null || digest.equals(taggedDigest))) {
                throw EcrErrors.of("ImageAlreadyExistsException", "Image with digest '" + digest + "' and tag '" + tag
                        + "' already exists in the repository with name '" + repository.name + "' in registry with id '"
                        + repository.registryId + "'");
            }
            if (taggedDigest != null && repository.mutability == ImageTagMutability.IMMUTABLE) {
                throw EcrErrors.of("ImageTagAlreadyExistsException", "The image tag '" + tag + "' already exists in the '"
                        + repository.name + "' repository and cannot be overwritten because the repository is immutable.");
            }
            if (existing == null) {
                repository.images.put(digest, new Repository.StoredImage(digest, manifest, parsed, store.now(), size));
            }
            if (tag != null) {
                repository.tags.put(tag, digest);
            }
            return PutImageResponse.builder().image(image(repository, digest, tag, manifest, parsed.mediaType())).build();
        }
    }

    BatchGetImageResponse batchGet(Caller caller, Region region, BatchGetImageRequest request) {
        if (request.imageIds().isEmpty() || request.imageIds().size() > 100) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'imageIds' failed to satisfy constraint: "
                    + "'Member must have length between 1 and 100'");
        }
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:BatchGetImage");
            List<Image> images = new ArrayList<>();
            List<ImageFailure> failures = new ArrayList<>();
            for (ImageIdentifier id : request.imageIds()) {
                RequestFields.check(FAKE, "BatchGetImage", id, Set.of("ImageDigest", "ImageTag"));
                ImageFailure failure = failure(repository, id);
                if (failure != null) {
                    failures.add(failure);
                    continue;
                }
                Repository.StoredImage image = repository.images.get(resolve(repository, id));
                String mediaType = image.parsed().mediaType();
                if (!request.acceptedMediaTypes().isEmpty() && !request.acceptedMediaTypes().contains(mediaType)) {
                    throw new UnsupportedOperationException("FakeEcrClient does not convert manifests between media "
                            + "types; the image is " + mediaType + ", accepted are " + request.acceptedMediaTypes());
                }
                images.add(image(repository, image.digest(), id.imageTag(), image.manifest(), mediaType));
            }
            return BatchGetImageResponse.builder().images(images).failures(failures).build();
        }
    }

    private static @Nullable ImageFailure failure(Repository repository, ImageIdentifier id) {
        ImageFailureCode code = null;
        String reason = null;
        if (id.imageDigest() == null && id.imageTag() == null) {
            code = ImageFailureCode.MISSING_DIGEST_AND_TAG;
            reason = "Invalid request parameters: both tag and digest cannot be null";
        } else if (id.imageDigest() != null && !LayerOps.DIGEST.matcher(id.imageDigest()).matches()) {
            code = ImageFailureCode.INVALID_IMAGE_DIGEST;
            reason = "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'";
        } else {
            String byTag = id.imageTag() == null ? null : repository.tags.get(id.imageTag());
            if (id.imageTag() != null && byTag == null
                    || id.imageDigest() != null && !repository.images.containsKey(id.imageDigest())) {
                code = ImageFailureCode.IMAGE_NOT_FOUND;
                reason = "Requested image not found";
            } else if (id.imageTag() != null && id.imageDigest() != null && !byTag.equals(id.imageDigest())) {
                code = ImageFailureCode.IMAGE_TAG_DOES_NOT_MATCH_DIGEST;
                reason = "Invalid request parameters: given tag does not map to the given digest";
            }
        }
        return code == null ? null : ImageFailure.builder().imageId(id).failureCode(code).failureReason(reason).build();
    }

    private static String resolve(Repository repository, ImageIdentifier id) {
        return id.imageDigest() != null ? id.imageDigest() : repository.tags.get(id.imageTag());
    }

    private static Image image(Repository repository, String digest, @Nullable String tag, String manifest,
            String mediaType) {
        return Image.builder()
                .registryId(repository.registryId)
                .repositoryName(repository.name)
                .imageId(ImageIdentifier.builder().imageDigest(digest).imageTag(tag).build())
                .imageManifest(manifest)
                .imageManifestMediaType(mediaType)
                .build();
    }

    DescribeImagesResponse describe(Caller caller, Region region, DescribeImagesRequest request) {
        TagStatus status = TagStatus.ANY;
        if (request.filter() != null) {
            RequestFields.check(FAKE, "DescribeImages", request.filter(), Set.of("TagStatus"));
            status = request.filter().tagStatus() == null ? TagStatus.ANY : request.filter().tagStatus();
        }
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:DescribeImages");
            List<Repository.StoredImage> selected = new ArrayList<>();
            if (!request.imageIds().isEmpty()) {
                if (request.nextToken() != null || request.maxResults() != null) {
                    throw EcrErrors.invalidParameter("Invalid parameter: maxResults and nextToken cannot be used with "
                            + "imageIds");
                }
                for (ImageIdentifier id : request.imageIds()) {
                    ImageFailure failure = failure(repository, id);
                    if (failure != null) {
                        throw EcrErrors.of("ImageNotFoundException", "The image with imageId {imageDigest:'"
                                + id.imageDigest() + "', imageTag:'" + id.imageTag() + "'} does not exist within the "
                                + "repository with name '" + repository.name + "' in the registry with id '"
                                + repository.registryId + "'");
                    }
                    selected.add(repository.images.get(resolve(repository, id)));
                }
            } else {
                for (Repository.StoredImage image : repository.images.values()) {
                    boolean tagged = !repository.tagsOf(image.digest()).isEmpty();
                    if (status == TagStatus.ANY || (status == TagStatus.TAGGED) == tagged) {
                        selected.add(image);
                    }
                }
                selected.sort(Comparator.comparing(Repository.StoredImage::pushedAt));
            }
            Page<Repository.StoredImage> page = Page.of(selected, request.maxResults(), request.nextToken());
            List<ImageDetail> details = page.items().stream().map(image -> ImageDetail.builder()
                    .registryId(repository.registryId)
                    .repositoryName(repository.name)
                    .imageDigest(image.digest())
                    .imageTags(repository.tagsOf(image.digest()))
                    .imageSizeInBytes(image.size())
                    .imagePushedAt(image.pushedAt())
                    .imageManifestMediaType(image.parsed().mediaType())
                    .artifactMediaType(image.parsed().config() == null ? null : image.parsed().config().mediaType())
                    .build()).toList();
            return DescribeImagesResponse.builder().imageDetails(details).nextToken(page.nextToken()).build();
        }
    }

    ListImagesResponse list(Caller caller, Region region, ListImagesRequest request) {
        TagStatus status = TagStatus.ANY;
        if (request.filter() != null) {
            RequestFields.check(FAKE, "ListImages", request.filter(), Set.of("TagStatus"));
            status = request.filter().tagStatus() == null ? TagStatus.ANY : request.filter().tagStatus();
        }
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:ListImages");
            List<ImageIdentifier> ids = new ArrayList<>();
            for (Repository.StoredImage image : repository.images.values()) {
                List<String> tags = repository.tagsOf(image.digest());
                if (tags.isEmpty() && status != TagStatus.TAGGED) {
                    ids.add(ImageIdentifier.builder().imageDigest(image.digest()).build());
                }
                if (status != TagStatus.UNTAGGED) {
                    tags.forEach(t -> ids.add(ImageIdentifier.builder().imageDigest(image.digest()).imageTag(t).build()));
                }
            }
            Page<ImageIdentifier> page = Page.of(ids, request.maxResults(), request.nextToken());
            return ListImagesResponse.builder().imageIds(page.items()).nextToken(page.nextToken()).build();
        }
    }
}
