package dev.airlock.spi;

import dev.airlock.InvalidValueException;

/**
 * Who acts, and the evidence for it: the principal the configuration's groups are looked up by, how
 * it was established ({@code method}, such as {@code aws-sts} or {@code os-user}) and what that method
 * saw ({@code caller}, such as the caller's ARN or the OS user name).
 *
 * <p>An identity that is not {@link #authenticated()} comes from a configuration that says in so many
 * words that identities are unauthenticated (a demo): its principal is whatever was claimed, and every
 * ledger entry written for it is marked as such.
 *
 * @param principal     the acting principal
 * @param method        how the caller was identified
 * @param caller        what the method saw: an ARN, a user name
 * @param authenticated whether the principal was established by the method rather than claimed
 */
public record Identity(String principal, String method, String caller, boolean authenticated) {
    public Identity {
        requireText("principal", principal);
        requireText("method", method);
        requireText("caller", caller);
    }

    /** A principal established by {@code method}, which saw {@code caller}. */
    public static Identity authenticated(String principal, String method, String caller) {
        return new Identity(principal, method, caller, true);
    }

    /** A principal nobody established: the configuration declares identities unauthenticated. */
    public static Identity unauthenticated(String principal, String method, String caller) {
        return new Identity(principal, method, caller, false);
    }

    /**
     * This identity acting under {@code claimed}, a name given on a command line or in the environment:
     * accepted where identities are unauthenticated, and elsewhere only when it is the authenticated
     * principal.
     *
     * @throws AuthenticationException when {@code claimed} differs from an authenticated principal; the
     *                                 message names both
     */
    public Identity actingAs(String claimed) {
        requireText("claimed principal", claimed);
        if (claimed.equals(principal)) {
            return this;
        }
        if (!authenticated) {
            return new Identity(claimed, method, caller, false);
        }
        throw new AuthenticationException("'" + claimed + "' is claimed, but the caller is authenticated as '"
                + principal + "' (" + method + ": " + caller + "); a principal cannot be claimed where identities "
                + "are authenticated: act with " + principal + "'s own credentials");
    }

    private static void requireText(String field, String value) {
        InvalidValueException.requireNonNull(field, value);
        if (value.isBlank()) {
            throw new InvalidValueException(field, value, "must not be blank");
        }
    }
}
