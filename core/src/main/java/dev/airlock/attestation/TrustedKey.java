package dev.airlock.attestation;

import dev.airlock.InvalidValueException;
import java.security.PublicKey;

/**
 * A public key bound to the owner it may speak for: a principal, a builder identity, or the ledger.
 *
 * @param owner     whose statements this key signs
 * @param publicKey the pinned public key
 */
public record TrustedKey(String owner, PublicKey publicKey) {
    public TrustedKey {
        InvalidValueException.requireNonNull("owner", owner);
        if (owner.isBlank()) {
            throw new InvalidValueException("owner", owner, "must not be blank");
        }
        KeyAlgorithm.of(InvalidValueException.requireNonNull("publicKey", publicKey));
    }

    public String keyId() {
        return PublicKeys.keyId(publicKey);
    }

    public KeyAlgorithm algorithm() {
        return KeyAlgorithm.of(publicKey);
    }
}
