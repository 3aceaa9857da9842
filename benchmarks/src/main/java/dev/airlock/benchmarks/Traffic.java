package dev.airlock.benchmarks;

import dev.airlock.aws.AwsClientFactory;
import dev.airlock.environment.Region;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What passes through the clients a backend is given: API calls by operation, body bytes read from
 * responses and body bytes sent in requests. Counted at the client interface, so the in-memory AWS and
 * moto are measured alike (for moto, HTTP headers and framing are not included).
 */
final class Traffic {
    private static final Set<String> NOT_CALLS = Set.of("close", "serviceName", "serviceClientConfiguration",
            "toString", "hashCode", "equals", "utilities", "waiter");

    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    /** {@code clients} with every STS and S3 client they make counted here. */
    AwsClientFactory count(AwsClientFactory clients) {
        return new AwsClientFactory() {
            @Override
            public StsClient sts(AwsCredentialsProvider credentials, Region region) {
                return counted(StsClient.class, clients.sts(credentials, region));
            }

            @Override
            public S3Client s3(AwsCredentialsProvider credentials, Region region) {
                return counted(S3Client.class, clients.s3(credentials, region));
            }

            @Override
            public EcrClient ecr(AwsCredentialsProvider credentials, Region region) {
                return clients.ecr(credentials, region);
            }
        };
    }

    void reset() {
        calls.clear();
        read.set(0);
        sent.set(0);
    }

    long calls() {
        return calls.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long calls(String operation) {
        AtomicLong count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Calls by operation (method names, e.g. {@code headObject}), sorted. */
    Map<String, Long> byOperation() {
        Map<String, Long> sorted = new TreeMap<>();
        calls.forEach((operation, count) -> sorted.put(operation, count.get()));
        return sorted;
    }

    long bytesRead() {
        return read.get();
    }

    long bytesSent() {
        return sent.get();
    }

    private <T> T counted(Class<T> type, T client) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (!NOT_CALLS.contains(method.getName())) {
                calls.computeIfAbsent(method.getName(), name -> new AtomicLong()).incrementAndGet();
                for (Object arg : args == null ? new Object[0] : args) {
                    if (arg instanceof RequestBody body) {
                        body.optionalContentLength().ifPresent(sent::addAndGet);
                    }
                }
            }
            return counted(invoke(method, client, args));
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private Object counted(Object answer) {
        if (answer instanceof ResponseInputStream<?> stream) {
            return new ResponseInputStream<>(stream.response(), new Counting(stream));
        }
        if (answer instanceof ResponseBytes<?> bytes) {
            read.addAndGet(bytes.asByteArrayUnsafe().length);
        }
        return answer;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A response body that adds what is read from it to {@link #read}. */
    private final class Counting extends FilterInputStream {
        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }
    }
}
