package dev.airlock.internal.promotion;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Artifact;
import dev.airlock.attestation.Envelope;
import dev.airlock.attestation.Keyring;
import dev.airlock.attestation.PredicateTypes;
import dev.airlock.attestation.Statement;
import dev.airlock.attestation.Verification;
import dev.airlock.ledger.Checkpoint;
import dev.airlock.ledger.EntryType;
import dev.airlock.ledger.LedgerEntry;
import dev.airlock.spi.Signer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The signed statements behind approvals, verifications, registrations and break-glass requests: how
 * the engine writes them (a DSSE envelope in the entry's {@link Details#ATTESTATION} detail) and how an
 * entry read from the ledger is checked. An entry counts only when its envelope is signed by a key bound
 * to the owner it speaks for and its statement says exactly what the entry says, signed within the
 * allowed clock skew of when the entry was recorded: so a forged entry, an approval copied to another
 * digest or environment, and an old approval appended again later are all refused.
 */
public final class Attestations {
    private final Keyring keyring;
    private final Duration maxClockSkew;
    private final @Nullable String ledgerOwner;

    /**
     * @param ledgerOwner the keyring owner whose keys sign checkpoints; null when checkpoints are not signed
     */
    public Attestations(Keyring keyring, Duration maxClockSkew, @Nullable String ledgerOwner) {
        this.keyring = keyring;
        this.maxClockSkew = maxClockSkew;
        this.ledgerOwner = ledgerOwner;
    }

    /** Whose keys sign checkpoints, or null. */
    public @Nullable String ledgerOwner() {
        return ledgerOwner;
    }

    /** {@code checkpoint} signed by {@code signer}, the ledger's. */
    static Checkpoint sign(Checkpoint checkpoint, Signer signer) {
        return checkpoint.signed(Envelope.sign(Checkpoint.PAYLOAD_TYPE, checkpoint.signedPayload(), signer).toJson());
    }

    /**
     * Whether a cold start may take {@code checkpoint}'s state at its word: it was computed under this
     * keyring, and, where checkpoints are signed, its signature verifies against the ledger's key.
     */
    Verification trust(Checkpoint checkpoint) {
        if (!ViewState.basis(keyring).equals(ViewState.basis(checkpoint.state()))) {
            return Verification.notCounted("its state was computed under another keyring or by another version");
        }
        return ledgerOwner == null ? Verification.verified("") : signature(checkpoint);
    }

    /** Whether the checkpoint's signature verifies against the ledger's key. */
    Verification signature(Checkpoint checkpoint) {
        if (checkpoint.signature() == null) {
            return Verification.notCounted("it is not signed");
        }
        Envelope envelope;
        try {
            envelope = Envelope.parse(checkpoint.signature());
        } catch (InvalidValueException e) {
            return Verification.notCounted("its signature is malformed: " + e.getMessage());
        }
        if (!Checkpoint.PAYLOAD_TYPE.equals(envelope.payloadType())
                || !java.util.Arrays.equals(envelope.payload(), checkpoint.signedPayload())) {
            return Verification.notCounted("its signature is for another checkpoint");
        }
        return keyring.verify(envelope, String.valueOf(ledgerOwner));
    }

    public Keyring keyring() {
        return keyring;
    }

    static Statement approval(Artifact artifact, String environment, String policyVersion, String approver,
            Instant at) {
        return statement(artifact, PredicateTypes.APPROVAL, Map.of("environment", environment, "policyVersion",
                policyVersion, "approver", approver, "approvedAt", at.toString()));
    }

    static Statement verification(Artifact artifact, String environment, String reporter, Instant at) {
        return statement(artifact, PredicateTypes.VERIFICATION, Map.of("environment", environment, "reporter", reporter,
                "verifiedAt", at.toString()));
    }

    static Statement breakGlass(Artifact artifact, String environment, String requester, String justification,
            Instant at) {
        return statement(artifact, PredicateTypes.BREAK_GLASS, Map.of("environment", environment, "requester",
                requester, "justification", justification, "requestedAt", at.toString()));
    }

    /** SLSA provenance v1: the build's source as external parameters, the builder and build id as run details. */
    static Statement provenance(Artifact artifact) {
        var p = artifact.provenance();
        Map<String, Object> buildDefinition = Map.of("buildType", PredicateTypes.BUILD_TYPE,
                "externalParameters", Map.of("repository", p.sourceRepository(), "revision", p.revision()),
                "resolvedDependencies", List.of(Map.of("uri", "git+" + p.sourceRepository(),
                        "digest", Map.of("gitCommit", p.revision()))));
        Map<String, Object> runDetails = Map.of("builder", Map.of("id", p.builder()),
                "metadata", Map.of("invocationId", p.buildId(), "startedOn", p.builtAt().toString()));
        return statement(artifact, PredicateTypes.PROVENANCE, Map.of("buildDefinition", buildDefinition,
                "runDetails", runDetails));
    }

    private static Statement statement(Artifact artifact, String type, Map<String, Object> predicate) {
        return new Statement(artifact.name() + ":" + artifact.version(), artifact.digest(), type, predicate);
    }

    /** The statement signed by {@code signer}, as the detail an entry carries. */
    static String sign(Statement statement, Signer signer) {
        return Envelope.sign(Statement.PAYLOAD_TYPE, statement.toJson(), signer).toJson();
    }

    /** The owner an entry's attestation must be signed by: its principal, or for a registration the builder. */
    static String owner(LedgerEntry entry) {
        return entry.type() == EntryType.REGISTERED ? entry.detail(Details.BUILDER) : entry.principal();
    }

    /** Whether the attestation an entry carries counts, and if not, why. */
    public Verification check(LedgerEntry entry) {
        String json = entry.detail(Details.ATTESTATION);
        if (json == null) {
            return Verification.notCounted("not signed");
        }
        Envelope envelope;
        Statement statement;
        try {
            envelope = Envelope.parse(json);
        } catch (InvalidValueException e) {
            return Verification.notCounted("attestation is malformed: " + e.getMessage());
        }
        if (!Statement.PAYLOAD_TYPE.equals(envelope.payloadType())) {
            return Verification.notCounted("attestation is a " + envelope.payloadType() + ", not an in-toto statement");
        }
        Verification signature = keyring.verify(envelope, owner(entry));
        if (!signature.counted()) {
            return signature;
        }
        try {
            statement = Statement.parse(envelope.payload());
        } catch (InvalidValueException e) {
            return Verification.notCounted("signed statement is malformed: " + e.getMessage());
        }
        String problem = disagreement(entry, statement);
        return problem == null ? signature : Verification.notCounted(problem);
    }

    /** What the signed statement says differently from the entry, or null when they agree. */
    private @Nullable String disagreement(LedgerEntry entry, Statement statement) {
        if (!statement.subject().equals(entry.digest())) {
            return "signed for another digest, " + statement.subject().shortForm();
        }
        Map<String, String> expected = new LinkedHashMap<>();
        String type;
        String signedAt = null;
        switch (entry.type()) {
            case APPROVED -> {
                type = PredicateTypes.APPROVAL;
                expected.put("environment", entry.environment());
                expected.put("approver", entry.principal());
                expected.put("policyVersion", entry.detail(Details.POLICY_VERSION));
                signedAt = "approvedAt";
            }
            case VERIFIED -> {
                type = PredicateTypes.VERIFICATION;
                expected.put("environment", entry.environment());
                expected.put("reporter", entry.principal());
                signedAt = "verifiedAt";
            }
            case REGISTERED -> {
                type = PredicateTypes.PROVENANCE;
                expected.put("buildDefinition.externalParameters.repository", entry.detail(Details.SOURCE_REPOSITORY));
                expected.put("buildDefinition.externalParameters.revision", entry.detail(Details.REVISION));
                expected.put("runDetails.builder.id", entry.detail(Details.BUILDER));
                expected.put("runDetails.metadata.invocationId", entry.detail(Details.BUILD_ID));
                expected.put("runDetails.metadata.startedOn", entry.detail(Details.BUILT_AT));
            }
            // A break-glass justification is checked as it is signed, before its decision is recorded.
            default -> throw new IllegalArgumentException(entry.type() + " entries carry no attestation that counts");
        }
        if (!type.equals(statement.predicateType())) {
            return "signed as " + statement.predicateType() + ", not " + type;
        }
        for (Map.Entry<String, String> field : expected.entrySet()) {
            String signed = statement.field(field.getKey());
            if (!java.util.Objects.equals(signed, field.getValue())) {
                return "signed for " + field.getKey() + " '" + signed + "', not '" + field.getValue() + "'";
            }
        }
        return signedAt == null ? null : timing(entry, statement.field(signedAt));
    }

    /** A statement signed long before its entry was recorded is a replay; long after, a forgery. */
    private @Nullable String timing(LedgerEntry entry, @Nullable String signedAt) {
        Instant at;
        try {
            at = Instant.parse(String.valueOf(signedAt));
        } catch (DateTimeParseException e) {
            return "signed with no valid time";
        }
        if (Duration.between(at, entry.time()).abs().compareTo(maxClockSkew) > 0) {
            return "signed at " + at + " but recorded at " + entry.time() + ": a replay";
        }
        return null;
    }
}
