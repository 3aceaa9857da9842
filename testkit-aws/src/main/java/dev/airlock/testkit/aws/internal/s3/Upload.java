package dev.airlock.testkit.aws.internal.s3;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/** A multipart upload in progress. Guarded by the store's lock. */
final class Upload {
    /** An uploaded part. */
    record Part(int number, byte[] data, String etag, @Nullable String checksum, Instant lastModified) {
    }

    final String id;
    final String key;
    final Instant initiated;
    final @Nullable String contentType;
    final Map<String, String> metadata;
    final @Nullable ChecksumAlgorithm checksumAlgorithm;
    final StoredObject.@Nullable Retention retention;
    final NavigableMap<Integer, Part> parts = new TreeMap<>();

    Upload(String id, String key, Instant initiated, @Nullable String contentType, Map<String, String> metadata,
            @Nullable ChecksumAlgorithm checksumAlgorithm, StoredObject.@Nullable Retention retention) {
        this.id = id;
        this.key = key;
        this.initiated = initiated;
        this.contentType = contentType;
        this.metadata = Map.copyOf(metadata);
        this.checksumAlgorithm = checksumAlgorithm;
        this.retention = retention;
    }
}
