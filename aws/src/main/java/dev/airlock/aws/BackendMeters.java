package dev.airlock.aws;

import dev.airlock.InvalidValueException;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The meters an aws backend opened from a configuration file binds when its
 * {@link dev.airlock.spi.BackendContext} carries a registry. The registry arrives as {@code Object}, since
 * core knows nothing of Micrometer; this class is loaded only when one is given, so Micrometer stays an
 * optional dependency of this module.
 */
final class BackendMeters {
    private static final String[] NEEDED = {"io.micrometer.core.instrument.MeterRegistry",
            "io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics"};

    private BackendMeters() {
    }

    /** Times every AWS call the backend's clients make. */
    static ExecutionInterceptor calls(Object meters) {
        return new AwsCallMetrics(registry(meters));
    }

    /** Shows each account's circuit breaker, as it appears. */
    static void breakers(AwsBackend aws, Object meters) {
        new AwsCircuitBreakerMetrics(aws).bindTo(registry(meters));
    }

    private static MeterRegistry registry(Object meters) {
        for (String type : NEEDED) {
            try {
                Class.forName(type, false, BackendMeters.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new InvalidValueException("meterRegistry", meters.getClass().getName(), "needs " + type
                        + " on the class path to meter the aws backend: add micrometer-core and "
                        + "resilience4j-micrometer, optional dependencies of airlock-aws");
            }
        }
        if (meters instanceof MeterRegistry registry) {
            return registry;
        }
        throw new InvalidValueException("meterRegistry", meters.getClass().getName(),
                "must be a Micrometer MeterRegistry (io.micrometer.core.instrument.MeterRegistry)");
    }
}
