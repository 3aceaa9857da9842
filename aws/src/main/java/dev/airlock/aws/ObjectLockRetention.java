package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import java.time.Duration;

/**
 * S3 Object Lock retention that promotions put on every object they copy into an environment's
 * bucket. The bucket must have Object Lock enabled; the deploy role needs {@code s3:PutObjectRetention}.
 *
 * @param mode   {@link Mode#COMPLIANCE}: nobody, not even the root user, can delete or shorten it;
 *               {@link Mode#GOVERNANCE}: principals with {@code s3:BypassGovernanceRetention} can
 * @param period how long each object stays locked, counted from the copy
 */
public record ObjectLockRetention(Mode mode, Duration period) {
    public ObjectLockRetention {
        InvalidValueException.requireNonNull("objectLock.mode", mode);
        InvalidValueException.requireNonNull("objectLock.period", period);
        if (period.compareTo(Duration.ofDays(1)) < 0) {
            throw new InvalidValueException("objectLock.period", period, "must be at least one day (P1D)");
        }
    }

    public static ObjectLockRetention compliance(Duration period) {
        return new ObjectLockRetention(Mode.COMPLIANCE, period);
    }

    public static ObjectLockRetention governance(Duration period) {
        return new ObjectLockRetention(Mode.GOVERNANCE, period);
    }

    /** The two S3 Object Lock retention modes. */
    public enum Mode {
        GOVERNANCE,
        COMPLIANCE
    }
}
