package dev.airlock.testkit.aws.internal.s3;

import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.Calls;
import dev.airlock.testkit.aws.internal.Iam;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/**
 * Every bucket of the world (bucket names are global, as in S3) and the checks each request to a
 * bucket passes first: it exists, its owner is the one the caller expects, the client is in the
 * bucket's region, and the caller is allowed. One lock (this object) guards all S3 state.
 */
public final class S3Store {
    final Map<String, Bucket> buckets = new HashMap<>();
    final Calls calls;

    public S3Store(Calls calls) {
        this.calls = calls;
    }

    Iam iam() {
        return calls.iam();
    }

    Instant now() {
        return calls.clock().instant();
    }

    static String required(@Nullable String value, String member) {
        if (value == null || value.isEmpty()) {
            throw SdkClientException.create("Parameter '" + member + "' must not be null or empty");
        }
        return value;
    }

    /**
     * The bucket, if the caller may perform {@code action} on it (or on the object {@code key} in it).
     *
     * @param region the client's region, or null for a copy source (which S3 reads across regions)
     */
    Bucket open(Caller caller, @Nullable Region region, @Nullable String name, @Nullable String expectedOwner,
            String action, @Nullable String key) {
        Bucket bucket = buckets.get(required(name, "Bucket"));
        if (bucket == null) {
            throw S3Errors.noSuchBucket();
        }
        if (expectedOwner != null && !expectedOwner.equals(bucket.owner)) {
            throw S3Errors.accessDenied();
        }
        if (region != null && !bucket.region.equals(region)) {
            throw S3Errors.of(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed "
                    + "using the specified endpoint. Please send all future requests to this endpoint. (bucket region "
                    + bucket.region.id() + ")");
        }
        authorize(caller, bucket, action, key == null ? bucket.arn() : bucket.objectArn(key));
        return bucket;
    }

    void authorize(Caller caller, Bucket bucket, String action, String resourceArn) {
        if (!iam().allows(caller, action, resourceArn, bucket.owner, bucket.policy)) {
            throw S3Errors.of(403, "AccessDenied", "User: " + caller.arn() + " is not authorized to perform: " + action
                    + " on resource: \"" + resourceArn + "\" " + iam().denialReason(caller, action, resourceArn, bucket.policy));
        }
    }
}
