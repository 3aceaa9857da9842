package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where the aws backend publishes Airlock events ({@code backend.aws.events}): an EventBridge bus, an
 * SNS topic, both or neither. Publishing runs off the promoting thread, retries transient failures
 * {@code maxAttempts} times and gives up after that: a lost event never fails a promotion.
 *
 * <pre>{@code
 * backend:
 *   aws:
 *     events:
 *       eventBridge: {bus: airlock-events}
 *       sns: {topicArn: "arn:aws:sns:eu-central-1:111111111111:airlock-events"}
 * }</pre>
 *
 * @param eventBridgeBus the bus name or ARN, or null for none
 * @param snsTopicArn    the topic's ARN, or null for none
 * @param maxAttempts    attempts per batch, at least 1
 * @param callTimeout    how long one API call may take, all its HTTP attempts together
 */
public record EventsConfiguration(@Nullable String eventBridgeBus, @Nullable String snsTopicArn, int maxAttempts,
        Duration callTimeout) {
    /** No events published. */
    public static final EventsConfiguration NONE = new EventsConfiguration(null, null, 3, Duration.ofSeconds(5));

    public EventsConfiguration {
        if (maxAttempts < 1) {
            throw new InvalidValueException("maxAttempts", maxAttempts, "must be at least 1");
        }
        InvalidValueException.requireNonNull("callTimeout", callTimeout);
    }

    /** Whether any destination is configured. */
    public boolean any() {
        return eventBridgeBus != null || snsTopicArn != null;
    }
}
