package dev.airlock.aws;

import java.security.PublicKey;
import java.util.Optional;
import dev.airlock.AirlockException;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.aws.internal.KmsCalls;
import dev.airlock.spi.Signer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;

/**
 * Signs with an AWS KMS asymmetric key ({@code kms:Sign}); the private key never leaves KMS. The key's
 * public half and algorithm are learned once, when the signer is made ({@code kms:GetPublicKey}), so a key
 * that cannot sign fails there, naming the key, not at the first attestation.
 *
 * <p>Messages up to 4096 bytes are sent as they are ({@code MessageType RAW}); KMS hashes them with
 * SHA-256, which is the same signature as hashing here. Larger ones are hashed here and only the digest
 * is sent ({@code MessageType DIGEST}), since KMS takes at most 4096 bytes. Sending small messages raw
 * also keeps them verifiable on emulators that ignore DIGEST (moto 5.2.1 hashes the digest again).
 *
 * <p>Neither {@code toString} nor exceptions carry key material or credentials: they name the key's
 * ARN, its algorithm and its public key's fingerprint.
 */
public final class KmsSigner implements Signer {
    /** The largest message KMS signs whole. */
    static final int RAW_LIMIT = 4096;

    private final KmsCalls calls;
    private final KmsPublicKey key;

    private KmsSigner(KmsCalls calls, KmsPublicKey key) {
        this.calls = calls;
        this.key = key;
    }

    /**
     * A signer for {@code keyReference} (key id, key ARN, alias name or alias ARN) in the client's region.
     *
     * @throws AirlockException naming the key when it cannot sign for Airlock (see {@link KmsPublicKey#fetch})
     */
    public static KmsSigner create(KmsClient kms, String keyReference) {
        return create(new KmsCalls(kms, keyReference, null, null));
    }

    static KmsSigner create(KmsCalls calls) {
        return new KmsSigner(calls, KmsPublicKey.fetch(calls));
    }

    /** The public half, to pin in the keyring. */
    public KmsPublicKey publicKey() {
        return key;
    }

    @Override
    public Optional<PublicKey> verificationKey() {
        return Optional.of(key.publicKey());
    }

    @Override
    public String keyId() {
        return key.keyId();
    }

    @Override
    public KeyAlgorithm algorithm() {
        return key.algorithm();
    }

    /**
     * Signs {@code message} with KMS.
     *
     * @throws AirlockException naming the key and, when KMS refuses the caller, what KMS said about it
     */
    @Override
    public byte[] sign(byte[] message) {
        boolean raw = message.length <= RAW_LIMIT;
        SdkBytes sent = SdkBytes.fromByteArrayUnsafe(raw ? message : sha256(message));
        return calls.call("kms:Sign", kms -> kms.sign(r -> r.keyId(key.kmsKeyId()).message(sent)
                .messageType(raw ? MessageType.RAW : MessageType.DIGEST)
                .signingAlgorithm(key.signingAlgorithm()))).signature().asByteArray();
    }

    private static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "KmsSigner[" + key.kmsKeyId() + ", " + key.algorithm() + ", " + key.keyId() + "]";
    }
}
