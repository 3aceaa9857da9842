package dev.airlock.testkit.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.attestation.KeyAlgorithm;
import dev.airlock.testkit.aws.contract.AwsContractTarget;
import dev.airlock.testkit.aws.contract.KmsContract;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * {@link KmsContract} against moto_server, and where cheap, moto's answers that differ from AWS's (the
 * in-memory KMS holds to AWS's, {@link FakeKmsTest}). Should one of those fail, moto has changed: move the
 * behaviour into the contract.
 */
class MotoKmsContractTest extends KmsContract {
    private static final byte[] MESSAGE = "{\"approved\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Override
    protected AwsContractTarget createTarget() {
        return new MotoTarget();
    }

    private byte[] sign(String keyId, SigningAlgorithmSpec algorithm, byte[] message, MessageType type) {
        return kms().sign(r -> r.keyId(keyId).signingAlgorithm(algorithm).messageType(type)
                .message(SdkBytes.fromByteArray(message))).signature().asByteArray();
    }

    private static boolean verifies(Signature verifier, PublicKey key, byte[] message, byte[] signature)
            throws Exception {
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    @Test
    void moto_hashesADigestAgain_soItsDigestSignaturesVerifyOnlyOverTheDigest() throws Exception {
        String key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY).keyId();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(MESSAGE);

        byte[] signature = sign(key, SigningAlgorithmSpec.ECDSA_SHA_256, digest, MessageType.DIGEST);

        Signature ecdsa = KeyAlgorithm.ECDSA_P256_SHA256.newSignature();
        assertFalse(verifies(ecdsa, publicKey(key), MESSAGE, signature));
        assertTrue(verifies(ecdsa, publicKey(key), digest, signature));
    }

    @Test
    void moto_signsRsaPssWithTheLongestSalt_notTheHashLength() throws Exception {
        String key = createKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY).keyId();

        byte[] signature = sign(key, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, MESSAGE, MessageType.RAW);

        assertFalse(verifies(KeyAlgorithm.RSA_PSS_SHA256.newSignature(), publicKey(key), MESSAGE, signature),
                "AWS KMS and Airlock use a 32-byte salt");
        Signature longestSalt = Signature.getInstance("RSASSA-PSS");
        longestSalt.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 256 - 32 - 2, 1));
        assertTrue(verifies(longestSalt, publicKey(key), MESSAGE, signature));
    }

    @Test
    void moto_signsWithADisabledKey() {
        String key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY).keyId();
        kms().disableKey(r -> r.keyId(key));

        sign(key, SigningAlgorithmSpec.ECDSA_SHA_256, MESSAGE, MessageType.RAW);
    }

    @Test
    void moto_signsRawMessagesOver4096Bytes_andAnswersABadSignatureWithFalse() {
        String key = createKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY).keyId();

        byte[] signature = sign(key, SigningAlgorithmSpec.ECDSA_SHA_256, new byte[5000], MessageType.RAW);

        assertFalse(kms().verify(r -> r.keyId(key).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                .message(SdkBytes.fromByteArray(MESSAGE)).signature(SdkBytes.fromByteArray(signature)))
                .signatureValid());
    }
}
