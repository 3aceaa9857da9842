package dev.airlock.testkit.aws.internal.ecr;

import dev.airlock.artifact.Digest;
import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityRequest;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityResponse;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerResponse;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.InvalidLayerPartException;
import software.amazon.awssdk.services.ecr.model.Layer;
import software.amazon.awssdk.services.ecr.model.LayerAvailability;
import software.amazon.awssdk.services.ecr.model.LayerFailure;
import software.amazon.awssdk.services.ecr.model.LayerFailureCode;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartRequest;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartResponse;

/**
 * The layer APIs with ECR's limits (service quotas): parts of 5 MiB to 10 MiB, except that the last part
 * may be smaller, sent as contiguous byte ranges, at most 4,200 of them; the completed layer's digest
 * must be the SHA-256 of the bytes received.
 */
final class LayerOps {
    static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");
    static final int MIN_PART = 5 * 1024 * 1024;
    static final int MAX_PART = 10 * 1024 * 1024;
    static final int MAX_PARTS = 4200;

    private final EcrStore store;

    LayerOps(EcrStore store) {
        this.store = store;
    }

    BatchCheckLayerAvailabilityResponse check(Caller caller, Region region, BatchCheckLayerAvailabilityRequest request) {
        if (request.layerDigests().isEmpty() || request.layerDigests().size() > 100) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'layerDigests' failed to satisfy constraint: "
                    + "'Member must have length between 1 and 100'");
        }
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:BatchCheckLayerAvailability");
            List<Layer> layers = new ArrayList<>();
            List<LayerFailure> failures = new ArrayList<>();
            for (String digest : request.layerDigests()) {
                byte[] blob = repository.layers.get(digest);
                if (!DIGEST.matcher(digest).matches()) {
                    failures.add(LayerFailure.builder().layerDigest(digest).failureCode(LayerFailureCode.INVALID_LAYER_DIGEST)
                            .failureReason("Invalid layer digest").build());
                } else if (blob == null) {
                    failures.add(LayerFailure.builder().layerDigest(digest).failureCode(LayerFailureCode.MISSING_LAYER_DIGEST)
                            .failureReason("Could not find layer").build());
                } else {
                    layers.add(Layer.builder().layerDigest(digest).layerAvailability(LayerAvailability.AVAILABLE)
                            .layerSize((long) blob.length).build());
                }
            }
            return BatchCheckLayerAvailabilityResponse.builder().layers(layers).failures(failures).build();
        }
    }

    InitiateLayerUploadResponse initiate(Caller caller, Region region, InitiateLayerUploadRequest request) {
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:InitiateLayerUpload");
            Repository.LayerUpload upload = new Repository.LayerUpload(Ids.hex(8) + "-" + Ids.hex(4) + "-"
                    + Ids.hex(4) + "-" + Ids.hex(4) + "-" + Ids.hex(12));
            repository.uploads.put(upload.id, upload);
            return InitiateLayerUploadResponse.builder().uploadId(upload.id).partSize((long) MAX_PART).build();
        }
    }

    UploadLayerPartResponse uploadPart(Caller caller, Region region, UploadLayerPartRequest request) {
        if (request.layerPartBlob() == null || request.partFirstByte() == null || request.partLastByte() == null) {
            throw EcrErrors.invalidParameter("Invalid parameter: layerPartBlob, partFirstByte and partLastByte "
                    + "are required");
        }
        byte[] part = request.layerPartBlob().asByteArrayUnsafe();
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:UploadLayerPart");
            Repository.LayerUpload upload = upload(repository, request.uploadId());
            long received = upload.bytes.size();
            long first = request.partFirstByte();
            long last = request.partLastByte();
            if (first != received || last - first + 1 != part.length || part.length == 0 || part.length > MAX_PART) {
                String reason = first != received
                        ? "The part's first byte " + first + " does not follow the last byte received"
                        : part.length > MAX_PART
                                ? "Layer parts must be at most 10 MiB in size"
                                : "The part's byte range " + first + "-" + last + " does not match its "
                                        + part.length + " bytes";
                throw invalidPart(repository, upload, reason);
            }
            if (upload.partSizes.size() == MAX_PARTS) {
                throw EcrErrors.of("LimitExceededException", "The layer upload exceeds the limit of " + MAX_PARTS
                        + " parts.");
            }
            upload.bytes.writeBytes(part);
            upload.partSizes.add(part.length);
            return UploadLayerPartResponse.builder()
                    .registryId(repository.registryId)
                    .repositoryName(repository.name)
                    .uploadId(upload.id)
                    .lastByteReceived(last)
                    .build();
        }
    }

    CompleteLayerUploadResponse complete(Caller caller, Region region, CompleteLayerUploadRequest request) {
        if (request.layerDigests().size() != 1) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'layerDigests' failed to satisfy constraint: "
                    + "'Member must have length equal to 1'");
        }
        String digest = request.layerDigests().get(0);
        if (!DIGEST.matcher(digest).matches()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'layerDigests' failed to satisfy constraint: "
                    + "'Invalid layer digest " + digest + "'");
        }
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:CompleteLayerUpload");
            Repository.LayerUpload upload = upload(repository, request.uploadId());
            if (upload.partSizes.isEmpty()) {
                throw EcrErrors.of("EmptyUploadException", "The specified layer upload does not contain any layer parts.");
            }
            for (int i = 0; i < upload.partSizes.size() - 1; i++) {
                if (upload.partSizes.get(i) < MIN_PART) {
                    throw EcrErrors.of("LayerPartTooSmallException", "Layer parts must be at least 5 MiB in size.");
                }
            }
            byte[] layer = upload.bytes.toByteArray();
            if (!Digest.of(layer).value().equals(digest)) {
                throw EcrErrors.of("InvalidLayerException", "The layer digest calculation performed by Amazon ECR upon "
                        + "receipt of the image layer does not match the digest specified.");
            }
            repository.uploads.remove(upload.id);
            if (repository.layers.containsKey(digest)) {
                throw EcrErrors.of("LayerAlreadyExistsException", "The image layer already exists in the associated "
                        + "repository.");
            }
            repository.layers.put(digest, layer);
            return CompleteLayerUploadResponse.builder()
                    .registryId(repository.registryId)
                    .repositoryName(repository.name)
                    .uploadId(upload.id)
                    .layerDigest(digest)
                    .build();
        }
    }

    GetDownloadUrlForLayerResponse downloadUrl(Caller caller, Region region, GetDownloadUrlForLayerRequest request) {
        String digest = request.layerDigest();
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'layerDigest' failed to satisfy constraint: "
                    + "'Invalid layer digest " + digest + "'");
        }
        synchronized (store) {
            Repository repository = store.open(caller, region, request.registryId(), request.repositoryName(),
                    "ecr:GetDownloadUrlForLayer");
            if (!repository.layers.containsKey(digest)) {
                throw EcrErrors.of("LayersNotFoundException", "The layer with digest " + digest + " does not exist "
                        + "within the repository with name '" + repository.name + "' in the registry with id '"
                        + repository.registryId + "'");
            }
            String token = Ids.hex(40);
            store.downloads.put(token, new EcrStore.Download(
                    EcrStore.key(repository.registryId, repository.region, repository.name), digest));
            String url = "https://fake-ecr-layers.s3." + region.id() + ".amazonaws.com/" + repository.registryId + "/"
                    + repository.name + "/" + digest.substring("sha256:".length()) + "?token=" + token;
            return GetDownloadUrlForLayerResponse.builder().downloadUrl(url).layerDigest(digest).build();
        }
    }

    private static Repository.LayerUpload upload(Repository repository, @Nullable String uploadId) {
        Repository.LayerUpload upload = uploadId == null ? null : repository.uploads.get(uploadId);
        if (upload == null) {
            throw EcrErrors.of("UploadNotFoundException", "The upload with id '" + uploadId + "' does not exist in "
                    + "the repository with name '" + repository.name + "' in the registry with id '"
                    + repository.registryId + "'");
        }
        return upload;
    }

    private static InvalidLayerPartException invalidPart(Repository repository, Repository.LayerUpload upload,
            String reason) {
        InvalidLayerPartException base = (InvalidLayerPartException) EcrErrors.of("InvalidLayerPartException",
                "The layer part size is not valid, or the first byte specified is not consecutive to the last byte "
                        + "of a previous layer part upload. " + reason);
        return base.toBuilder()
                .registryId(repository.registryId)
                .repositoryName(repository.name)
                .uploadId(upload.id)
                .lastValidByteReceived((long) upload.bytes.size() - 1)
                .build();
    }
}
