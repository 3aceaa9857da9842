package dev.airlock.guardrail;

import dev.airlock.artifact.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts a decision needs beyond the request, gathered by the caller (usually from the ledger):
 * since when the artifact has been verified in each environment, the approvals recorded, each
 * environment's current digest, and whether the target's repository is immutable.
 *
 * <p>The decision counts every approval and verification given here, and trusts the artifact's
 * provenance unless {@code uncounted} says otherwise: whoever gathers the state vouches for it. The
 * engine gathers only attestations whose signatures verify against the keyring, and lists the others
 * in {@code uncounted} so explanations can say why they were not counted.
 */
public record GuardrailState(Map<String, Instant> verifiedSince, List<Approval> approvals,
        Map<String, Digest> currentDigests, boolean targetRepositoryImmutable, List<UncountedAttestation> uncounted) {

    public static final GuardrailState EMPTY = new GuardrailState(Map.of(), List.of(), Map.of(), true);

    public GuardrailState {
        verifiedSince = Map.copyOf(verifiedSince);
        approvals = List.copyOf(approvals);
        currentDigests = Map.copyOf(currentDigests);
        uncounted = List.copyOf(uncounted);
    }

    /** A state whose approvals, verifications and provenance are all vouched for. */
    public GuardrailState(Map<String, Instant> verifiedSince, List<Approval> approvals,
            Map<String, Digest> currentDigests, boolean targetRepositoryImmutable) {
        this(verifiedSince, approvals, currentDigests, targetRepositoryImmutable, List.of());
    }

    /** When the artifact was first verified in {@code environment}, if it was. */
    public Optional<Instant> verifiedIn(String environment) {
        return Optional.ofNullable(verifiedSince.get(environment));
    }
}
