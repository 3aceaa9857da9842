package dev.airlock.attestation;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.List;
import java.util.Set;

/**
 * The public keys Airlock trusts, each bound to the owner it may speak for. An attestation counts only
 * when one of its signatures verifies against a key bound to the owner it speaks for: a key bound to
 * rob can never sign for rae, nor for a builder. Implementations are thread-safe, and an owner's keys
 * never change under one {@link #fingerprint()}.
 */
public interface Keyring {
    /** No keys: nothing verifies. */
    Keyring EMPTY = of(List.of());

    /** A keyring of {@code keys}, fixed. */
    static Keyring of(List<TrustedKey> keys) {
        return new FixedKeyring(keys);
    }

    /** The keys bound to {@code owner}, in binding order. */
    List<TrustedKey> keys(String owner);

    /** Every owner with a key. */
    Set<String> owners();

    /** Names this keyring's bindings: a state computed under another keyring is not reused under this one. */
    String fingerprint();

    /**
     * Whether {@code envelope} is signed by a key bound to {@code owner}. Says only that the owner signed
     * the payload; what the payload claims is the caller's to check.
     */
    default Verification verify(Envelope envelope, String owner) {
        byte[] pae = Envelope.pae(envelope.payloadType(), envelope.payload());
        List<TrustedKey> keys = keys(owner);
        for (TrustedKey key : keys) {
            for (Envelope.Signature signature : envelope.signatures()) {
                if (verifies(key, pae, signature.sig())) {
                    return Verification.verified(key.keyId());
                }
            }
        }
        if (keys.isEmpty()) {
            return Verification.notCounted("no key is bound to " + owner);
        }
        for (String other : owners()) {
            if (other.equals(owner)) {
                continue;
            }
            for (TrustedKey key : keys(other)) {
                if (envelope.signatures().stream().anyMatch(s -> verifies(key, pae, s.sig()))) {
                    return Verification.notCounted("signed with " + other + "'s key, not " + owner + "'s");
                }
            }
        }
        return Verification.notCounted("signature does not verify");
    }

    /** Whether {@code sig} is {@code key}'s signature of {@code message}; a malformed signature verifies nothing. */
    static boolean verifies(TrustedKey key, byte[] message, byte[] sig) {
        try {
            Signature verifier = key.algorithm().newSignature();
            verifier.initVerify(key.publicKey());
            verifier.update(message);
            return verifier.verify(sig);
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }
}
