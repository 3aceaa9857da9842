package dev.airlock.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.artifact.Digest;
import dev.airlock.aws.internal.ImageManifest;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Builds OCI manifests and indexes over given blobs, byte-exact, for tests. */
final class Images {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Images() {
    }

    static byte[] blob(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** An OCI image manifest referencing {@code config} and {@code layers}. */
    static String manifest(byte[] config, byte[]... layers) {
        ObjectNode root = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", ImageManifest.OCI_MANIFEST);
        root.set("config", descriptor("application/vnd.oci.image.config.v1+json", config));
        ArrayNode array = root.putArray("layers");
        for (byte[] layer : layers) {
            array.add(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layer));
        }
        return root.toString();
    }

    /** An OCI image index over {@code manifests}. */
    static String index(String... manifests) {
        ObjectNode root = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", ImageManifest.OCI_INDEX);
        ArrayNode array = root.putArray("manifests");
        for (String manifest : manifests) {
            array.add(descriptor(ImageManifest.OCI_MANIFEST, manifest.getBytes(StandardCharsets.UTF_8)));
        }
        return root.toString();
    }

    static Digest digest(String manifest) {
        return Digest.of(manifest.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode descriptor(String mediaType, byte[] bytes) {
        return JSON.createObjectNode().put("mediaType", mediaType).put("digest", Digest.of(bytes).value())
                .put("size", bytes.length);
    }
}
