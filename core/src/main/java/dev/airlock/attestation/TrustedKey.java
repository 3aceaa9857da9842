package dev.airlock.attestation;

import dev.airlock.InvalidValueException;
import java.security.PublicKey;

/**
 * A public key bound to the owner it may speak for: a principal, a builder identity, or the ledger. Its
 * algorithm and key id are worked out once, here, not on every verification.
 *
 * @param owner     whose statements this key signs
 * @param publicKey the pinned public key
 * @param algorithm how it verifies, as {@link KeyAlgorithm#of} says
 * @param keyId     its short name, as {@link PublicKeys#keyId} gives it
 */
public record TrustedKey(String owner, PublicKey publicKey, KeyAlgorithm algorithm, String keyId) {
    public TrustedKey {
        InvalidValueException.requireNonNull("owner", owner);
        if (owner.isBlank()) {
            throw new InvalidValueException("owner", owner, "must not be blank");
        }
        if (KeyAlgorithm.of(InvalidValueException.requireNonNull("publicKey", publicKey)) != algorithm
                || !PublicKeys.keyId(publicKey).equals(keyId)) {
            throw new InvalidValueException("algorithm", algorithm, "and key id must be the public key's own; "
                    + "use new TrustedKey(owner, publicKey)");
        }
    }

    /** {@code publicKey} bound to {@code owner}. */
    public TrustedKey(String owner, PublicKey publicKey) {
        this(owner, publicKey, KeyAlgorithm.of(InvalidValueException.requireNonNull("publicKey", publicKey)),
                PublicKeys.keyId(publicKey));
    }
}
