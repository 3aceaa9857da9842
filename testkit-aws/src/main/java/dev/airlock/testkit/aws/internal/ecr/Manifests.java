package dev.airlock.testkit.aws.internal.ecr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads what ECR needs from an image manifest or an image index: its media type, and the blobs
 * (config and layers) or child manifests it references, which must be in the repository before it.
 */
final class Manifests {
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final Set<String> IMAGES = Set.of(DOCKER_MANIFEST, OCI_MANIFEST);
    private static final Set<String> INDEXES = Set.of(DOCKER_LIST, OCI_INDEX);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A blob or manifest reference. */
    record Descriptor(String digest, long size, @Nullable String mediaType) {
    }

    /**
     * A parsed manifest.
     *
     * @param config the config blob of an image manifest, null for an index
     * @param layers the layer blobs of an image manifest, empty for an index
     * @param children the manifests an index lists, empty for an image manifest
     */
    record Parsed(String mediaType, @Nullable Descriptor config, List<Descriptor> layers, List<Descriptor> children) {
        boolean isIndex() {
            return INDEXES.contains(mediaType);
        }

        /** The size its descriptors declare: of the config and layers, or of the child manifests. */
        long size() {
            long size = config == null ? 0 : config.size();
            for (Descriptor descriptor : isIndex() ? children : layers) {
                size += descriptor.size();
            }
            return size;
        }
    }

    private Manifests() {
    }

    static Parsed parse(String manifest, @Nullable String mediaTypeParameter) {
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (JsonProcessingException e) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'ImageManifest' failed to satisfy constraint: "
                    + "'Invalid JSON syntax'");
        }
        if (root == null || !root.isObject()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'ImageManifest' failed to satisfy constraint: "
                    + "'Invalid JSON syntax'");
        }
        if (root.path("schemaVersion").asInt() != 2) {
            throw new UnsupportedOperationException("FakeEcrClient models schemaVersion 2 manifests only");
        }
        String field = root.hasNonNull("mediaType") ? root.get("mediaType").asText() : null;
        if (field != null && mediaTypeParameter != null && !field.equals(mediaTypeParameter)) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'ImageManifestMediaType' failed to satisfy "
                    + "constraint: 'Manifest media type does not match the mediaType field of the manifest'");
        }
        String mediaType = field != null ? field : mediaTypeParameter;
        if (mediaType == null) {
            throw EcrErrors.invalidParameter("image manifest mediatype not provided in manifest or parameter");
        }
        if (IMAGES.contains(mediaType)) {
            Descriptor config = descriptor(root.path("config"));
            List<Descriptor> layers = new ArrayList<>();
            for (JsonNode layer : root.path("layers")) {
                layers.add(descriptor(layer));
            }
            return new Parsed(mediaType, config, layers, List.of());
        }
        if (INDEXES.contains(mediaType)) {
            List<Descriptor> children = new ArrayList<>();
            for (JsonNode child : root.path("manifests")) {
                children.add(descriptor(child));
            }
            return new Parsed(mediaType, null, List.of(), children);
        }
        throw new UnsupportedOperationException("FakeEcrClient does not model manifests of media type " + mediaType);
    }

    private static Descriptor descriptor(JsonNode node) {
        String digest = node.path("digest").asText("");
        if (!LayerOps.DIGEST.matcher(digest).matches()) {
            throw EcrErrors.invalidParameter("Invalid parameter at 'ImageManifest' failed to satisfy constraint: "
                    + "'Invalid digest " + digest + "'");
        }
        return new Descriptor(digest, node.path("size").asLong(), node.hasNonNull("mediaType")
                ? node.get("mediaType").asText() : null);
    }
}
