package dev.airlock.aws.internal;

import dev.airlock.aws.ResilienceConfiguration;
import dev.airlock.environment.AccountId;
import dev.airlock.spi.BackendUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every AWS call of the backend: retried with randomized exponential backoff while it fails
 * transiently, inside the circuit breaker of the account it acts in, and translated into Airlock
 * exceptions when it finally fails. One instance is shared by access, stores and ledger, so an
 * account's breaker sees all of that account's calls.
 */
public final class AwsCalls {
    private static final Logger LOG = LoggerFactory.getLogger(AwsCalls.class);
    private static final double JITTER = 0.5;

    private final CircuitBreakerRegistry breakers;
    /** Each account's breaker, looked up without building its registry name on every call. */
    private final Map<AccountId, CircuitBreaker> accounts = new ConcurrentHashMap<>();
    private final Retry retry;
    private final int maxAttempts;

    public AwsCalls(ResilienceConfiguration settings, Clock clock) {
        this.maxAttempts = settings.maxAttempts();
        this.retry = Retry.of("aws", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), 2.0, JITTER,
                        settings.maxBackoff()))
                .retryOnException(Failures::isTransient)
                .build());
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindow(settings.slidingWindow(), settings.minimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(Math.min(2, settings.minimumCalls()))
                // Denied, missing or conflicting answers show the account is up: they count as successes.
                .recordException(Failures::isTransient)
                .clock(clock)
                .build());
    }

    /**
     * Runs {@code call}, which acts in {@code account}. Answers the call expects (not found, a failed
     * precondition) should be handled inside {@code call}; everything it throws is translated.
     *
     * @param operation names the call for messages, e.g. {@code CopyObject s3://bucket/key}; no secrets
     */
    public <T> T call(AccountId account, String operation, Supplier<T> call) {
        CircuitBreaker breaker = accounts.computeIfAbsent(account, a -> breakers.circuitBreaker("aws-account-" + a,
                Map.of("account", a.value())));
        AtomicInteger attempts = new AtomicInteger();
        Supplier<T> attempt = () -> {
            int number = attempts.incrementAndGet();
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (Failures.isTransient(e) && number < maxAttempts) {
                    LOG.debug("{} in account {} failed transiently (attempt {} of {}): {}", operation, account, number,
                            maxAttempts, e.getClass().getSimpleName());
                }
                throw e;
            }
        };
        try {
            return breaker.executeSupplier(Retry.decorateSupplier(retry, attempt));
        } catch (CallNotPermittedException e) {
            throw new BackendUnavailableException(operation + " was not attempted: calls into AWS account " + account
                    + " keep failing and its circuit breaker is open", e);
        } catch (RuntimeException e) {
            throw Failures.translate(operation, account, e, attempts.get());
        }
    }

    /**
     * The accounts' breakers, each named {@code aws-account-ID} and tagged {@code account}, made on the first
     * call into the account. For meters only: the breakers decide by themselves.
     */
    public CircuitBreakerRegistry breakers() {
        return breakers;
    }

    /** Runs {@code call} like {@link #call} for calls without a result. */
    public void run(AccountId account, String operation, Runnable call) {
        call(account, operation, () -> {
            call.run();
            return null;
        });
    }
}
