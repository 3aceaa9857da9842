package dev.airlock.guardrail;

/** The verdict of a decision. */
public enum Outcome {
    /** Every deny passed, a permission matched and every requirement is met. */
    ALLOWED,
    /** Nothing forbids it, but requirements (approvals, soak, a window) can still become true. */
    PENDING,
    /** A deny matched or no permission did. Waiting will not help. */
    DENIED
}
