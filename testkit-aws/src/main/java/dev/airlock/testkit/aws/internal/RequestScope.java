package dev.airlock.testkit.aws.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request-specific condition keys of the call in progress on this thread ({@code aws:RequestedRegion},
 * {@code s3:if-none-match}, ...). They are gathered where a request is understood (the client's region in
 * {@link Calls}, headers in the operation) and read where it is authorized, without threading them
 * through every operation's signature. Each call runs on one thread, start to finish.
 */
public final class RequestScope {
    private static final ThreadLocal<@Nullable Map<String, String>> CURRENT = new ThreadLocal<>();

    private RequestScope() {
    }

    /** Ends a scope, restoring the one it was opened in. */
    static final class Handle implements AutoCloseable {
        private final @Nullable Map<String, String> previous;

        private Handle(@Nullable Map<String, String> previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            CURRENT.set(previous);
        }
    }

    /** Starts the scope of one call; the returned handle ends it. */
    static Handle open(String region) {
        Handle handle = new Handle(CURRENT.get());
        Map<String, String> keys = new HashMap<>();
        keys.put("aws:requestedregion", region);
        CURRENT.set(keys);
        return handle;
    }

    /** Adds a condition key of the current request; a null value leaves the key absent. */
    public static void put(String key, @Nullable String value) {
        Map<String, String> keys = CURRENT.get();
        if (keys != null && value != null) {
            keys.put(key.toLowerCase(Locale.ROOT), value);
        }
    }

    /** The keys of the current request (empty outside a call). */
    static Map<String, String> keys() {
        Map<String, String> keys = CURRENT.get();
        return keys == null ? Map.of() : Map.copyOf(keys);
    }
}
