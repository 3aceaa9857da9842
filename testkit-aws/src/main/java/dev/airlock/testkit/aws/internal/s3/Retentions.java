package dev.airlock.testkit.aws.internal.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/** Object Lock retention as S3 applies it when an object is written. */
final class Retentions {
    private Retentions() {
    }

    /**
     * The retention a new version gets: the one requested (mode and date together, in the future, on a
     * bucket with Object Lock), otherwise the bucket's default retention, otherwise none.
     */
    static StoredObject.@Nullable Retention forWrite(Bucket bucket, @Nullable String mode, @Nullable Instant until,
            Instant now) {
        if (mode == null && until == null) {
            Bucket.DefaultRetention defaults = bucket.defaultRetention;
            if (defaults == null) {
                return null;
            }
            Instant defaultUntil = defaults.days() != null
                    ? now.plusSeconds(86_400L * defaults.days())
                    : now.atZone(ZoneOffset.UTC).plusYears(defaults.years()).toInstant();
            return new StoredObject.Retention(defaults.mode(), defaultUntil);
        }
        if (!bucket.objectLock) {
            throw S3Errors.missingObjectLock();
        }
        if (mode == null || until == null) {
            throw S3Errors.invalidArgument(
                    "x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied");
        }
        ObjectLockRetentionMode retentionMode = ObjectLockRetentionMode.fromValue(mode);
        if (retentionMode == ObjectLockRetentionMode.UNKNOWN_TO_SDK_VERSION) {
            throw S3Errors.invalidArgument("Unknown wormMode directive.");
        }
        if (!until.isAfter(now)) {
            throw S3Errors.invalidArgument("The retain until date must be in the future!");
        }
        return new StoredObject.Retention(retentionMode, until);
    }
}
