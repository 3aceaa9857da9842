package dev.airlock.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Wraps an in-memory SDK client so that it records and fails requests as {@link RecordingInterceptor} and
 * {@link FaultInjector} do for HTTP clients (in-memory clients run no SDK interceptors). Overloads that take
 * a builder consumer, paginators and {@code …AsBytes} run the SDK's own default method, which builds the
 * request and calls the operation itself: exactly one record per operation, as on the wire.
 */
final class RecordingClients {
    private RecordingClients() {
    }

    /** {@code client} seen through {@code type}, recording into {@code recorder}; {@code answers} may rewrite responses. */
    static <T> T wrap(Class<T> type, T client, AwsCredentialsProvider credentials, String service,
            RecordingInterceptor recorder, FaultInjector faults, UnaryOperator<Object> answers) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object[] arguments = args == null ? new Object[0] : args;
            if (arguments.length > 0 && buildsItsRequest(method, arguments)) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (arguments.length > 0 && arguments[0] instanceof SdkRequest request) {
                String operation = Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
                // The SDK signs before it sends: resolving credentials (which may assume a role first) comes
                // before the request in the record, as on the wire.
                resolve(request, credentials);
                recorder.sent(service, operation, request);
                FaultInjector.Fault fault = faults.take(operation, request);
                if (fault != null) {
                    throw error(service, fault);
                }
                Object answer = call(client, method, args);
                recorder.received(answer);
                return answers.apply(answer);
            }
            return call(client, method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static void resolve(SdkRequest request, AwsCredentialsProvider credentials) {
        Optional<? extends IdentityProvider<? extends AwsCredentialsIdentity>> override = request
                .overrideConfiguration().filter(AwsRequestOverrideConfiguration.class::isInstance)
                .map(AwsRequestOverrideConfiguration.class::cast)
                .flatMap(AwsRequestOverrideConfiguration::credentialsIdentityProvider);
        if (override.isPresent()) {
            override.get().resolveIdentity().join();
        } else {
            credentials.resolveCredentials();
        }
    }

    private static boolean buildsItsRequest(Method method, Object[] arguments) {
        String name = method.getName();
        return arguments[0] instanceof Consumer || name.endsWith("Paginator") || name.endsWith("AsBytes")
                // getObject(request) is the SDK's getObject(request, ResponseTransformer.toInputStream()).
                || (name.equals("getObject") && arguments.length == 1);
    }

    private static Object call(Object client, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(client, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The exception the SDK would raise for the fault's answer. */
    private static AwsServiceException error(String service, FaultInjector.Fault fault) {
        String code = service.equals("ECR") ? fault.code + "Exception" : fault.code;
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code).errorMessage(fault.message)
                .serviceName(service).build();
        AwsServiceException.Builder builder = switch (service) {
            case "S3" -> S3Exception.builder();
            case "ECR" -> EcrException.builder();
            default -> StsException.builder();
        };
        return builder.statusCode(fault.status).awsErrorDetails(details).message(fault.message).build();
    }
}
