package dev.airlock.guardrail;

import dev.airlock.InvalidValueException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An attestation the ledger holds but the engine does not count, and why: its signature does not
 * verify against a key bound to its owner, or it says something else than its entry. Decisions ignore
 * it; explanations name it ("not counted: rob (signature does not verify)").
 *
 * @param kind        what it claimed to be
 * @param owner       whom it claimed to speak for
 * @param environment the environment it concerned, or null (provenance)
 * @param recordedAt  when the ledger recorded it
 * @param reason      why it does not count
 */
public record UncountedAttestation(Kind kind, String owner, @Nullable String environment, Instant recordedAt,
        String reason) {

    /** The kinds of attestation decisions count. */
    public enum Kind { APPROVAL, VERIFICATION, PROVENANCE }

    public UncountedAttestation {
        InvalidValueException.requireNonNull("kind", kind);
        InvalidValueException.requireNonNull("owner", owner);
        InvalidValueException.requireNonNull("recordedAt", recordedAt);
        InvalidValueException.requireNonNull("reason", reason);
    }
}
