package dev.airlock.testkit.aws.internal.s3;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * One version of an object (or a delete marker). Immutable; changing retention replaces the version.
 *
 * @param versionId {@code null} (the string) for the null version of unversioned or suspended buckets
 */
record StoredObject(
        String key,
        String versionId,
        boolean deleteMarker,
        byte[] data,
        String etag,
        Instant lastModified,
        @Nullable String contentType,
        Map<String, String> metadata,
        Checksums.@Nullable Stored checksum,
        @Nullable Retention retention) {

    /** An Object Lock retention: the version cannot be deleted before {@code until}. */
    record Retention(ObjectLockRetentionMode mode, Instant until) {
    }

    StoredObject {
        metadata = Map.copyOf(metadata);
    }

    static StoredObject deleteMarker(String key, String versionId, Instant time) {
        return new StoredObject(key, versionId, true, new byte[0], "", time, null, Map.of(), null, null);
    }

    StoredObject withRetention(@Nullable Retention retention) {
        return new StoredObject(key, versionId, deleteMarker, data, etag, lastModified, contentType, metadata, checksum,
                retention);
    }

    /** Whether retention forbids deleting this version at {@code now}. */
    boolean retainedAt(Instant now) {
        return retention != null && now.isBefore(retention.until());
    }
}
