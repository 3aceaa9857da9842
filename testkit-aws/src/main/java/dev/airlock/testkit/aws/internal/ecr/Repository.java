package dev.airlock.testkit.aws.internal.ecr;

import dev.airlock.testkit.aws.internal.Policy;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;

/** A repository: images by digest, tags, layer blobs and layer uploads in progress. Guarded by the store's lock. */
final class Repository {
    /** An image (manifest or index) stored under its digest. */
    record StoredImage(String digest, String manifest, Manifests.Parsed parsed, Instant pushedAt, long size) {
    }

    /** A layer upload in progress: parts must arrive as contiguous byte ranges. */
    static final class LayerUpload {
        final String id;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> partSizes = new ArrayList<>();

        LayerUpload(String id) {
            this.id = id;
        }
    }

    final String registryId;
    final Region region;
    final String name;
    final Instant createdAt;
    ImageTagMutability mutability;
    @Nullable Policy policy;
    final Map<String, StoredImage> images = new LinkedHashMap<>();
    final Map<String, String> tags = new TreeMap<>();
    final Map<String, byte[]> layers = new HashMap<>();
    final Map<String, LayerUpload> uploads = new HashMap<>();

    Repository(String registryId, Region region, String name, Instant createdAt, ImageTagMutability mutability) {
        this.registryId = registryId;
        this.region = region;
        this.name = name;
        this.createdAt = createdAt;
        this.mutability = mutability;
    }

    String arn() {
        return "arn:aws:ecr:" + region.id() + ":" + registryId + ":repository/" + name;
    }

    String uri() {
        return registryId + ".dkr.ecr." + region.id() + ".amazonaws.com/" + name;
    }

    List<String> tagsOf(String digest) {
        List<String> of = new ArrayList<>();
        tags.forEach((tag, target) -> {
            if (target.equals(digest)) {
                of.add(tag);
            }
        });
        return of;
    }
}
