package dev.airlock.testkit.aws.internal.s3;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** S3's conditional headers, for reads (and copy sources) and for writes. */
final class Preconditions {
    private Preconditions() {
    }

    /**
     * If-Match and If-Unmodified-Since fail with 412; If-None-Match and If-Modified-Since answer 304.
     * As in S3, a true If-Match overrides a false If-Unmodified-Since, and a false If-None-Match with a
     * true If-Modified-Since still answers 304.
     */
    static void checkRead(StoredObject object, @Nullable String ifMatch, @Nullable String ifNoneMatch,
            @Nullable Instant ifModifiedSince, @Nullable Instant ifUnmodifiedSince) {
        if (ifMatch != null) {
            if (!matches(ifMatch, object.etag())) {
                throw S3Errors.preconditionFailed();
            }
        } else if (ifUnmodifiedSince != null && object.lastModified().isAfter(ifUnmodifiedSince)) {
            throw S3Errors.preconditionFailed();
        }
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, object.etag())) {
                throw S3Errors.notModified();
            }
        } else if (ifModifiedSince != null && !object.lastModified().isAfter(ifModifiedSince)) {
            throw S3Errors.notModified();
        }
    }

    /** The same conditions on a copy source, where every failure is 412. */
    static void checkCopySource(StoredObject object, @Nullable String ifMatch, @Nullable String ifNoneMatch,
            @Nullable Instant ifModifiedSince, @Nullable Instant ifUnmodifiedSince) {
        try {
            checkRead(object, ifMatch, ifNoneMatch, ifModifiedSince, ifUnmodifiedSince);
        } catch (AwsServiceException e) {
            throw S3Errors.preconditionFailed();
        }
    }

    /**
     * Conditional writes: {@code If-None-Match: *} succeeds only when the key has no current object;
     * {@code If-Match} only when the current object has that ETag (404 when there is none).
     */
    static void checkWrite(@Nullable StoredObject current, @Nullable String ifMatch, @Nullable String ifNoneMatch) {
        if (ifNoneMatch != null) {
            if (!ifNoneMatch.equals("*")) {
                throw S3Errors.of(501, "NotImplemented",
                        "A header you provided implies functionality that is not implemented");
            }
            if (current != null) {
                throw S3Errors.preconditionFailed();
            }
        }
        if (ifMatch != null) {
            if (current == null) {
                throw S3Errors.noSuchKey();
            }
            if (!matches(ifMatch, current.etag())) {
                throw S3Errors.preconditionFailed();
            }
        }
    }

    private static boolean matches(String condition, String etag) {
        if (condition.trim().equals("*")) {
            return true;
        }
        for (String candidate : condition.split(",")) {
            if (Checksums.sameEtag(candidate, etag)) {
                return true;
            }
        }
        return false;
    }
}
