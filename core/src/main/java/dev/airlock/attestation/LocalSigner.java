package dev.airlock.attestation;

import dev.airlock.spi.Signer;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * Signs with a private key held in this process (read from a {@link KeyFile}, or made in memory).
 * Its {@code toString} names where the key came from, never the key.
 */
public final class LocalSigner implements Signer {
    private final PrivateKey privateKey;
    private final KeyAlgorithm algorithm;
    private final String keyId;
    private final String source;

    LocalSigner(PrivateKey privateKey, KeyAlgorithm algorithm, String keyId, String source) {
        this.privateKey = privateKey;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.source = source;
    }

    /** A signer for a key pair made in memory (tests, the demo). */
    public static LocalSigner of(KeyPair pair) {
        return new LocalSigner(pair.getPrivate(), KeyAlgorithm.of(pair.getPublic()), PublicKeys.keyId(pair.getPublic()),
                "memory");
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signature = algorithm.newSignature();
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with key " + keyId + " failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "LocalSigner[" + algorithm.configName() + ", " + keyId + ", from " + source + "]";
    }
}
