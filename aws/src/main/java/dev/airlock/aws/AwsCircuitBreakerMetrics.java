package dev.airlock.aws;

import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * The state of an {@link AwsBackend}'s circuit breakers, one per AWS account, through Resilience4j's
 * Micrometer meters: {@value #STATE} is 1 for each breaker's current state and 0 for the others, tagged
 * {@code account}, {@code name} ({@code aws-account-ID}) and {@code state} ({@code closed}, {@code open},
 * {@code half_open}, ...), beside its calls, refused calls and failure rate. A breaker appears with the
 * first call into its account, and is bound then.
 *
 * <pre>{@code
 * new AwsCircuitBreakerMetrics(aws).bindTo(registry);
 * }</pre>
 *
 * The meters are named {@code airlock.aws.circuitbreaker.*} rather than Resilience4j's
 * {@code resilience4j.circuitbreaker.*}, so an application that meters breakers of its own under those
 * names (with other tags) is not disturbed. Needs {@code micrometer-core} and {@code resilience4j-micrometer},
 * optional dependencies of this module.
 */
public final class AwsCircuitBreakerMetrics implements MeterBinder {
    /** A breaker's state: 1 for the current one. */
    public static final String STATE = "airlock.aws.circuitbreaker.state";
    /** Calls a breaker let through, tagged {@code kind} (successful, failed, ignored) and timed. */
    public static final String CALLS = "airlock.aws.circuitbreaker.calls";
    /** Calls an open breaker refused without calling AWS. */
    public static final String NOT_PERMITTED = "airlock.aws.circuitbreaker.not.permitted.calls";
    /** The failure rate in percent over the sliding window; -1 until it holds enough calls. */
    public static final String FAILURE_RATE = "airlock.aws.circuitbreaker.failure.rate";

    private static final CircuitBreakerMetricNames NAMES = CircuitBreakerMetricNames.custom()
            .stateMetricName(STATE)
            .callsMetricName(CALLS)
            .notPermittedCallsMetricName(NOT_PERMITTED)
            .failureRateMetricName(FAILURE_RATE)
            .bufferedCallsMetricName("airlock.aws.circuitbreaker.buffered.calls")
            .slowCallsMetricName("airlock.aws.circuitbreaker.slow.calls")
            .slowCallRateMetricName("airlock.aws.circuitbreaker.slow.call.rate")
            .build();

    private final AwsBackend backend;

    public AwsCircuitBreakerMetrics(AwsBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(NAMES, backend.calls().breakers()).bindTo(registry);
    }

    @Override
    public String toString() {
        return "AwsCircuitBreakerMetrics[" + backend + "]";
    }
}
