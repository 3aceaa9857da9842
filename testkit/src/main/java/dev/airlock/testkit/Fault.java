package dev.airlock.testkit;

/** What an injected fault does to a call. See {@link Faults}. */
public enum Fault {
    /**
     * The service throttles: the call throws a retryable
     * {@link dev.airlock.spi.BackendUnavailableException}, as a backend translates a
     * {@code ThrottlingException} or HTTP 429/503.
     */
    THROTTLED,
    /** The call times out: a retryable {@link dev.airlock.spi.BackendUnavailableException}. */
    TIMEOUT,
    /**
     * The account refuses the caller: an {@link dev.airlock.spi.AccessDeniedException}, not
     * retryable, worded as AWS words it.
     */
    ACCESS_DENIED,
    /**
     * Only for {@link Operation#TRANSFER}: the copy lands with one byte flipped and the call reports
     * success, as a broken copy would. The engine's digest verification at the target must catch it.
     */
    CORRUPT_BYTES
}
