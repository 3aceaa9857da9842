package dev.airlock.spi;

import dev.airlock.attestation.KeyAlgorithm;
import java.security.PublicKey;
import java.util.Optional;
import java.util.function.Supplier;

/** A signer made on first use: reading a key file or asking KMS for a public key costs nothing until something is signed. */
final class LazySigner implements Signer {
    private final Supplier<Signer> make;
    private volatile Signer signer;

    LazySigner(Supplier<Signer> make) {
        this.make = make;
    }

    private Signer signer() {
        Signer made = signer;
        if (made == null) {
            synchronized (this) {
                if (signer == null) {
                    signer = make.get();
                }
                made = signer;
            }
        }
        return made;
    }

    @Override
    public String keyId() {
        return signer().keyId();
    }

    @Override
    public KeyAlgorithm algorithm() {
        return signer().algorithm();
    }

    @Override
    public byte[] sign(byte[] message) {
        return signer().sign(message);
    }

    @Override
    public Optional<PublicKey> verificationKey() {
        return signer().verificationKey();
    }

    @Override
    public String toString() {
        Signer made = signer;
        return made == null ? "LazySigner[not made yet]" : made.toString();
    }
}
