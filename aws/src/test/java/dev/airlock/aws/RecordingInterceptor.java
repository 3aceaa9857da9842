package dev.airlock.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Records every HTTP attempt the SDK makes (operation, request object, headers on the wire), so tests
 * can assert what moto ignores, and collects the secrets STS hands out so tests can prove they never
 * reach a log line.
 */
final class RecordingInterceptor implements ExecutionInterceptor {
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** One HTTP attempt. */
    record Sent(String service, String operation, SdkRequest request, String path, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        <T extends SdkRequest> T as(Class<T> type) {
            return type.cast(request);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request(),
                context.httpRequest().encodedPath(), context.httpRequest().headers()));
    }

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        received(context.response());
    }

    /** Records a call that reached no HTTP layer (an in-memory client): no path, no headers. */
    void sent(String service, String operation, SdkRequest request) {
        sent.add(new Sent(service, operation, request, "", Map.of()));
    }

    /** Notes the secrets in an answer. */
    void received(Object response) {
        if (response instanceof AssumeRoleResponse assumed && assumed.credentials() != null) {
            secrets.add(assumed.credentials().secretAccessKey());
            secrets.add(assumed.credentials().sessionToken());
        }
    }

    List<Sent> all() {
        return new ArrayList<>(sent);
    }

    List<Sent> of(String operation) {
        return sent.stream().filter(s -> s.operation().equals(operation)).toList();
    }

    List<Sent> matching(Predicate<Sent> predicate) {
        return sent.stream().filter(predicate).toList();
    }

    long count(String operation) {
        return of(operation).size();
    }

    /** Secret access keys and session tokens of every role session assumed through the recorded clients. */
    Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    void clear() {
        sent.clear();
    }
}
