package dev.airlock.testkit.aws.internal;

/** A policy document AWS would reject as malformed; each service turns it into its own error. */
public final class PolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }
}
