package dev.airlock;

/**
 * The root of every exception Airlock throws. Unchecked, like the AWS SDK's {@code SdkException}:
 * callers catch the subclass they can act on and let the rest propagate.
 *
 * <p>{@link #retryable()} says whether repeating the same call can succeed (a throttled store, a
 * held lease), as opposed to a request that will fail again until something changes.
 */
public class AirlockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public AirlockException(String message) {
        this(message, null, false);
    }

    public AirlockException(String message, Throwable cause) {
        this(message, cause, false);
    }

    protected AirlockException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether repeating the same call, unchanged, may succeed. */
    public boolean retryable() {
        return retryable;
    }
}
