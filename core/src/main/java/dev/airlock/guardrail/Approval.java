package dev.airlock.guardrail;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Digest;
import java.time.Instant;

/**
 * A person's approval. It binds to one digest, one target environment and the version of the
 * policy that asked for it: a new digest, another environment or a changed policy needs a new one.
 */
public record Approval(Principal approver, Digest digest, String environment, String policyVersion,
        Instant approvedAt) {
    public Approval {
        InvalidValueException.requireNonNull("approver", approver);
        InvalidValueException.requireNonNull("digest", digest);
        InvalidValueException.requireNonNull("environment", environment);
        InvalidValueException.requireNonNull("policyVersion", policyVersion);
        InvalidValueException.requireNonNull("approvedAt", approvedAt);
    }
}
