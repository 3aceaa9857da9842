package dev.airlock.spi;

import dev.airlock.attestation.KeyAlgorithm;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Signs on behalf of one owner (a principal, a builder or the ledger) with one private key that never
 * leaves it: a key file on this machine, or an AWS KMS key. Implementations never put key material in
 * {@code toString}, logs or exception messages.
 */
public interface Signer {
    /** A hint naming the key (recorded with the signature; verification never relies on it). */
    String keyId();

    /** How this signer signs, which is how its public key verifies. */
    KeyAlgorithm algorithm();

    /**
     * Signs {@code message} (the whole message; the signer hashes it as its algorithm says).
     *
     * @return the signature in the algorithm's standard encoding (DER for ECDSA)
     */
    byte[] sign(byte[] message);

    /** The public key that verifies this signer's signatures, where the signer knows it: what a keyring pins. */
    default Optional<PublicKey> verificationKey() {
        return Optional.empty();
    }

    /** A signer {@code make} makes the first time it is used, so holding one costs no I/O or remote call. */
    static Signer lazily(Supplier<Signer> make) {
        return new LazySigner(make);
    }
}
