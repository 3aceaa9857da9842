package dev.airlock.testkit.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.testkit.aws.internal.FaultRules;
import dev.airlock.testkit.aws.internal.Unimplemented;
import dev.airlock.testkit.aws.internal.ecr.FakeEcrClient;
import dev.airlock.testkit.aws.internal.kms.FakeKmsClient;
import dev.airlock.testkit.aws.internal.iam.FakeIamClient;
import dev.airlock.testkit.aws.internal.s3.FakeS3Client;
import dev.airlock.testkit.aws.internal.sts.FakeStsClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Faults and latency for coming calls of the world's fake clients, by service and operation name
 * ({@code "PutObject"}, {@code "AssumeRole"}) or {@code "*"} for every operation of the service.
 * Rules apply in the order they were added, across all clients of the world. Thread-safe.
 *
 * <pre>{@code
 * world.faults().failNext(AwsService.S3, "CopyObject", 2, AwsFault.throttling());
 * world.faults().delayNext(AwsService.STS, "AssumeRole", 1, Duration.ofMillis(20));
 * }</pre>
 *
 * <p>Fake clients behave like SDK clients built with retries disabled: every fault reaches the caller.
 * Delays sleep on real time (keep them short); expiry follows the world's clock.
 */
public final class AwsFaults {
    private static final Map<AwsService, Class<?>> FAKES = Map.of(
            AwsService.STS, FakeStsClient.class, AwsService.S3, FakeS3Client.class, AwsService.ECR, FakeEcrClient.class,
            AwsService.KMS, FakeKmsClient.class,
            AwsService.IAM, FakeIamClient.class);

    private final FaultRules rules;

    AwsFaults(FaultRules rules) {
        this.rules = rules;
    }

    /** Answers the next {@code times} matching calls with {@code fault}. */
    public AwsFaults failNext(AwsService service, String operation, int times, AwsFault fault) {
        requirePositive(times);
        rules.fail(service, validOperation(service, operation), times,
                InvalidValueException.requireNonNull("fault", fault));
        return this;
    }

    /** Answers every matching call with {@code fault}, until {@link #clear()}. */
    public AwsFaults failAlways(AwsService service, String operation, AwsFault fault) {
        rules.fail(service, validOperation(service, operation), -1, InvalidValueException.requireNonNull("fault", fault));
        return this;
    }

    /** Delays the next {@code times} matching calls by {@code delay} of real time before they are served. */
    public AwsFaults delayNext(AwsService service, String operation, int times, Duration delay) {
        requirePositive(times);
        rules.delay(service, validOperation(service, operation), times, validDelay(delay));
        return this;
    }

    /** Delays every matching call by {@code delay} of real time, until {@link #clear()}. */
    public AwsFaults delayAlways(AwsService service, String operation, Duration delay) {
        rules.delay(service, validOperation(service, operation), -1, validDelay(delay));
        return this;
    }

    /** Removes every scheduled fault and delay. */
    public void clear() {
        rules.clear();
    }

    private static void requirePositive(int times) {
        if (times < 1) {
            throw new InvalidValueException("times", times, "must be at least 1");
        }
    }

    private static Duration validDelay(Duration delay) {
        if (InvalidValueException.requireNonNull("delay", delay).isNegative()) {
            throw new InvalidValueException("delay", delay, "must not be negative");
        }
        return delay;
    }

    private static String validOperation(AwsService service, String operation) {
        InvalidValueException.requireNonNull("service", service);
        InvalidValueException.requireNonNull("operation", operation);
        Set<String> implemented = service == AwsService.ORGANIZATIONS ? new java.util.TreeSet<>(FakeOrganizations.OPERATIONS)
                : Unimplemented.implementedBy(FAKES.get(service));
        if (!operation.equals("*") && !implemented.contains(operation)) {
            throw new InvalidValueException("operation", operation, "is not an operation " + service.fakeName()
                    + " implements; use * or one of " + implemented);
        }
        return operation;
    }
}
