package dev.airlock.spi;

/**
 * Establishes who acts, from what the backend can check (the caller's credentials) rather than from a
 * name someone typed. Groups still come from the configuration, looked up by the principal returned.
 * A backend gives one ({@link Backend#authenticator()}); implementations may call remote services, so
 * callers authenticate once per process and keep the answer.
 */
@FunctionalInterface
public interface Authenticator {
    /**
     * The acting principal with its evidence.
     *
     * @throws AuthenticationException when the caller cannot be established or is not mapped to a principal;
     *                                 the message says what to configure
     */
    Identity authenticate();

    /**
     * The OS user ({@code user.name}), not authenticated: for configurations that declare identities
     * unauthenticated, where any principal may then be claimed.
     */
    static Authenticator unauthenticatedOsUser() {
        return () -> Identity.unauthenticated(System.getProperty("user.name", "unknown"), "os-user",
                System.getProperty("user.name", "unknown"));
    }

    /** An authenticator that refuses everyone with {@code message}: say what to configure. */
    static Authenticator refusing(String message) {
        return () -> {
            throw new AuthenticationException(message);
        };
    }
}
