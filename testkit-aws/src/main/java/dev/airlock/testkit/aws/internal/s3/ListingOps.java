package dev.airlock.testkit.aws.internal.s3;

import dev.airlock.testkit.aws.internal.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Listings: current objects by prefix and delimiter, and every version with its delete markers, paged. */
final class ListingOps {
    private final S3Store store;

    ListingOps(S3Store store) {
        this.store = store;
    }

    ListObjectsV2Response list(Caller caller, Region region, ListObjectsV2Request request) {
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(), "s3:ListBucket",
                    null);
            String prefix = request.prefix() == null ? "" : request.prefix();
            int maxKeys = request.maxKeys() == null ? 1000 : Math.max(0, Math.min(1000, request.maxKeys()));
            String after = request.continuationToken() != null
                    ? new String(Base64.getDecoder().decode(request.continuationToken()), StandardCharsets.UTF_8)
                    : request.startAfter();
            List<S3Object> contents = new ArrayList<>();
            TreeSet<String> prefixes = new TreeSet<>();
            String last = null;
            boolean truncated = false;
            // Keys up to the marker are never listed (a key's group sorts no later than the key), so start
            // after it: a listing costs what it returns, not the size of the bucket, as ledger tails need.
            var from = after != null && after.compareTo(prefix) >= 0
                    ? bucket.objects.tailMap(after, false) : bucket.objects.tailMap(prefix, true);
            for (Map.Entry<String, List<StoredObject>> entry : from.entrySet()) {
                String key = entry.getKey();
                if (!key.startsWith(prefix)) {
                    break;
                }
                StoredObject current = bucket.current(key);
                if (current == null) {
                    continue;
                }
                String group = grouped(key, prefix, request.delimiter());
                String position = group != null ? group : key;
                if (after != null && position.compareTo(after) <= 0) {
                    continue;
                }
                if (group != null && prefixes.contains(group)) {
                    continue;
                }
                if (contents.size() + prefixes.size() == maxKeys) {
                    truncated = true;
                    break;
                }
                if (group != null) {
                    prefixes.add(group);
                } else {
                    contents.add(S3Object.builder()
                            .key(key)
                            .size((long) current.data().length)
                            .eTag(current.etag())
                            .lastModified(current.lastModified())
                            .storageClass("STANDARD")
                            .checksumAlgorithmWithStrings(current.checksum() == null
                                    ? List.of() : List.of(current.checksum().algorithm().toString()))
                            .build());
                }
                last = position;
            }
            ListObjectsV2Response.Builder response = ListObjectsV2Response.builder()
                    .name(bucket.name)
                    .prefix(request.prefix())
                    .delimiter(request.delimiter())
                    .maxKeys(maxKeys)
                    .contents(contents)
                    .commonPrefixes(prefixes.stream().map(p -> CommonPrefix.builder().prefix(p).build()).toList())
                    .keyCount(contents.size() + prefixes.size())
                    .isTruncated(truncated)
                    .continuationToken(request.continuationToken())
                    .startAfter(request.startAfter());
            if (truncated && last != null) {
                response.nextContinuationToken(
                        Base64.getEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
            }
            return response.build();
        }
    }

    private static @Nullable String grouped(String key, String prefix, @Nullable String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    ListObjectVersionsResponse listVersions(Caller caller, Region region, ListObjectVersionsRequest request) {
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:ListBucketVersions", null);
            String prefix = request.prefix() == null ? "" : request.prefix();
            int maxKeys = request.maxKeys() == null ? 1000 : Math.max(0, Math.min(1000, request.maxKeys()));
            List<ObjectVersion> versions = new ArrayList<>();
            List<DeleteMarkerEntry> markers = new ArrayList<>();
            boolean passedMarker = request.keyMarker() == null;
            boolean truncated = false;
            String nextKey = null;
            String nextVersion = null;
            outer:
            for (Map.Entry<String, List<StoredObject>> entry : bucket.objects.tailMap(prefix, true).entrySet()) {
                if (!entry.getKey().startsWith(prefix)) {
                    break;
                }
                List<StoredObject> newestFirst = new ArrayList<>(entry.getValue());
                Collections.reverse(newestFirst);
                for (int i = 0; i < newestFirst.size(); i++) {
                    StoredObject version = newestFirst.get(i);
                    if (!passedMarker) {
                        passedMarker = pastMarker(version, request.keyMarker(), request.versionIdMarker());
                        continue;
                    }
                    if (versions.size() + markers.size() == maxKeys) {
                        truncated = true;
                        break outer;
                    }
                    boolean latest = i == 0;
                    if (version.deleteMarker()) {
                        markers.add(DeleteMarkerEntry.builder().key(version.key()).versionId(version.versionId())
                                .isLatest(latest).lastModified(version.lastModified()).build());
                    } else {
                        versions.add(ObjectVersion.builder().key(version.key()).versionId(version.versionId())
                                .isLatest(latest).lastModified(version.lastModified()).eTag(version.etag())
                                .size((long) version.data().length).storageClass("STANDARD").build());
                    }
                    nextKey = version.key();
                    nextVersion = version.versionId();
                }
            }
            ListObjectVersionsResponse.Builder response = ListObjectVersionsResponse.builder()
                    .name(bucket.name)
                    .prefix(request.prefix())
                    .maxKeys(maxKeys)
                    .keyMarker(request.keyMarker())
                    .versionIdMarker(request.versionIdMarker())
                    .versions(versions)
                    .deleteMarkers(markers)
                    .isTruncated(truncated);
            if (truncated) {
                response.nextKeyMarker(nextKey).nextVersionIdMarker(nextVersion);
            }
            return response.build();
        }
    }

    /** Whether listing resumes after {@code version}, the last one of the previous page. */
    private static boolean pastMarker(StoredObject version, @Nullable String keyMarker, @Nullable String versionIdMarker) {
        int byKey = version.key().compareTo(keyMarker);
        if (byKey > 0) {
            return true;
        }
        return byKey == 0 && version.versionId().equals(versionIdMarker);
    }
}
