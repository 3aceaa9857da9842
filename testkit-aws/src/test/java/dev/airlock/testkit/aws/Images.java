package dev.airlock.testkit.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/** Builds container image manifests and pushes blobs the way a registry client does. */
final class Images {
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final int MIB = 1024 * 1024;

    private Images() {
    }

    static String sha256(byte[] data) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static String sha256(String manifest) {
        return sha256(manifest.getBytes(StandardCharsets.UTF_8));
    }

    /** A Docker v2 image manifest over a config blob and layer blobs. */
    static String manifest(byte[] config, byte[]... layers) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + DOCKER_MANIFEST + "\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":"
                + config.length + ",\"digest\":\"" + sha256(config) + "\"},\"layers\":[");
        for (int i = 0; i < layers.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\","
                    + "\"size\":").append(layers[i].length).append(",\"digest\":\"").append(sha256(layers[i])).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** An OCI image index over child manifests. */
    static String index(List<String> childManifests) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[");
        for (int i = 0; i < childManifests.size(); i++) {
            String child = childManifests.get(i);
            json.append(i == 0 ? "" : ",").append("{\"mediaType\":\"" + DOCKER_MANIFEST + "\",\"size\":")
                    .append(child.getBytes(StandardCharsets.UTF_8).length).append(",\"digest\":\"").append(sha256(child))
                    .append("\",\"platform\":{\"architecture\":\"").append(i == 0 ? "amd64" : "arm64")
                    .append("\",\"os\":\"linux\"}}");
        }
        return json.append("]}").toString();
    }

    /** Pushes a blob through InitiateLayerUpload, UploadLayerPart in 5 MiB parts, CompleteLayerUpload. */
    static void uploadLayer(EcrClient ecr, String repository, byte[] blob) {
        String upload = ecr.initiateLayerUpload(i -> i.repositoryName(repository)).uploadId();
        for (int first = 0; first < blob.length; first += 5 * MIB) {
            int start = first;
            int end = Math.min(blob.length, first + 5 * MIB);
            ecr.uploadLayerPart(u -> u.repositoryName(repository).uploadId(upload).partFirstByte((long) start)
                    .partLastByte((long) end - 1).layerPartBlob(SdkBytes.fromByteArray(java.util.Arrays.copyOfRange(
                            blob, start, end))));
        }
        ecr.completeLayerUpload(c -> c.repositoryName(repository).uploadId(upload).layerDigests(sha256(blob)));
    }

    /** Pushes the blobs through the layer API, then the manifest with its digest, as a registry client does. */
    static String push(EcrClient ecr, String repository, String tag, byte[] config, byte[]... layers) {
        uploadLayer(ecr, repository, config);
        for (byte[] layer : layers) {
            uploadLayer(ecr, repository, layer);
        }
        String manifest = manifest(config, layers);
        ecr.putImage(p -> p.repositoryName(repository).imageManifest(manifest).imageTag(tag).imageDigest(sha256(manifest)));
        return manifest;
    }

    static ImageIdentifier tag(String tag) {
        return ImageIdentifier.builder().imageTag(tag).build();
    }

    static ImageIdentifier digest(String digest) {
        return ImageIdentifier.builder().imageDigest(digest).build();
    }

    static byte[] blob(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code size} bytes of a repeating pattern, for blobs and objects larger than a part. */
    static byte[] bytes(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return data;
    }
}
