package dev.airlock.guardrail;

import dev.airlock.artifact.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** An empty state (verified nowhere, no approvals, nothing running, repositories immutable) to add to. */
    public static Builder builder() {
        return new Builder(EMPTY);
    }

    /** A builder holding this state's facts, to ask about a variation of it. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds states fact by fact; {@link #build()} copies, so one builder can make several. */
    public static final class Builder {
        private final Map<String, Instant> verifiedSince;
        private final List<Approval> approvals;
        private final Map<String, Digest> currentDigests;
        private boolean targetRepositoryImmutable;

        private Builder(GuardrailState from) {
            this.verifiedSince = new LinkedHashMap<>(from.verifiedSince);
            this.approvals = new ArrayList<>(from.approvals);
            this.currentDigests = new LinkedHashMap<>(from.currentDigests);
            this.targetRepositoryImmutable = from.targetRepositoryImmutable;
        }

        /** The artifact was first verified healthy in {@code environment} at {@code since}. */
        public Builder verified(String environment, Instant since) {
            verifiedSince.put(environment, since);
            return this;
        }

        public Builder approval(Approval approval) {
            approvals.add(approval);
            return this;
        }

        /** {@code environment} runs {@code digest} now. */
        public Builder running(String environment, Digest digest) {
            currentDigests.put(environment, digest);
            return this;
        }

        public Builder targetRepositoryImmutable(boolean immutable) {
            this.targetRepositoryImmutable = immutable;
            return this;
        }

        public GuardrailState build() {
            return new GuardrailState(verifiedSince, approvals, currentDigests, targetRepositoryImmutable);
        }
    }
}
