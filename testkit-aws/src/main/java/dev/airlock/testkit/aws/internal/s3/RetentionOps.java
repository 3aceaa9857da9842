package dev.airlock.testkit.aws.internal.s3;

import dev.airlock.testkit.aws.internal.Caller;
import dev.airlock.testkit.aws.internal.RequestFields;
import java.time.Instant;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRetentionResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectRetentionRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRetentionResponse;

/**
 * Object Lock retention of existing versions: COMPLIANCE can only be extended; GOVERNANCE can be
 * weakened only with {@code BypassGovernanceRetention} and the permission to use it.
 */
final class RetentionOps {
    private static final String FAKE = "FakeS3Client";

    private final S3Store store;

    RetentionOps(S3Store store) {
        this.store = store;
    }

    PutObjectRetentionResponse putRetention(Caller caller, Region region, PutObjectRetentionRequest request) {
        ObjectLockRetention requested = request.retention();
        if (requested == null || requested.mode() == null || requested.retainUntilDate() == null) {
            throw S3Errors.of(400, "MalformedXML", "The XML you provided was not well-formed or did not validate "
                    + "against our published schema");
        }
        RequestFields.check(FAKE, "PutObjectRetention", requested, Set.of("Mode", "RetainUntilDate"));
        synchronized (store) {
            String key = ObjectOps.key(request.key());
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:PutObjectRetention", key);
            if (!bucket.objectLock) {
                throw S3Errors.missingObjectLock();
            }
            StoredObject object = ObjectOps.readable(bucket, key, request.versionId());
            Instant now = store.now();
            if (!requested.retainUntilDate().isAfter(now)) {
                throw S3Errors.invalidArgument("The retain until date must be in the future!");
            }
            StoredObject.Retention existing = object.retention();
            if (existing != null && now.isBefore(existing.until())) {
                boolean weakens = requested.mode() != existing.mode()
                        || requested.retainUntilDate().isBefore(existing.until());
                if (weakens) {
                    boolean bypass = Boolean.TRUE.equals(request.bypassGovernanceRetention());
                    if (existing.mode() == ObjectLockRetentionMode.COMPLIANCE || !bypass) {
                        throw S3Errors.lockedByRetention();
                    }
                    store.authorize(caller, bucket, "s3:BypassGovernanceRetention", bucket.objectArn(key));
                }
            }
            bucket.replace(object, object.withRetention(
                    new StoredObject.Retention(requested.mode(), requested.retainUntilDate())));
        }
        return PutObjectRetentionResponse.builder().build();
    }

    GetObjectRetentionResponse getRetention(Caller caller, Region region, GetObjectRetentionRequest request) {
        synchronized (store) {
            String key = ObjectOps.key(request.key());
            Bucket bucket = store.open(caller, region, request.bucket(), request.expectedBucketOwner(),
                    "s3:GetObjectRetention", key);
            if (!bucket.objectLock) {
                throw S3Errors.missingObjectLock();
            }
            StoredObject object = ObjectOps.readable(bucket, key, request.versionId());
            StoredObject.Retention retention = object.retention();
            if (retention == null) {
                throw S3Errors.of(404, "NoSuchObjectLockConfiguration",
                        "The specified object does not have a ObjectLock configuration");
            }
            return GetObjectRetentionResponse.builder()
                    .retention(ObjectLockRetention.builder().mode(retention.mode()).retainUntilDate(retention.until())
                            .build())
                    .build();
        }
    }
}
