package dev.airlock.testkit.aws.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;

/** The loud failure of an SDK operation a fake client does not implement. */
public final class Unimplemented {
    private static final Map<Class<?>, Set<String>> IMPLEMENTED = new ConcurrentHashMap<>();

    private Unimplemented() {
    }

    /** "FakeS3Client does not implement ListObjectVersions; implemented operations are [...]". */
    public static UnsupportedOperationException operation(Object fake, String operation) {
        Class<?> type = fake.getClass();
        return new UnsupportedOperationException(type.getSimpleName() + " does not implement " + operation
                + "; implemented operations are " + implementedBy(type));
    }

    /** The AWS names of the operations a fake class implements, such as {@code PutObject}. */
    public static Set<String> implementedBy(Class<?> fake) {
        return IMPLEMENTED.computeIfAbsent(fake, Unimplemented::implemented);
    }

    private static Set<String> implemented(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && method.getParameterCount() > 0
                    && SdkRequest.class.isAssignableFrom(method.getParameterTypes()[0])) {
                names.add(Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1));
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }
}
