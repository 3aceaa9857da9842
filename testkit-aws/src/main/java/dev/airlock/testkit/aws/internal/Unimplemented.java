package dev.airlock.testkit.aws.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The loud failure of an SDK operation a fake client does not implement. Every operation of an SDK client
 * interface is a default method throwing a bare {@link UnsupportedOperationException}; the fake overrides
 * what it implements, and {@link #loud} turns the bare failure of the rest into one naming the operation.
 */
public final class Unimplemented {
    private static final ClassValue<Set<String>> IMPLEMENTED = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return implemented(type);
        }
    };
    /** For each fake class: the interface methods it overrides, with its overriding method. */
    private static final ClassValue<Map<Method, Method>> OVERRIDES = new ClassValue<>() {
        @Override
        protected Map<Method, Method> computeValue(Class<?> type) {
            return overrides(type);
        }
    };

    private Unimplemented() {
    }

    /**
     * {@code fake} seen through {@code api}. Its own methods run as they are; the interface's defaults run on
     * the proxy, so convenience overloads and paginators reach the fake through it, and an operation whose
     * default throws the SDK's bare UnsupportedOperationException fails with {@link #operation} instead.
     */
    public static <T> T loud(Class<T> api, T fake) {
        Map<Method, Method> overrides = OVERRIDES.get(fake.getClass());
        InvocationHandler handler = (proxy, method, args) -> {
            Method own = overrides.get(method);
            if (own != null) {
                try {
                    return own.invoke(fake, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> fake.toString();
                };
            }
            try {
                return InvocationHandler.invokeDefault(proxy, method, args);
            } catch (UnsupportedOperationException e) {
                if (e.getMessage() != null) {
                    throw e;
                }
                throw operation(fake, method.getParameterCount() == 0 ? method.getName() + "()"
                        : Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
            }
        };
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    /** "FakeS3Client does not implement ListObjectVersions; implemented operations are [...]". */
    public static UnsupportedOperationException operation(Object fake, String operation) {
        Class<?> type = fake.getClass();
        return new UnsupportedOperationException(type.getSimpleName() + " does not implement " + operation
                + "; implemented operations are " + implementedBy(type));
    }

    /** The AWS names of the operations a fake class implements, such as {@code PutObject}. */
    public static Set<String> implementedBy(Class<?> fake) {
        return IMPLEMENTED.get(fake);
    }

    private static Set<String> implemented(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && method.getParameterCount() > 0
                    && SdkRequest.class.isAssignableFrom(method.getParameterTypes()[0])) {
                names.add(Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
            }
        }
        return Collections.unmodifiableSet(names);
    }

    private static Map<Method, Method> overrides(Class<?> type) {
        Map<Method, Method> overrides = new HashMap<>();
        for (Class<?> api : type.getInterfaces()) {
            for (Method method : api.getMethods()) {
                if (Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                try {
                    Method own = type.getMethod(method.getName(), method.getParameterTypes());
                    if (!own.getDeclaringClass().isInterface()) {
                        overrides.put(method, own);
                    }
                } catch (NoSuchMethodException e) {
                    throw new AssertionError(type + " implements " + api + " but lacks " + method, e);
                }
            }
        }
        return Map.copyOf(overrides);
    }
}
