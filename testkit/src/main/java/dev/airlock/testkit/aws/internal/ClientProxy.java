package dev.airlock.testkit.aws.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Wraps a fake client so that every SDK operation it does not implement fails naming the operation.
 *
 * <p>The SDK's client interfaces give every method a default body: convenience overloads (builder
 * consumers, paths, paginators) delegate to the operation method, and operation methods throw a bare
 * {@link UnsupportedOperationException}. The proxy sends implemented methods to the fake, runs the
 * defaults for everything else (so all overloads of an implemented operation work), and replaces the
 * bare exception with one that names the operation and lists those implemented.
 */
public final class ClientProxy implements InvocationHandler {
    /** Which interface methods a fake class overrides, worked out once per class. */
    private record Dispatch(Map<Method, Method> implemented, Set<String> operations) {
    }

    private static final Map<Class<?>, Dispatch> DISPATCH = new ConcurrentHashMap<>();

    private final Object target;
    private final String fakeName;
    private final Dispatch dispatch;

    private ClientProxy(Object target, String fakeName, Dispatch dispatch) {
        this.target = target;
        this.fakeName = fakeName;
        this.dispatch = dispatch;
    }

    /** {@code target} seen through {@code api}, with unimplemented operations failing by name. */
    public static <T> T wrap(Class<T> api, T target, String fakeName) {
        Dispatch dispatch = DISPATCH.computeIfAbsent(target.getClass(), type -> dispatch(api, type));
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                new ClientProxy(target, fakeName, dispatch));
        return api.cast(proxy);
    }

    private static Dispatch dispatch(Class<?> api, Class<?> type) {
        Map<Method, Method> implemented = new HashMap<>();
        Set<String> operations = new TreeSet<>();
        for (Method method : api.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            try {
                Method candidate = type.getMethod(method.getName(), method.getParameterTypes());
                if (!candidate.getDeclaringClass().isInterface()) {
                    implemented.put(method, candidate);
                    if (isOperation(method)) {
                        operations.add(operationName(method));
                    }
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(method + " missing from " + type, e);
            }
        }
        return new Dispatch(Map.copyOf(implemented), Set.copyOf(new TreeSet<>(operations)));
    }

    @Override
    public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
        Method own = dispatch.implemented().get(method);
        if (own == null && method.getDeclaringClass() == Object.class) {
            own = target.getClass().getMethod(method.getName(), method.getParameterTypes());
        }
        if (own != null) {
            try {
                return own.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
        try {
            return InvocationHandler.invokeDefault(proxy, method, args);
        } catch (UnsupportedOperationException e) {
            if (e.getMessage() != null) {
                throw e;
            }
            String name = isOperation(method) ? operationName(method) : method.getName() + "()";
            throw new UnsupportedOperationException(fakeName + " does not implement " + name
                    + "; implemented operations are " + new TreeSet<>(dispatch.operations()), e);
        }
    }

    private static boolean isOperation(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        return parameters.length > 0 && SdkRequest.class.isAssignableFrom(parameters[0]);
    }

    private static String operationName(Method method) {
        return Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
    }
}
