package dev.airlock.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.AirlockException;
import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An image manifest or image index as stored in a registry: its exact bytes (the digest is the
 * SHA-256 of these, never of a re-serialization), its media type, and what it references: child
 * manifests for an index, config and layer blobs for an image.
 */
public record ImageManifest(String text, String mediaType, Digest digest, List<Descriptor> children,
        List<Descriptor> blobs) {
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    /** The media types the store accepts and asks registries for. */
    public static final List<String> MEDIA_TYPES = List.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_LIST);
    private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_LIST);
    /** ECR refuses manifests above 4 MiB. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reference to a blob or child manifest. */
    public record Descriptor(Digest digest, long size, String mediaType) {
        /** Foreign layers (Windows base images) are fetched from elsewhere, never stored in a registry. */
        public boolean isForeign() {
            return mediaType.contains("foreign");
        }
    }

    public boolean isIndex() {
        return INDEXES.contains(mediaType);
    }

    /** Parses manifest {@code bytes}; {@code declaredType} (from the registry or the caller) is used if the JSON has none. */
    public static ImageManifest parse(byte[] bytes, String declaredType) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidValueException("manifest", bytes.length + " bytes", "must be at most 4 MiB, as ECR allows");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            throw new InvalidValueException("manifest", "<" + bytes.length + " bytes>",
                    "must be UTF-8 text: ECR stores manifests as strings, other bytes would change the digest");
        }
        return parse(text, declaredType);
    }

    /** Parses manifest {@code text} as returned by ECR. */
    public static ImageManifest parse(String text, String declaredType) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidValueException("manifest", "<" + text.length() + " characters>",
                    "must be JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidValueException("manifest", "<" + text.length() + " characters>", "must be a JSON object");
        }
        String mediaType = root.hasNonNull("mediaType") ? root.get("mediaType").asText() : declaredType;
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new InvalidValueException("mediaType", mediaType, "must be one of " + MEDIA_TYPES);
        }
        Digest digest = Digest.of(text.getBytes(StandardCharsets.UTF_8));
        List<Descriptor> children = new ArrayList<>();
        List<Descriptor> blobs = new ArrayList<>();
        if (INDEXES.contains(mediaType)) {
            root.path("manifests").forEach(node -> children.add(descriptor(node, digest)));
        } else {
            if (root.has("config")) {
                blobs.add(descriptor(root.get("config"), digest));
            }
            root.path("layers").forEach(node -> blobs.add(descriptor(node, digest)));
        }
        return new ImageManifest(text, mediaType, digest, List.copyOf(children), List.copyOf(blobs));
    }

    private static Descriptor descriptor(JsonNode node, Digest manifest) {
        try {
            return new Descriptor(Digest.parse(node.path("digest").asText()), node.path("size").asLong(-1),
                    node.path("mediaType").asText(""));
        } catch (InvalidValueException e) {
            throw new AirlockException("manifest " + manifest + " references an invalid digest: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ImageManifest[" + digest + ", " + mediaType + ", " + children.size() + " children, " + blobs.size()
                + " blobs]";
    }
}
