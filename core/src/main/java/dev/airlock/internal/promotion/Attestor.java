package dev.airlock.internal.promotion;

import dev.airlock.InvalidValueException;
import dev.airlock.artifact.Artifact;
import dev.airlock.attestation.Envelope;
import dev.airlock.attestation.Signers;
import dev.airlock.attestation.Statement;
import dev.airlock.attestation.Verification;
import dev.airlock.spi.Signer;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Signs the statements this process makes, each with the key of the owner it speaks for. What a person
 * attests (an approval, a verification, a break-glass request) needs that person's key; a registration
 * without the builder's key is recorded unsigned, and its provenance does not count.
 */
public final class Attestor {
    private final Signers signers;
    private final Attestations attestations;
    private final Clock clock;

    public Attestor(Signers signers, Attestations attestations, Clock clock) {
        this.signers = signers;
        this.attestations = attestations;
        this.clock = clock;
    }

    public String approval(Artifact artifact, String environment, String policyVersion, String approver) {
        return sign(Attestations.approval(artifact, environment, policyVersion, approver, clock.instant()),
                approver, "an approval");
    }

    /**
     * The reporter's signed verification.
     *
     * @throws InvalidValueException when the reporter has no key here, or one the keyring does not bind to them
     */
    public String verification(Artifact artifact, String environment, String reporter) {
        return bound(sign(Attestations.verification(artifact, environment, reporter, clock.instant()), reporter,
                "a verification"), reporter, "report");
    }

    /** The builder's signed provenance, or null when this process holds no key of the builder. */
    public @Nullable String provenance(Artifact artifact) {
        String builder = artifact.provenance().builder();
        return signers.signerFor(builder).map(s -> Attestations.sign(Attestations.provenance(artifact), s)).orElse(null);
    }

    /**
     * The requester's signed justification.
     *
     * @throws InvalidValueException when the requester has no key here, or one the keyring does not bind to them
     */
    String breakGlass(Artifact artifact, String environment, String requester, String justification) {
        return bound(sign(Attestations.breakGlass(artifact, environment, requester, justification, clock.instant()),
                requester, "a break-glass request"), requester, "justification");
    }

    /** Refuses, before anything is recorded, a claim whose key the keyring does not bind to its owner. */
    private String bound(String envelope, String owner, String field) {
        Verification verification = attestations.keyring().verify(Envelope.parse(envelope), owner);
        if (!verification.counted()) {
            throw new InvalidValueException(field, owner, "cannot be signed so that it counts: " + owner + " ("
                    + verification.reason() + "); sign with a key the keyring binds to " + owner);
        }
        return envelope;
    }

    private String sign(Statement statement, String owner, String what) {
        Optional<Signer> signer = signers.signerFor(owner);
        if (signer.isEmpty()) {
            throw new InvalidValueException("signingKey", owner, "is not available here: " + what + " by " + owner
                    + " must be signed with a key the keyring binds to " + owner);
        }
        return Attestations.sign(statement, signer.get());
    }
}
