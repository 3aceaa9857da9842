package dev.airlock.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.airlock.artifact.Digest;
import dev.airlock.environment.AccountId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityRequest;
import software.amazon.awssdk.services.ecr.model.BatchCheckLayerAvailabilityResponse;
import software.amazon.awssdk.services.ecr.model.BatchGetImageRequest;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.CompleteLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerRequest;
import software.amazon.awssdk.services.ecr.model.GetDownloadUrlForLayerResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageFailure;
import software.amazon.awssdk.services.ecr.model.ImageFailureCode;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageTagAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadRequest;
import software.amazon.awssdk.services.ecr.model.InitiateLayerUploadResponse;
import software.amazon.awssdk.services.ecr.model.InvalidLayerException;
import software.amazon.awssdk.services.ecr.model.InvalidLayerPartException;
import software.amazon.awssdk.services.ecr.model.InvalidParameterException;
import software.amazon.awssdk.services.ecr.model.Layer;
import software.amazon.awssdk.services.ecr.model.LayerAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.LayerAvailability;
import software.amazon.awssdk.services.ecr.model.LayerFailure;
import software.amazon.awssdk.services.ecr.model.LayerFailureCode;
import software.amazon.awssdk.services.ecr.model.LayerPartTooSmallException;
import software.amazon.awssdk.services.ecr.model.LayersNotFoundException;
import software.amazon.awssdk.services.ecr.model.PutImageRequest;
import software.amazon.awssdk.services.ecr.model.PutImageResponse;
import software.amazon.awssdk.services.ecr.model.ReferencedImagesNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartRequest;
import software.amazon.awssdk.services.ecr.model.UploadLayerPartResponse;

/**
 * A small in-memory ECR with registries per account, for the API calls moto lacks (layer uploads)
 * and cross-account reads. It checks what ECR checks: the imageDigest of PutImage matches the
 * manifest's bytes, referenced blobs and child manifests exist, immutable tags do not move, layer
 * parts are contiguous, at least 5 MiB except the last and at most 20 MiB, and completed layers
 * hash to their digest. Blobs are downloaded over real HTTP from pre-signed-like URLs.
 *
 * <p>The module's own tests now use the testkit's {@code AwsWorld} ECR through {@link FakeAws}; this one
 * stays for {@link MotoAws#withFakeEcr}, which mixes moto's STS and S3 with an in-memory ECR.
 */
final class FakeEcr implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIN_PART = 5L * 1024 * 1024;
    private static final long MAX_PART = 20L * 1024 * 1024;

    /** One call made to the fake, for assertions. */
    record Call(String operation, AccountId caller, String registry, Object request) {
    }

    private final Map<String, Repo> repositories = new ConcurrentHashMap<>();
    private final Map<String, byte[]> downloads = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final HttpServer http;

    FakeEcr() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/blob/", exchange -> {
            byte[] bytes = downloads.get(exchange.getRequestURI().getPath().substring("/blob/".length()));
            if (bytes == null) {
                exchange.sendResponseHeaders(403, -1);
            } else {
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        http.start();
    }

    static final class Repo {
        final boolean immutable;
        final Set<String> pullers = new HashSet<>();
        final Map<Digest, byte[]> blobs = new ConcurrentHashMap<>();
        final Map<Digest, String[]> images = new ConcurrentHashMap<>();
        final Map<String, Digest> tags = new ConcurrentHashMap<>();
        final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
        final Map<String, Long> lastPartSize = new ConcurrentHashMap<>();

        Repo(boolean immutable) {
            this.immutable = immutable;
        }
    }

    Repo create(AccountId registry, String name, boolean immutable) {
        Repo repo = new Repo(immutable);
        repositories.put(registry + "/" + name, repo);
        return repo;
    }

    Repo repo(AccountId registry, String name) {
        return repositories.get(registry + "/" + name);
    }

    /** Stores a blob as given (even under a wrong digest, to model corruption). */
    void seedBlob(Repo repo, Digest digest, byte[] bytes) {
        repo.blobs.put(digest, bytes);
    }

    /** Stores an image directly, as a build's docker push would. */
    void seedImage(Repo repo, String manifest, String mediaType, String tag) {
        Digest digest = Digest.of(manifest.getBytes(StandardCharsets.UTF_8));
        repo.images.put(digest, new String[] {manifest, mediaType});
        if (tag != null) {
            repo.tags.put(tag, digest);
        }
    }

    List<Call> calls(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).toList();
    }

    /** A client acting as {@code caller}. */
    EcrClient client(AccountId caller) {
        return new Client(caller);
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private final class Client implements EcrClient {
        private final AccountId caller;

        Client(AccountId caller) {
            this.caller = caller;
        }

        private Repo access(String operation, String registryId, String name, Object request, boolean write) {
            String registry = registryId == null ? caller.value() : registryId;
            calls.add(new Call(operation, caller, registry, request));
            Repo repo = repositories.get(registry + "/" + name);
            if (repo == null) {
                throw RepositoryNotFoundException.builder().message("repository " + name + " not in " + registry)
                        .statusCode(400).build();
            }
            boolean own = registry.equals(caller.value());
            if (!own && (write || !repo.pullers.contains(caller.value()))) {
                throw EcrException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException").errorMessage(caller + " may not " + operation + " in "
                                + registry + "/" + name).build()).build();
            }
            return repo;
        }

        @Override
        public BatchGetImageResponse batchGetImage(BatchGetImageRequest request) {
            Repo repo = access("BatchGetImage", request.registryId(), request.repositoryName(), request, false);
            List<Image> images = new ArrayList<>();
            List<ImageFailure> failures = new ArrayList<>();
            for (ImageIdentifier id : request.imageIds()) {
                Digest digest = id.imageDigest() != null ? Digest.parse(id.imageDigest()) : repo.tags.get(id.imageTag());
                String[] image = digest == null ? null : repo.images.get(digest);
                if (image == null) {
                    failures.add(ImageFailure.builder().imageId(id).failureCode(ImageFailureCode.IMAGE_NOT_FOUND)
                            .failureReason("Requested image not found").build());
                } else {
                    images.add(Image.builder().registryId(request.registryId()).repositoryName(request.repositoryName())
                            .imageId(ImageIdentifier.builder().imageDigest(digest.value()).imageTag(id.imageTag())
                                    .build())
                            .imageManifest(image[0]).imageManifestMediaType(image[1]).build());
                }
            }
            return BatchGetImageResponse.builder().images(images).failures(failures).build();
        }

        @Override
        public PutImageResponse putImage(PutImageRequest request) {
            Repo repo = access("PutImage", request.registryId(), request.repositoryName(), request, true);
            Digest digest = Digest.of(request.imageManifest().getBytes(StandardCharsets.UTF_8));
            if (request.imageDigest() == null || !digest.value().equals(request.imageDigest())) {
                throw InvalidParameterException.builder().message("imageDigest " + request.imageDigest()
                        + " does not match the manifest (" + digest + ")").statusCode(400).build();
            }
            JsonNode manifest;
            try {
                manifest = JSON.readTree(request.imageManifest());
            } catch (IOException e) {
                throw InvalidParameterException.builder().message("manifest is not JSON").statusCode(400).build();
            }
            for (JsonNode child : manifest.path("manifests")) {
                if (!repo.images.containsKey(Digest.parse(child.path("digest").asText()))) {
                    throw ReferencedImagesNotFoundException.builder().message("child " + child.path("digest").asText()
                            + " not found").statusCode(400).build();
                }
            }
            List<JsonNode> blobs = new ArrayList<>();
            if (manifest.has("config")) {
                blobs.add(manifest.get("config"));
            }
            manifest.path("layers").forEach(blobs::add);
            for (JsonNode blob : blobs) {
                if (!repo.blobs.containsKey(Digest.parse(blob.path("digest").asText()))) {
                    throw LayersNotFoundException.builder().message("blob " + blob.path("digest").asText()
                            + " not found").statusCode(400).build();
                }
            }
            String tag = request.imageTag();
            if (tag != null && repo.tags.containsKey(tag)) {
                if (repo.tags.get(tag).equals(digest)) {
                    throw ImageAlreadyExistsException.builder().message("image and tag exist").statusCode(400).build();
                }
                if (repo.immutable) {
                    throw ImageTagAlreadyExistsException.builder().message("tag " + tag + " is immutable")
                            .statusCode(400).build();
                }
            }
            if (tag == null && repo.images.containsKey(digest)) {
                throw ImageAlreadyExistsException.builder().message("image exists").statusCode(400).build();
            }
            repo.images.put(digest, new String[] {request.imageManifest(), request.imageManifestMediaType()});
            if (tag != null) {
                repo.tags.put(tag, digest);
            }
            return PutImageResponse.builder().image(Image.builder().imageId(ImageIdentifier.builder()
                    .imageDigest(digest.value()).imageTag(tag).build()).build()).build();
        }

        @Override
        public DescribeRepositoriesResponse describeRepositories(DescribeRepositoriesRequest request) {
            String name = request.repositoryNames().get(0);
            Repo repo = access("DescribeRepositories", request.registryId(), name, request, false);
            return DescribeRepositoriesResponse.builder().repositories(Repository.builder().repositoryName(name)
                    .imageTagMutability(repo.immutable ? ImageTagMutability.IMMUTABLE : ImageTagMutability.MUTABLE)
                    .build()).build();
        }

        @Override
        public BatchCheckLayerAvailabilityResponse batchCheckLayerAvailability(
                BatchCheckLayerAvailabilityRequest request) {
            Repo repo = access("BatchCheckLayerAvailability", request.registryId(), request.repositoryName(), request,
                    false);
            if (request.layerDigests().size() > 100) {
                throw InvalidParameterException.builder().message("at most 100 digests").statusCode(400).build();
            }
            List<Layer> layers = new ArrayList<>();
            List<LayerFailure> failures = new ArrayList<>();
            for (String digest : request.layerDigests()) {
                byte[] blob = repo.blobs.get(Digest.parse(digest));
                if (blob != null) {
                    layers.add(Layer.builder().layerDigest(digest).layerAvailability(LayerAvailability.AVAILABLE)
                            .layerSize((long) blob.length).build());
                } else {
                    failures.add(LayerFailure.builder().layerDigest(digest)
                            .failureCode(LayerFailureCode.MISSING_LAYER_DIGEST).build());
                }
            }
            return BatchCheckLayerAvailabilityResponse.builder().layers(layers).failures(failures).build();
        }

        @Override
        public GetDownloadUrlForLayerResponse getDownloadUrlForLayer(GetDownloadUrlForLayerRequest request) {
            Repo repo = access("GetDownloadUrlForLayer", request.registryId(), request.repositoryName(), request,
                    false);
            byte[] blob = repo.blobs.get(Digest.parse(request.layerDigest()));
            if (blob == null) {
                throw LayersNotFoundException.builder().message("no layer " + request.layerDigest()).statusCode(400)
                        .build();
            }
            String token = UUID.randomUUID().toString();
            downloads.put(token, blob);
            return GetDownloadUrlForLayerResponse.builder().layerDigest(request.layerDigest())
                    .downloadUrl("http://127.0.0.1:" + http.getAddress().getPort() + "/blob/" + token).build();
        }

        @Override
        public InitiateLayerUploadResponse initiateLayerUpload(InitiateLayerUploadRequest request) {
            Repo repo = access("InitiateLayerUpload", request.registryId(), request.repositoryName(), request, true);
            String uploadId = UUID.randomUUID().toString();
            repo.uploads.put(uploadId, new ByteArrayOutputStream());
            return InitiateLayerUploadResponse.builder().uploadId(uploadId).partSize(MIN_PART).build();
        }

        @Override
        public UploadLayerPartResponse uploadLayerPart(UploadLayerPartRequest request) {
            Repo repo = access("UploadLayerPart", request.registryId(), request.repositoryName(), request, true);
            ByteArrayOutputStream upload = repo.uploads.get(request.uploadId());
            byte[] part = request.layerPartBlob().asByteArray();
            Long previous = repo.lastPartSize.get(request.uploadId());
            if (previous != null && previous < MIN_PART) {
                throw LayerPartTooSmallException.builder().message("parts before the last must be >= 5 MiB")
                        .statusCode(400).build();
            }
            if (part.length > MAX_PART || request.partFirstByte() != upload.size()
                    || request.partLastByte() != upload.size() + part.length - 1) {
                throw InvalidLayerPartException.builder().message("part " + request.partFirstByte() + "-"
                        + request.partLastByte() + " does not continue at " + upload.size()).statusCode(400).build();
            }
            upload.writeBytes(part);
            repo.lastPartSize.put(request.uploadId(), (long) part.length);
            return UploadLayerPartResponse.builder().uploadId(request.uploadId())
                    .lastByteReceived(request.partLastByte()).build();
        }

        @Override
        public CompleteLayerUploadResponse completeLayerUpload(CompleteLayerUploadRequest request) {
            Repo repo = access("CompleteLayerUpload", request.registryId(), request.repositoryName(), request, true);
            byte[] bytes = repo.uploads.remove(request.uploadId()).toByteArray();
            Digest digest = Digest.parse(request.layerDigests().get(0));
            if (!Digest.of(bytes).equals(digest)) {
                throw InvalidLayerException.builder().message("layer does not hash to " + digest).statusCode(400)
                        .build();
            }
            if (repo.blobs.putIfAbsent(digest, bytes) != null) {
                throw LayerAlreadyExistsException.builder().message("exists").statusCode(400).build();
            }
            return CompleteLayerUploadResponse.builder().layerDigest(digest.value()).build();
        }

        @Override
        public String serviceName() {
            return "ecr";
        }

        @Override
        public void close() {
        }
    }
}
