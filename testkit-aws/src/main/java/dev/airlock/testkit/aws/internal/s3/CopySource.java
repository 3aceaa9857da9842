package dev.airlock.testkit.aws.internal.s3;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** The object a CopyObject or UploadPartCopy reads, from the SourceBucket/SourceKey fields or the legacy CopySource. */
record CopySource(String bucket, String key, @Nullable String versionId) {

    static CopySource of(@Nullable String sourceBucket, @Nullable String sourceKey, @Nullable String sourceVersionId,
            @Nullable String copySource) {
        if (sourceBucket != null || sourceKey != null) {
            return new CopySource(S3Store.required(sourceBucket, "SourceBucket"),
                    S3Store.required(sourceKey, "SourceKey"), sourceVersionId);
        }
        String encoded = S3Store.required(copySource, "CopySource");
        String path = encoded;
        String versionId = null;
        int query = encoded.indexOf('?');
        if (query >= 0) {
            path = encoded.substring(0, query);
            String parameters = encoded.substring(query + 1);
            if (!parameters.startsWith("versionId=")) {
                throw S3Errors.invalidArgument("Invalid copy source: " + encoded);
            }
            versionId = URLDecoder.decode(parameters.substring("versionId=".length()), StandardCharsets.UTF_8);
        }
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        if (decoded.startsWith("arn:")) {
            throw new UnsupportedOperationException("FakeS3Client does not model access point copy sources: " + encoded);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw S3Errors.invalidArgument("Invalid copy source object key");
        }
        return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1), versionId);
    }

    /** The source object, or the error S3 gives when it is missing or names a delete marker. */
    StoredObject resolve(Bucket bucket) {
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
            throw S3Errors.invalidRequest(
                    "The source of a copy request may not specifically refer to a delete marker by version id.");
        }
        return version;
    }

    String action() {
        return versionId == null ? "s3:GetObject" : "s3:GetObjectVersion";
    }
}
