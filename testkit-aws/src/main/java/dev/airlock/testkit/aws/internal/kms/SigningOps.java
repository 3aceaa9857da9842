package dev.airlock.testkit.aws.internal.kms;

import dev.airlock.testkit.aws.internal.Caller;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.VerifyRequest;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

/**
 * GetPublicKey, Sign and Verify with real JDK cryptography: ECDSA P-256 (DER signatures) and RSASSA-PSS with
 * SHA-256 and a 32-byte salt, as KMS signs, over a message (RAW, at most 4096 bytes) or its SHA-256 (DIGEST).
 */
final class SigningOps {
    private static final int RAW_LIMIT = 4096;

    private final KmsStore store;

    SigningOps(KmsStore store) {
        this.store = store;
    }

    @SuppressWarnings("deprecation") // CustomerMasterKeySpec is deprecated, but AWS still returns it beside KeySpec
    GetPublicKeyResponse publicKey(Caller caller, Region region, GetPublicKeyRequest request) {
        KmsKey key = usable(store.authorized(caller, region, request.keyId(), "kms:GetPublicKey"));
        if (key.pair == null) {
            throw KmsStore.error("UnsupportedOperationException", key.arn() + " key usage/spec "
                    + key.spec + " is not supported for GetPublicKey: it is not an asymmetric key");
        }
        return GetPublicKeyResponse.builder().keyId(key.arn())
                .publicKey(SdkBytes.fromByteArray(key.pair.getPublic().getEncoded())).keySpec(key.spec)
                .customerMasterKeySpec(key.spec.toString()).keyUsage(key.usage)
                .signingAlgorithms(key.signingAlgorithms()).encryptionAlgorithms(key.encryptionAlgorithms()).build();
    }

    SignResponse sign(Caller caller, Region region, SignRequest request) {
        KmsKey key = signing(store.authorized(caller, region, request.keyId(), "kms:Sign"),
                request.signingAlgorithm(), request.signingAlgorithmAsString(), "Sign");
        byte[] digest = digest(request.message(), request.messageType(), request.signingAlgorithmAsString());
        KeyPair pair = Objects.requireNonNull(key.pair);
        byte[] signature;
        if (key.isEcc()) {
            signature = ecdsaSign(digest, pair);
        } else {
            signature = PssDigest.sign((RSAPrivateKey) pair.getPrivate(), digest);
        }
        return SignResponse.builder().keyId(key.arn()).signature(SdkBytes.fromByteArray(signature))
                .signingAlgorithm(request.signingAlgorithm()).build();
    }

    VerifyResponse verify(Caller caller, Region region, VerifyRequest request) {
        KmsKey key = signing(store.authorized(caller, region, request.keyId(), "kms:Verify"),
                request.signingAlgorithm(), request.signingAlgorithmAsString(), "Verify");
        byte[] digest = digest(request.message(), request.messageType(), request.signingAlgorithmAsString());
        if (request.signature() == null) {
            throw KmsStore.error("ValidationException", "1 validation error detected: Value null at 'signature' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        KeyPair pair = Objects.requireNonNull(key.pair);
        byte[] signature = request.signature().asByteArray();
        boolean valid = key.isEcc() ? ecdsaVerifies(digest, pair, signature)
                : PssDigest.verify((RSAPublicKey) pair.getPublic(), digest, signature);
        if (!valid) {
            // KMS answers an invalid signature with an error, never with SignatureValid false.
            throw KmsStore.error("KMSInvalidSignatureException", "The signature is invalid.");
        }
        return VerifyResponse.builder().keyId(key.arn()).signatureValid(true)
                .signingAlgorithm(request.signingAlgorithm()).build();
    }

    private KmsKey usable(KmsKey key) {
        synchronized (store) {
            if (!key.enabled) {
                throw KmsStore.error("DisabledException", key.arn() + " is disabled.");
            }
        }
        return key;
    }

    private KmsKey signing(KmsKey key, SigningAlgorithmSpec algorithm, String algorithmName, String operation) {
        usable(key);
        if (key.usage != KeyUsageType.SIGN_VERIFY) {
            throw KmsStore.error("InvalidKeyUsageException", key.arn() + " key usage is " + key.usage
                    + " which is not valid for " + operation + ".");
        }
        if (algorithm == null) {
            throw KmsStore.error("ValidationException", "1 validation error detected: Value '" + algorithmName
                    + "' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set");
        }
        if (!key.signingAlgorithms().contains(algorithm)) {
            throw KmsStore.error("InvalidKeyUsageException", "Algorithm " + algorithm + " is incompatible with key spec "
                    + key.spec + ".");
        }
        if (algorithm != SigningAlgorithmSpec.ECDSA_SHA_256 && algorithm != SigningAlgorithmSpec.RSASSA_PSS_SHA_256) {
            throw new UnsupportedOperationException("FakeKmsClient does not model " + operation + " with "
                    + algorithm + "; modeled algorithms are ECDSA_SHA_256 and RSASSA_PSS_SHA_256");
        }
        return key;
    }

    /** The SHA-256 to sign: of the message (RAW) or the message itself (DIGEST), with KMS's length limits. */
    private static byte[] digest(SdkBytes message, MessageType type, String algorithm) {
        if (message == null) {
            throw KmsStore.error("ValidationException", "1 validation error detected: Value null at 'message' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        byte[] bytes = message.asByteArray();
        if (bytes.length == 0 || bytes.length > RAW_LIMIT) {
            throw KmsStore.error("ValidationException", "1 validation error detected: Value at 'message' failed to "
                    + "satisfy constraint: Member must have length less than or equal to 4096 and greater than 0");
        }
        if (type == null || type == MessageType.RAW) {
            return PssDigest.sha256(bytes);
        }
        if (type != MessageType.DIGEST) {
            throw new UnsupportedOperationException("FakeKmsClient does not model MessageType " + type);
        }
        if (bytes.length != 32) {
            throw KmsStore.error("ValidationException", "Digest is invalid length for algorithm " + algorithm + ".");
        }
        return bytes;
    }

    private static byte[] ecdsaSign(byte[] digest, KeyPair pair) {
        try {
            // The digest is given, so the JDK's ECDSA must not hash again: NONEwithECDSA, DER-encoded as KMS returns.
            Signature ecdsa = Signature.getInstance("NONEwithECDSA");
            ecdsa.initSign(pair.getPrivate());
            ecdsa.update(digest);
            return ecdsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot sign with NONEwithECDSA", e);
        }
    }

    private static boolean ecdsaVerifies(byte[] digest, KeyPair pair, byte[] signature) {
        try {
            Signature ecdsa = Signature.getInstance("NONEwithECDSA");
            ecdsa.initVerify(pair.getPublic());
            ecdsa.update(digest);
            return ecdsa.verify(signature);
        } catch (java.security.SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot verify with NONEwithECDSA", e);
        }
    }
}
