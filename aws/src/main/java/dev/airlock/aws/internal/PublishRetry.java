package dev.airlock.aws.internal;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries one publishing call: transient AWS failures and entries a service did not take. Bounded in
 * attempts and backoff, since events wait behind it in the dispatcher's queue.
 */
public final class PublishRetry {
    private static final Logger LOG = LoggerFactory.getLogger(PublishRetry.class);
    private final Retry retry;

    public PublishRetry(String name, int maxAttempts) {
        this.retry = Retry.of(name, RetryConfig.custom().maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, 0.5,
                        Duration.ofSeconds(2)))
                .retryOnException(e -> e instanceof PartialFailure || Failures.isTransient(e))
                .build());
        retry.getEventPublisher().onRetry(event -> LOG.info("{}: attempt {} failed ({}); retrying", name,
                event.getNumberOfRetryAttempts(), event.getLastThrowable() == null ? "?"
                        : event.getLastThrowable().getClass().getSimpleName()));
    }

    public void run(Runnable call) {
        Retry.decorateSupplier(retry, (Supplier<Void>) () -> {
            call.run();
            return null;
        }).get();
    }

    /** Some entries of a batch were not taken; retrying sends only those. */
    public static final class PartialFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PartialFailure(String message) {
            super(message);
        }
    }
}
