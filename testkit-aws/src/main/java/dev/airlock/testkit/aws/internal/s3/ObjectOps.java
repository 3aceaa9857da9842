package dev.airlock.testkit.aws.internal.s3;

import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.RequestScope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** Object operations: conditional writes, reads, deletes with Object Lock, listings, server-side copy, retention. */
final class ObjectOps {
    static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;

    private final S3Store store;

    ObjectOps(S3Store store) {
        this.store = store;
    }

    PutObjectResponse put(Caller caller, Region region, PutObjectRequest request, byte[] data) {
        RequestScope.put("s3:if-none-match", request.ifNoneMatch());
        RequestScope.put("s3:if-match", request.ifMatch());
        String key = key(request.key());
        if (request.contentLength() != null && request.contentLength() != data.length) {
            throw S3Errors.of(400, "IncompleteBody",
                    "You did not provide the number of bytes specified by the Content-Length HTTP header");
        }
        if (data.length > MAX_SINGLE_PUT) {
            throw S3Errors.of(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
        }
        synchronized (store) {
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(), "s3:PutObject",
                    key);
            Checksums.verifyContentMd5(data, request.contentMD5());
            Checksums.Provided provided = Checksums.provided(request.checksumCRC32(), request.checksumCRC32C(),
                    request.checksumSHA1(), request.checksumSHA256());
            Checksums.Stored checksum = Checksums.verify(data, request.checksumAlgorithm(), provided);
            Instant now = store.now();
            StoredObject.Retention retention = Retentions.forWrite(bucket, request.objectLockModeAsString(),
                    request.objectLockRetainUntilDate(), now);
            if (retention != null && request.contentMD5() == null && checksum == null) {
                throw S3Errors.invalidRequest("Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object "
                        + "requests with Object Lock parameters");
            }
            Preconditions.checkWrite(bucket.current(key), request.ifMatch(), request.ifNoneMatch());
            StoredObject version = new StoredObject(key, bucket.nextVersionId(), false, data, Checksums.etag(data), now,
                    request.contentType(), lower(request.metadata()), checksum, retention);
            bucket.add(version);
            return Checksums.put(PutObjectResponse.builder(), checksum, true)
                    .eTag(version.etag())
                    .versionId(bucket.reportedVersionId(version))
                    .size((long) data.length)
                    .build();
        }
    }

    /** The object a GetObject would return, with its response, after every check. */
    record Read(GetObjectResponse response, byte[] body) {
    }

    Read get(Caller caller, Region region, GetObjectRequest request) {
        synchronized (store) {
            String key = key(request.key());
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    request.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion", key);
            StoredObject object = readable(bucket, key, request.versionId());
            Preconditions.checkRead(object, request.ifMatch(), request.ifNoneMatch(), request.ifModifiedSince(),
                    request.ifUnmodifiedSince());
            byte[] body = object.data();
            GetObjectResponse.Builder response = GetObjectResponse.builder();
            if (request.range() != null) {
                long[] range = range(request.range(), body.length);
                body = Arrays.copyOfRange(body, (int) range[0], (int) range[1] + 1);
                response.contentRange("bytes " + range[0] + "-" + range[1] + "/" + object.data().length);
            }
            if (request.checksumMode() == ChecksumMode.ENABLED && request.range() == null) {
                Checksums.put(response, object.checksum(), true);
            }
            StoredObject.Retention retention = object.retention();
            response.contentLength((long) body.length)
                    .contentType(object.contentType())
                    .eTag(object.etag())
                    .lastModified(object.lastModified())
                    .metadata(object.metadata())
                    .versionId(bucket.reportedVersionId(object))
                    .acceptRanges("bytes");
            if (retention != null) {
                response.objectLockMode(retention.mode().toString()).objectLockRetainUntilDate(retention.until());
            }
            return new Read(response.build(), body);
        }
    }

    HeadObjectResponse head(Caller caller, Region region, HeadObjectRequest request) {
        synchronized (store) {
            String key = key(request.key());
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    request.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion", key);
            StoredObject object = readable(bucket, key, request.versionId());
            Preconditions.checkRead(object, request.ifMatch(), request.ifNoneMatch(), request.ifModifiedSince(),
                    request.ifUnmodifiedSince());
            HeadObjectResponse.Builder response = HeadObjectResponse.builder();
            if (request.checksumMode() == ChecksumMode.ENABLED) {
                Checksums.put(response, object.checksum(), true);
            }
            StoredObject.Retention retention = object.retention();
            response.contentLength((long) object.data().length)
                    .contentType(object.contentType())
                    .eTag(object.etag())
                    .lastModified(object.lastModified())
                    .metadata(object.metadata())
                    .versionId(bucket.reportedVersionId(object))
                    .acceptRanges("bytes");
            if (retention != null) {
                response.objectLockMode(retention.mode().toString()).objectLockRetainUntilDate(retention.until());
            }
            return response.build();
        }
    }

    static StoredObject readable(Bucket bucket, String key, @Nullable String versionId) {
        if (versionId == null) {
            StoredObject current = bucket.current(key);
            if (current == null) {
                throw S3Errors.noSuchKey();
            }
            return current;
        }
        StoredObject version = bucket.version(key, versionId);
        if (version == null) {
            throw S3Errors.noSuchVersion();
        }
        if (version.deleteMarker()) {
            throw S3Errors.of(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        return version;
    }

    /** A single byte range {@code bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}. */
    private static long[] range(String header, long size) {
        if (!header.startsWith("bytes=") || header.contains(",")) {
            throw new UnsupportedOperationException("FakeS3Client models only single byte ranges, not " + header);
        }
        String spec = header.substring("bytes=".length());
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw new UnsupportedOperationException("FakeS3Client cannot parse the range " + header);
        }
        String first = spec.substring(0, dash);
        String last = spec.substring(dash + 1);
        long start;
        long end;
        if (first.isEmpty()) {
            long suffix = Long.parseLong(last);
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = Long.parseLong(first);
            end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
        }
        if (start >= size || start > end) {
            throw S3Errors.of(416, "InvalidRange", "The requested range is not satisfiable");
        }
        return new long[] {start, end};
    }

    DeleteObjectResponse delete(Caller caller, Region region, DeleteObjectRequest request) {
        synchronized (store) {
            String key = key(request.key());
            Instant now = store.now();
            if (request.versionId() == null) {
                Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                        "s3:DeleteObject", key);
                if (request.ifMatch() != null) {
                    Preconditions.checkWrite(bucket.current(key), request.ifMatch(), null);
                }
                if (!bucket.versioned()) {
                    StoredObject existing = bucket.version(key, "null");
                    if (existing != null) {
                        bucket.remove(existing);
                    }
                    return DeleteObjectResponse.builder().build();
                }
                StoredObject marker = StoredObject.deleteMarker(key, bucket.nextVersionId(), now);
                bucket.add(marker);
                return DeleteObjectResponse.builder().deleteMarker(true).versionId(marker.versionId()).build();
            }
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:DeleteObjectVersion", key);
            StoredObject version = bucket.version(key, request.versionId());
            if (version == null) {
                return DeleteObjectResponse.builder().versionId(request.versionId()).build();
            }
            if (version.retainedAt(now)) {
                StoredObject.Retention retention = version.retention();
                boolean bypass = Boolean.TRUE.equals(request.bypassGovernanceRetention());
                if (retention.mode() == ObjectLockRetentionMode.COMPLIANCE || !bypass) {
                    throw S3Errors.lockedByRetention();
                }
                store.authorize(caller, bucket, "s3:BypassGovernanceRetention", bucket.objectArn(key));
            }
            bucket.remove(version);
            return DeleteObjectResponse.builder()
                    .versionId(version.versionId())
                    .deleteMarker(version.deleteMarker() ? Boolean.TRUE : null)
                    .build();
        }
    }

    @SuppressWarnings("deprecation") // CopySource is the SDK's legacy way to name the source, still accepted.
    CopyObjectResponse copy(Caller caller, Region region, CopyObjectRequest request) {
        RequestScope.put("s3:if-none-match", request.ifNoneMatch());
        RequestScope.put("s3:if-match", request.ifMatch());
        CopySource source = CopySource.of(request.sourceBucket(), request.sourceKey(), request.sourceVersionId(),
                request.copySource());
        String key = key(request.destinationKey());
        synchronized (store) {
            Bucket from = store.open(caller, null, source.bucket(), request.expectedSourceBucketOwner(), source.action(),
                    source.key());
            StoredObject original = source.resolve(from);
            Preconditions.checkCopySource(original, request.copySourceIfMatch(), request.copySourceIfNoneMatch(),
                    request.copySourceIfModifiedSince(), request.copySourceIfUnmodifiedSince());
            if (original.data().length > MAX_SINGLE_PUT) {
                throw S3Errors.invalidRequest("The specified copy source is larger than the maximum allowable size "
                        + "for a copy source: " + MAX_SINGLE_PUT);
            }
            Bucket to = store.open(caller, region, request.destinationBucket(), request.expectedBucketOwner(),
                    "s3:PutObject", key);
            boolean replace = request.metadataDirective() == MetadataDirective.REPLACE;
            boolean changes = replace || request.checksumAlgorithm() != null || request.objectLockModeAsString() != null;
            if (from == to && original.key().equals(key) && source.versionId() == null && !changes) {
                throw S3Errors.invalidRequest("This copy request is illegal because it is trying to copy an object to "
                        + "itself without changing the object's metadata, storage class, website redirect location or "
                        + "encryption attributes.");
            }
            Preconditions.checkWrite(to.current(key), request.ifMatch(), request.ifNoneMatch());
            byte[] data = original.data();
            Checksums.Stored checksum = copiedChecksum(original, request.checksumAlgorithm() == null
                    ? null : Checksums.requireSupported(request.checksumAlgorithm()), data);
            Instant now = store.now();
            StoredObject copy = new StoredObject(key, to.nextVersionId(), false, data, Checksums.etag(data), now,
                    replace ? request.contentType() : original.contentType(),
                    replace ? lower(request.metadata()) : original.metadata(), checksum,
                    Retentions.forWrite(to, request.objectLockModeAsString(), request.objectLockRetainUntilDate(), now));
            to.add(copy);
            return CopyObjectResponse.builder()
                    .copyObjectResult(Checksums.put(CopyObjectResult.builder(), checksum, true)
                            .eTag(copy.etag())
                            .lastModified(now)
                            .build())
                    .versionId(to.reportedVersionId(copy))
                    .copySourceVersionId(from.reportedVersionId(original))
                    .build();
        }
    }

    /** A copy is a new single-part object: S3 computes the requested algorithm, or the source's, over all bytes. */
    private static Checksums.@Nullable Stored copiedChecksum(StoredObject original,
            @Nullable ChecksumAlgorithm requested, byte[] data) {
        ChecksumAlgorithm algorithm = requested != null
                ? requested
                : original.checksum() == null ? null : original.checksum().algorithm();
        return Checksums.verify(data, algorithm, null);
    }

    /** S3 keys are 1 to 1024 bytes of UTF-8. */
    static String key(@Nullable String key) {
        String value = S3Store.required(key, "Key");
        if (value.getBytes(StandardCharsets.UTF_8).length > 1024) {
            throw S3Errors.of(400, "KeyTooLongError", "Your key is too long");
        }
        return value;
    }

    /** S3 stores user metadata keys in lower case. */
    static Map<String, String> lower(Map<String, String> metadata) {
        Map<String, String> lowered = new HashMap<>();
        metadata.forEach((k, v) -> lowered.put(k.toLowerCase(Locale.ROOT), v));
        return lowered;
    }
}
