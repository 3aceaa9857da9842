package dev.airlock.aws.policy;

import dev.airlock.InvalidValueException;

/**
 * A generated document is larger than AWS accepts for its kind: the message names the document's file,
 * its size, the limit and what to shorten, so the landscape can be changed before anything is applied.
 */
public final class PolicyTooLargeException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    private final transient GeneratedPolicy policy;
    private final int size;

    public PolicyTooLargeException(GeneratedPolicy policy, int size) {
        super(policy.fileName(), String.format("%,d characters", size), String.format("is over AWS's limit of %,d "
                + "characters for a %s (%s); split the landscape's accounts, shorten names, or use fewer "
                + "backend.aws.identities patterns", policy.kind().limit(), policy.kind().description(),
                policy.kind() == PolicyKind.SCP ? "every character counts" : "counted without whitespace"));
        this.policy = policy;
        this.size = size;
    }

    /** The document that does not fit. */
    public GeneratedPolicy policy() {
        return policy;
    }

    /** Its size as AWS counts it. */
    public int size() {
        return size;
    }
}
