package dev.airlock.aws;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every AWS call a client makes ({@value #CALLS}, tagged {@code service}, {@code operation} and
 * {@code outcome}: {@code ok}, the service's error code, or {@code client-error}). Add it to the
 * clients with {@code AwsClientFactory.builder().addInterceptor(new AwsCallMetrics(registry))}. Needs
 * {@code micrometer-core}, an optional dependency of this module.
 */
public final class AwsCallMetrics implements ExecutionInterceptor {
    public static final String CALLS = "airlock.aws.calls";
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("airlock.metrics.started");

    private final MeterRegistry registry;

    public AwsCallMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, "ok");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        // Error codes are few and fixed per service, so they make a bounded tag; messages never appear.
        Throwable failure = context.exception();
        String outcome = failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null ? service.awsErrorDetails().errorCode()
                : "client-error";
        record(attributes, outcome);
    }

    private void record(ExecutionAttributes attributes, String outcome) {
        Long started = attributes.getAttribute(STARTED);
        Timer.builder(CALLS).description("AWS calls").tag("service", text(attributes
                .getAttribute(SdkExecutionAttribute.SERVICE_NAME))).tag("operation", text(attributes
                .getAttribute(SdkExecutionAttribute.OPERATION_NAME))).tag("outcome", outcome).register(registry)
                .record(started == null ? 0 : System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static String text(String value) {
        return value == null ? "unknown" : value;
    }

    @Override
    public String toString() {
        return "AwsCallMetrics";
    }
}
