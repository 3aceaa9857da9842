package dev.airlock.aws;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Replaces real answers with AWS error answers for matching requests: throttling, 503, access
 * denied. The request still reaches the server; only what the SDK sees changes, exactly as if AWS
 * had answered with the error.
 */
final class FaultInjector implements ExecutionInterceptor {
    private static final ExecutionAttribute<Fault> INJECTED = new ExecutionAttribute<>("airlock.test.fault");

    /** An AWS error answer. */
    enum Fault {
        THROTTLING(400, "Throttling", "Rate exceeded"),
        UNAVAILABLE(503, "ServiceUnavailable", "Service is unavailable, please try again"),
        ACCESS_DENIED(403, "AccessDenied", "User is not authorized to perform: sts:AssumeRole");

        final int status;
        final String code;
        final String message;

        Fault(int status, String code, String message) {
            this.status = status;
            this.code = code;
            this.message = message;
        }
    }

    private record Rule(String operation, Predicate<SdkRequest> matches, Fault fault, AtomicInteger remaining) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** The next {@code times} attempts of {@code operation} matching {@code matches} fail with {@code fault}. */
    void fail(String operation, Predicate<SdkRequest> matches, Fault fault, int times) {
        rules.add(new Rule(operation, matches, fault, new AtomicInteger(times)));
    }

    void clear() {
        rules.clear();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Fault fault = take(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request());
        if (fault != null) {
            attributes.putAttribute(INJECTED, fault);
        }
    }

    /** The fault for this attempt, if a rule matches it (counting the attempt against the rule), else null. */
    @Nullable Fault take(String operation, SdkRequest request) {
        for (Rule rule : rules) {
            if (rule.operation.equals(operation) && rule.matches.test(request)
                    && rule.remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return rule.fault;
            }
        }
        return null;
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Fault fault = attributes.getAttribute(INJECTED);
        if (fault == null) {
            return context.httpResponse();
        }
        boolean json = "ECR".equals(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        return context.httpResponse().toBuilder().statusCode(fault.status).statusText(fault.code)
                .removeHeader("Content-Length")
                .putHeader("Content-Type", json ? "application/x-amz-json-1.1" : "text/xml").build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Fault fault = attributes.getAttribute(INJECTED);
        if (fault == null) {
            return context.responseBody();
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String body = "ECR".equals(service)
                ? "{\"__type\":\"" + fault.code + "Exception\",\"message\":\"" + fault.message + "\"}"
                : "S3".equals(service)
                ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + fault.code + "</Code><Message>"
                        + fault.message + "</Message></Error>"
                : "<ErrorResponse><Error><Type>Sender</Type><Code>" + fault.code + "</Code><Message>" + fault.message
                        + "</Message></Error><RequestId>injected</RequestId></ErrorResponse>";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
