package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import dev.airlock.aws.internal.Validate;
import java.time.Duration;

/**
 * How the aws backend rides out a struggling AWS: throttling, 5xx answers and I/O errors are retried
 * with exponential backoff randomized by ±50% (so
 * promoters throttled together do not retry together); a circuit breaker per AWS account opens when too many
 * calls into that account fail, so promotions into other accounts keep their threads and go on.
 * Access denied, not found and other answers that will not change are never retried.
 *
 * @param maxAttempts          attempts per call, including the first (1 disables retries)
 * @param initialBackoff       the wait before the second attempt, before jitter
 * @param maxBackoff           the longest wait between two attempts
 * @param failureRateThreshold percentage of failed calls, over the sliding window, that opens an account's breaker
 * @param minimumCalls         calls an account's breaker must see before it may open
 * @param slidingWindow        how many of an account's most recent calls the failure rate is computed over
 * @param openDuration         how long an open breaker refuses calls before letting a few through to probe
 */
public record ResilienceConfiguration(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
        float failureRateThreshold, int minimumCalls, int slidingWindow, Duration openDuration) {

    public ResilienceConfiguration {
        Validate.range("resilience.maxAttempts", maxAttempts, 1, 20);
        Validate.duration("resilience.initialBackoff", initialBackoff, Duration.ofMillis(1), Duration.ofMinutes(1));
        Validate.duration("resilience.maxBackoff", maxBackoff, initialBackoff, Duration.ofMinutes(5));
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
            throw new InvalidValueException("resilience.failureRateThreshold", failureRateThreshold,
                    "must be a percentage above 0 and at most 100");
        }
        Validate.range("resilience.minimumCalls", minimumCalls, 1, 10_000);
        Validate.range("resilience.slidingWindow", slidingWindow, minimumCalls, 10_000);
        Validate.duration("resilience.openDuration", openDuration, Duration.ofMillis(1), Duration.ofHours(1));
    }

    /** 4 attempts from 200 ms up to 10 s; a breaker opening at 50% failures of the last 20 calls (10 at least), for 30 s. */
    public static ResilienceConfiguration defaults() {
        return new ResilienceConfiguration(4, Duration.ofMillis(200), Duration.ofSeconds(10), 50, 10, 20,
                Duration.ofSeconds(30));
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link ResilienceConfiguration} starting from {@link #defaults()}. */
    public static final class Builder {
        private int maxAttempts;
        private Duration initialBackoff;
        private Duration maxBackoff;
        private float failureRateThreshold;
        private int minimumCalls;
        private int slidingWindow;
        private Duration openDuration;

        private Builder(ResilienceConfiguration from) {
            maxAttempts = from.maxAttempts;
            initialBackoff = from.initialBackoff;
            maxBackoff = from.maxBackoff;
            failureRateThreshold = from.failureRateThreshold;
            minimumCalls = from.minimumCalls;
            slidingWindow = from.slidingWindow;
            openDuration = from.openDuration;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        public Builder failureRateThreshold(float percent) {
            this.failureRateThreshold = percent;
            return this;
        }

        public Builder minimumCalls(int minimumCalls) {
            this.minimumCalls = minimumCalls;
            return this;
        }

        public Builder slidingWindow(int slidingWindow) {
            this.slidingWindow = slidingWindow;
            return this;
        }

        public Builder openDuration(Duration openDuration) {
            this.openDuration = openDuration;
            return this;
        }

        public ResilienceConfiguration build() {
            return new ResilienceConfiguration(maxAttempts, initialBackoff, maxBackoff, failureRateThreshold, minimumCalls,
                    slidingWindow, openDuration);
        }
    }
}
