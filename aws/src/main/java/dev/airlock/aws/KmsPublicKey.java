package dev.airlock.aws;

import dev.airlock.AirlockException;
import dev.airlock.InvalidValueException;
import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.attestation.PublicKeys;
import dev.airlock.attestation.TrustedKey;
import dev.airlock.aws.internal.KmsCalls;
import java.security.PublicKey;
import java.util.Base64;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * The public half of a KMS signing key, fetched once with {@code kms:GetPublicKey}, to pin in the
 * keyring: verification is offline and never asks KMS, so a key swapped behind an alias cannot sign
 * for anyone.
 *
 * @param kmsKeyId  the key's ARN as GetPublicKey names it (an alias resolved), or the reference as given
 * @param publicKey the public key
 * @param algorithm how the key signs: ECDSA P-256 ({@code ECC_NIST_P256}) or RSASSA-PSS (RSA keys)
 */
public record KmsPublicKey(String kmsKeyId, PublicKey publicKey, KeyAlgorithm algorithm) {
    public KmsPublicKey {
        InvalidValueException.requireNonNull("kmsKeyId", kmsKeyId);
        InvalidValueException.requireNonNull("publicKey", publicKey);
        InvalidValueException.requireNonNull("algorithm", algorithm);
    }

    /**
     * Fetches the public key of {@code keyReference} (key id, key ARN, alias name or alias ARN) in the
     * client's region.
     *
     * @throws AirlockException naming the key when it is missing, disabled, not a signing key, of a spec
     *                          Airlock does not verify, or when the caller may not read it
     */
    public static KmsPublicKey fetch(KmsClient kms, String keyReference) {
        return fetch(new KmsCalls(kms, keyReference, null, null));
    }

    static KmsPublicKey fetch(KmsCalls calls) {
        GetPublicKeyResponse response = calls.call("kms:GetPublicKey", kms -> kms.getPublicKey(r -> r.keyId(calls.key())));
        String key = calls.key();
        if (response.keyUsage() != null && response.keyUsage() != KeyUsageType.SIGN_VERIFY) {
            throw new AirlockException("KMS key " + key + " has KeyUsage " + response.keyUsageAsString()
                    + ": attestations need a key created with KeyUsage SIGN_VERIFY");
        }
        PublicKey publicKey;
        KeyAlgorithm algorithm;
        try {
            publicKey = PublicKeys.parse(Base64.getEncoder().encodeToString(response.publicKey().asByteArray()));
            algorithm = KeyAlgorithm.of(publicKey);
        } catch (InvalidValueException e) {
            throw new AirlockException("KMS key " + key + " has KeySpec " + response.keySpecAsString()
                    + ", which Airlock does not verify: create the signing key with KeySpec ECC_NIST_P256 or "
                    + "RSA_2048, RSA_3072 or RSA_4096", e);
        }
        if (algorithm == KeyAlgorithm.ED25519) {
            throw new AirlockException("KMS key " + key + " is an Ed25519 key, which Airlock signs with locally only: "
                    + "create the KMS key with KeySpec ECC_NIST_P256 or RSA_2048, RSA_3072 or RSA_4096");
        }
        // AWS names the key by its ARN, so an alias is resolved once; moto answers a bare key id, which would
        // lose an ARN's account, so then the reference stays as given.
        String kmsKeyId = response.keyId() != null && response.keyId().startsWith("arn:") ? response.keyId() : key;
        KmsPublicKey found = new KmsPublicKey(kmsKeyId, publicKey, algorithm);
        if (!response.signingAlgorithms().isEmpty()
                && !response.signingAlgorithms().contains(found.signingAlgorithm())) {
            throw new AirlockException("KMS key " + key + " does not sign with " + found.signingAlgorithm()
                    + " (it offers " + response.signingAlgorithmsAsStrings() + ")");
        }
        return found;
    }

    /** The KMS signing algorithm matching {@link #algorithm()}: what Airlock verifies with. */
    public SigningAlgorithmSpec signingAlgorithm() {
        return algorithm == KeyAlgorithm.ECDSA_P256_SHA256 ? SigningAlgorithmSpec.ECDSA_SHA_256
                : SigningAlgorithmSpec.RSASSA_PSS_SHA_256;
    }

    /** The public key as PEM, to paste into the configuration's keyring. */
    public String pem() {
        return PublicKeys.pem(publicKey);
    }

    /** The short name Airlock gives this public key ({@code sha256:} and 16 hex digits), as signatures carry it. */
    public String keyId() {
        return PublicKeys.keyId(publicKey);
    }

    /**
     * This key as an entry of the keyring file's {@code keys:} list, bound to {@code owner} and naming the
     * KMS key that signs for it, in the form {@code airlock keys} writes local keys:
     * <pre>{@code
     *   - owner: "rob"
     *     publicKey: MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE...
     *     kms: arn:aws:kms:eu-central-1:111111111111:key/1234abcd-...
     * }</pre>
     */
    public String keyringEntry(String owner) {
        InvalidValueException.requireNonNull("owner", owner);
        return "  - owner: \"" + owner.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n    publicKey: "
                + PublicKeys.base64(publicKey) + "\n    kms: " + kmsKeyId + "\n";
    }

    /** The keyring binding of this key to {@code owner}, for a keyring built in code. */
    public TrustedKey trustedKey(String owner) {
        return new TrustedKey(owner, publicKey);
    }

    @Override
    public String toString() {
        return "KmsPublicKey[" + kmsKeyId + ", " + algorithm + ", " + keyId() + "]";
    }
}
