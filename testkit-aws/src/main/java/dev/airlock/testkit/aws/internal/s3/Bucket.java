package dev.airlock.testkit.aws.internal.s3;

import dev.airlock.testkit.aws.internal.Ids;
import dev.airlock.testkit.aws.internal.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/** A bucket and its objects. Guarded by the store's lock. */
final class Bucket {
    /** A bucket's default Object Lock retention, in days or years. */
    record DefaultRetention(ObjectLockRetentionMode mode, @Nullable Integer days, @Nullable Integer years) {
    }

    final String name;
    final String owner;
    final Region region;
    final Instant created;
    @Nullable BucketVersioningStatus versioning;
    boolean objectLock;
    @Nullable DefaultRetention defaultRetention;
    @Nullable Policy policy;
    /** Versions of each key, oldest first. */
    final NavigableMap<String, List<StoredObject>> objects = new TreeMap<>();
    final Map<String, Upload> uploads = new HashMap<>();

    Bucket(String name, String owner, Region region, Instant created, boolean objectLock) {
        this.name = name;
        this.owner = owner;
        this.region = region;
        this.created = created;
        this.objectLock = objectLock;
        this.versioning = objectLock ? BucketVersioningStatus.ENABLED : null;
    }

    String arn() {
        return "arn:aws:s3:::" + name;
    }

    String objectArn(String key) {
        return arn() + "/" + key;
    }

    boolean versioned() {
        return versioning != null;
    }

    /** The newest version of a key, which may be a delete marker. */
    @Nullable StoredObject latest(String key) {
        List<StoredObject> versions = objects.get(key);
        return versions == null || versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /** The current object of a key: the newest version unless that is a delete marker. */
    @Nullable StoredObject current(String key) {
        StoredObject latest = latest(key);
        return latest == null || latest.deleteMarker() ? null : latest;
    }

    @Nullable StoredObject version(String key, String versionId) {
        for (StoredObject version : objects.getOrDefault(key, List.of())) {
            if (version.versionId().equals(versionId)) {
                return version;
            }
        }
        return null;
    }

    /** The id a new version gets: random when versioning is enabled, otherwise the null version. */
    String nextVersionId() {
        return versioning == BucketVersioningStatus.ENABLED ? Ids.hex(32) : "null";
    }

    /** Adds a version; a new null version replaces the old one, as S3 does when versioning is off or suspended. */
    void add(StoredObject version) {
        List<StoredObject> versions = objects.computeIfAbsent(version.key(), k -> new ArrayList<>());
        if (version.versionId().equals("null")) {
            versions.removeIf(v -> v.versionId().equals("null"));
        }
        versions.add(version);
    }

    void replace(StoredObject old, StoredObject updated) {
        List<StoredObject> versions = objects.get(old.key());
        versions.set(versions.indexOf(old), updated);
    }

    void remove(StoredObject version) {
        List<StoredObject> versions = objects.get(version.key());
        versions.remove(version);
        if (versions.isEmpty()) {
            objects.remove(version.key());
        }
    }

    /** The version id to report: none for a bucket that never had versioning. */
    @Nullable String reportedVersionId(StoredObject version) {
        return versioned() ? version.versionId() : null;
    }
}
