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
 */
public record GuardrailState(Map<String, Instant> verifiedSince, List<Approval> approvals,
        Map<String, Digest> currentDigests, boolean targetRepositoryImmutable) {

    public static final GuardrailState EMPTY = new GuardrailState(Map.of(), List.of(), Map.of(), true);

    public GuardrailState {
        verifiedSince = Map.copyOf(verifiedSince);
        approvals = List.copyOf(approvals);
        currentDigests = Map.copyOf(currentDigests);
    }

    /** When the artifact was first verified in {@code environment}, if it was. */
    public Optional<Instant> verifiedIn(String environment) {
        return Optional.ofNullable(verifiedSince.get(environment));
    }
}
