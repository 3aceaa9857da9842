package dev.airlock.guardrail;

import dev.airlock.artifact.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The facts a decision needs beyond the request, gathered by the caller (usually from the ledger):
 * since when the artifact has been verified in each environment, the approvals recorded, each
 * environment's current digest, whether the target's repository is immutable, and what external
 * gates answered (by gate name; a gate with no answer counts as pending).
 *
 * <p>The decision counts every approval and verification given here, and trusts the artifact's
 * provenance unless {@code uncounted} says otherwise: whoever gathers the state vouches for it. The
 * engine gathers only attestations whose signatures verify against the keyring, and lists the others
 * in {@code uncounted} so explanations can say why they were not counted.
 */
public record GuardrailState(Map<String, Instant> verifiedSince, List<Approval> approvals,
        Map<String, Digest> currentDigests, boolean targetRepositoryImmutable, Map<String, GateAnswer> gateAnswers,
        List<UncountedAttestation> uncounted) {

    public static final GuardrailState EMPTY = new GuardrailState(Map.of(), List.of(), Map.of(), true);

    public GuardrailState {
        verifiedSince = Map.copyOf(verifiedSince);
        approvals = List.copyOf(approvals);
        currentDigests = Map.copyOf(currentDigests);
        gateAnswers = Map.copyOf(gateAnswers);
        uncounted = List.copyOf(uncounted);
    }

    /** A state whose approvals, verifications and provenance are all vouched for, and no gate has answered. */
    public GuardrailState(Map<String, Instant> verifiedSince, List<Approval> approvals,
            Map<String, Digest> currentDigests, boolean targetRepositoryImmutable) {
        this(verifiedSince, approvals, currentDigests, targetRepositoryImmutable, Map.of(), List.of());
    }

    /** A state in which these gates answered, and the attestations given are all vouched for. */
    public GuardrailState(Map<String, Instant> verifiedSince, List<Approval> approvals,
            Map<String, Digest> currentDigests, boolean targetRepositoryImmutable, Map<String, GateAnswer> gateAnswers) {
        this(verifiedSince, approvals, currentDigests, targetRepositoryImmutable, gateAnswers, List.of());
    }

    /** What {@code gate} answered, if it was asked. */
    public Optional<GateAnswer> gateAnswer(String gate) {
        return Optional.ofNullable(gateAnswers.get(gate));
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
        private final Map<String, GateAnswer> gateAnswers;
        private final List<UncountedAttestation> uncounted;

        private Builder(GuardrailState from) {
            this.gateAnswers = new TreeMap<>(from.gateAnswers);
            this.uncounted = new ArrayList<>(from.uncounted);
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

        /** {@code answer.gate()} answered {@code answer}. */
        public Builder gate(GateAnswer answer) {
            gateAnswers.put(answer.gate(), answer);
            return this;
        }

        public GuardrailState build() {
            return new GuardrailState(verifiedSince, approvals, currentDigests, targetRepositoryImmutable, gateAnswers,
                    uncounted);
        }
    }
}
